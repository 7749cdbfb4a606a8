import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { Box } from '@mui/material';
import { useCallback, useMemo, useRef, useState } from 'react';
import { STAGES, type Stage } from '#shared/domain/application/application-schema';
import type { Actor } from '#shared/domain/common/roles';
import type { JobStatus } from '#shared/domain/job/job-schema';
import { boardAnnouncements, SCREEN_READER_INSTRUCTIONS } from './board-announcements';
import { columnKeyboardCoordinates } from './column-keyboard';
import { decideDrop, isMovable, type DropDecision } from './drop-rules';
import type { PipelineCard } from './pipeline-cards';
import type { PipelineColumns } from './pipeline-filters';
import { PipelineCardContent } from './PipelineCardContent';
import { PipelineColumn, type BoardSelection, type ColumnDropState } from './PipelineColumn';

interface PipelineBoardProps {
  readonly columns: PipelineColumns;
  readonly counts: Readonly<Record<Stage, number>>;
  readonly cardsById: ReadonlyMap<string, PipelineCard>;
  readonly actor: Actor;
  readonly jobStatus: JobStatus;
  /** A card was dropped on another column; `decision` says whether and how it may move. */
  readonly onDrop: (card: PipelineCard, to: Stage, decision: DropDecision) => void;
  /** Set while cards are being picked for a bulk action (dragging is off meanwhile). */
  readonly selection?: BoardSelection | null;
}

function asStage(id: UniqueIdentifier | undefined): Stage | null {
  return STAGES.find((stage) => stage === id) ?? null;
}

/** The pointer's column when there is a pointer; otherwise (keyboard) the column the card overlaps most. */
const collisionDetection: CollisionDetection = (args) => {
  const underPointer = pointerWithin(args);
  return underPointer.length > 0 ? underPointer : rectIntersection(args);
};

const IDLE: Readonly<Record<Stage, { state: ColumnDropState; reason: string | null }>> = Object.fromEntries(
  STAGES.map((stage) => [stage, { state: 'idle', reason: null }]),
) as Record<Stage, { state: ColumnDropState; reason: string | null }>;

/**
 * The board: one column per stage; cards move by pointer or keyboard (dnd-kit). The drag context stays
 * mounted across live updates (cards are keyed by application id), so another person's change never
 * interrupts a drag. Columns the shared rules do not allow are shown disabled while dragging.
 */
export function PipelineBoard({
  columns,
  counts,
  cardsById,
  actor,
  jobStatus,
  onDrop,
  selection = null,
}: PipelineBoardProps) {
  const [activeCard, setActiveCard] = useState<PipelineCard | null>(null);
  const latest = useRef({ cardsById, actor, jobStatus, onDrop });
  latest.current = { cardsById, actor, jobStatus, onDrop };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );

  const cardFor = useCallback(
    (id: UniqueIdentifier): PipelineCard | null => latest.current.cardsById.get(String(id)) ?? null,
    [],
  );
  const decisionFor = useCallback((card: PipelineCard | null, to: Stage | null): DropDecision | null => {
    if (!card || !to) return null;
    return decideDrop(card.stage, to, latest.current.actor, latest.current.jobStatus, card.offerStatus);
  }, []);

  const announcements = useMemo<Announcements>(
    () => ({
      onDragStart: ({ active }) => {
        const card = cardFor(active.id);
        return card ? boardAnnouncements.pickedUp(card.name, card.stage) : undefined;
      },
      onDragOver: ({ active, over }) => {
        const card = cardFor(active.id);
        const to = asStage(over?.id);
        return card ? boardAnnouncements.over(card.name, to, decisionFor(card, to)) : undefined;
      },
      onDragEnd: ({ active, over }) => {
        const card = cardFor(active.id);
        const to = asStage(over?.id);
        return card ? boardAnnouncements.dropped(card.name, to, decisionFor(card, to)) : undefined;
      },
      onDragCancel: ({ active }) => {
        const card = cardFor(active.id);
        return card ? boardAnnouncements.cancelled(card.name, card.stage) : undefined;
      },
    }),
    [cardFor, decisionFor],
  );

  const handleDragStart = useCallback(
    (event: DragStartEvent) => setActiveCard(cardFor(event.active.id)),
    [cardFor],
  );
  const handleDragEnd = useCallback(
    ({ active, over }: DragEndEvent) => {
      setActiveCard(null);
      const card = cardFor(active.id);
      const to = asStage(over?.id);
      const decision = decisionFor(card, to);
      if (card && to && decision && decision.kind !== 'none') latest.current.onDrop(card, to, decision);
    },
    [cardFor, decisionFor],
  );
  const handleDragCancel = useCallback(() => setActiveCard(null), []);

  // The dragged card as it is now (another person may have moved it meanwhile).
  const dragged = activeCard ? (cardsById.get(activeCard.id) ?? activeCard) : null;
  const dropStates = useMemo(() => {
    if (!dragged) return IDLE;
    return Object.fromEntries(
      STAGES.map((stage) => {
        const decision = decideDrop(dragged.stage, stage, actor, jobStatus, dragged.offerStatus);
        const state: ColumnDropState =
          decision.kind === 'none' ? 'source' : decision.kind === 'move' ? 'allowed' : 'blocked';
        return [stage, { state, reason: decision.kind === 'refused' ? decision.message : null }];
      }),
    ) as Record<Stage, { state: ColumnDropState; reason: string | null }>;
  }, [dragged, actor, jobStatus]);

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      accessibility={{ announcements, screenReaderInstructions: { draggable: SCREEN_READER_INSTRUCTIONS } }}
      onDragStart={handleDragStart}
      onDragEnd={handleDragEnd}
      onDragCancel={handleDragCancel}
    >
      <Box
        role="group"
        aria-label="Pipeline board"
        sx={{ display: 'flex', gap: 1.5, height: '100%', minHeight: 0, overflowX: 'auto', pb: 1 }}
      >
        {STAGES.map((stage) => (
          <PipelineColumn
            key={stage}
            stage={stage}
            cards={columns[stage]}
            total={counts[stage]}
            dropState={dropStates[stage].state}
            blockedReason={dropStates[stage].reason}
            isMovable={isMovable(stage, actor, jobStatus)}
            selection={selection}
          />
        ))}
      </Box>
      <DragOverlay dropAnimation={null}>
        {dragged ? <PipelineCardContent card={dragged} isOverlay /> : null}
      </DragOverlay>
    </DndContext>
  );
}
