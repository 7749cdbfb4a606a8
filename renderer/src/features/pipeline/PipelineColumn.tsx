import BlockIcon from '@mui/icons-material/Block';
import { useDroppable } from '@dnd-kit/core';
import { Box, Checkbox, Stack, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import type { Stage } from '#shared/domain/application/application-schema';
import { humanize } from '../../ui/labels';
import type { PipelineCard } from './pipeline-cards';
import { PipelineCardView } from './PipelineCardView';
import { CARD_HEIGHT } from './PipelineCardContent';

const CARD_GAP = 8;

/** Cards picked for a bulk action, while the board is in selection mode. */
export interface BoardSelection {
  readonly selected: ReadonlySet<string>;
  /** Picks (`on`) or unpicks the cards `ids`. */
  readonly onToggle: (ids: readonly string[], on: boolean) => void;
}

/** While a card is dragged: its own column, a column it may go to, or one it may not. */
export type ColumnDropState = 'idle' | 'source' | 'allowed' | 'blocked';

const STAGE_COLOURS: Readonly<Record<Stage, string>> = {
  applied: '#64748b',
  screening: '#0284c7',
  interview: '#3949ab',
  offer: '#7c3aed',
  hired: '#059669',
  rejected: '#dc2626',
};

interface PipelineColumnProps {
  readonly stage: Stage;
  readonly cards: readonly PipelineCard[];
  /** Cards at this stage before filtering. */
  readonly total: number;
  readonly dropState: ColumnDropState;
  /** Why the dragged card may not go here, when it may not. */
  readonly blockedReason: string | null;
  readonly isMovable: boolean;
  /** Set while cards are being picked for a bulk action. */
  readonly selection?: BoardSelection | null;
}

/** One stage: its count, and its cards in a virtualised list (thousands stay smooth). */
export const PipelineColumn = memo(function PipelineColumn({
  stage,
  cards,
  total,
  dropState,
  blockedReason,
  isMovable,
  selection = null,
}: PipelineColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT + CARD_GAP,
    getItemKey: (index) => cards[index]?.id ?? index,
    overscan: 6,
  });
  const label = humanize(stage);
  const countText = cards.length === total ? String(total) : `${cards.length} of ${total}`;
  const isBlocked = dropState === 'blocked';
  const isTarget = dropState === 'allowed';
  const isAllPicked =
    selection !== null && cards.length > 0 && cards.every((card) => selection.selected.has(card.id));
  return (
    <Box
      ref={setNodeRef}
      component="section"
      aria-label={label}
      data-stage={stage}
      data-drop-state={dropState}
      data-over={isOver}
      sx={{
        width: 256,
        flexShrink: 0,
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        borderRadius: 2,
        bgcolor: isTarget && isOver ? 'rgba(57, 73, 171, 0.10)' : '#f1f3f7',
        border: 2,
        borderStyle: isBlocked ? 'dashed' : 'solid',
        borderColor: isTarget
          ? isOver
            ? 'primary.main'
            : 'primary.light'
          : isBlocked && isOver
            ? 'error.light'
            : 'transparent',
        opacity: isBlocked ? 0.55 : 1,
        transition: 'opacity 120ms, border-color 120ms, background-color 120ms',
        position: 'relative',
      }}
    >
      <Stack
        direction="row"
        sx={{
          alignItems: 'center',
          gap: 1,
          px: 1.5,
          pt: 1.25,
          pb: 1,
          borderTop: 4,
          borderColor: STAGE_COLOURS[stage],
          borderRadius: '8px 8px 0 0',
        }}
      >
        <Typography
          component="h2"
          sx={{
            fontWeight: 700,
            fontSize: 14,
            letterSpacing: 0.3,
            textTransform: 'uppercase',
            color: 'text.secondary',
          }}
        >
          {label}
        </Typography>
        <Box
          aria-label={`${countText} applications`}
          sx={{
            px: 1,
            borderRadius: 10,
            bgcolor: 'background.paper',
            fontSize: 12,
            fontWeight: 600,
            color: 'text.secondary',
          }}
        >
          {countText}
        </Box>
        {selection && cards.length > 0 && (
          <Checkbox
            size="small"
            sx={{ ml: 'auto', p: 0.5 }}
            checked={isAllPicked}
            onChange={() =>
              selection.onToggle(
                cards.map((card) => card.id),
                !isAllPicked,
              )
            }
            slotProps={{ input: { 'aria-label': `Select all shown in ${label}` } }}
          />
        )}
      </Stack>
      {isBlocked && (
        <Stack
          direction="row"
          role="note"
          sx={{ mx: 1, mb: 1, gap: 0.75, alignItems: 'flex-start', color: 'error.dark', fontSize: 12 }}
        >
          <BlockIcon sx={{ fontSize: 16, mt: '1px' }} />
          <span>{blockedReason ?? 'Cannot move here'}</span>
        </Stack>
      )}
      <Box ref={scrollRef} sx={{ flexGrow: 1, minHeight: 0, overflowY: 'auto', px: 1, pb: 1 }}>
        {cards.length === 0 ? (
          <Typography variant="body2" sx={{ color: 'text.secondary', textAlign: 'center', py: 3 }}>
            {total === 0 ? 'No applications' : 'None match the filters'}
          </Typography>
        ) : (
          <Box
            role="list"
            aria-label={`${label} applications`}
            sx={{ position: 'relative', height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const card = cards[item.index];
              if (!card) return null;
              return (
                <Box
                  key={item.key}
                  role="listitem"
                  sx={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: CARD_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  <PipelineCardView card={card} isMovable={isMovable && !selection} />
                  {selection && (
                    <Checkbox
                      size="small"
                      checked={selection.selected.has(card.id)}
                      onChange={(event) => selection.onToggle([card.id], event.target.checked)}
                      slotProps={{ input: { 'aria-label': `Select ${card.name}` } }}
                      sx={{ position: 'absolute', right: 2, bottom: 2, p: 0.5, bgcolor: 'background.paper' }}
                    />
                  )}
                </Box>
              );
            })}
          </Box>
        )}
      </Box>
    </Box>
  );
});
