import { useCallback, useEffect, useRef, useState } from 'react';
import type { Stage } from '../../../../shared/domain/application/application-schema';
import { useActor, useDb } from '../../data/hooks/use-database';
import type { StageMoveDetails } from '../applications/stage-change';
import type { DropDecision } from './drop-rules';
import type { PipelineCard } from './pipeline-cards';
import { markDrop, markMoveSaved, markMoveWriting } from './pipeline-metrics';
import { writeMove, type BoardMove } from './pipeline-moves';

/**
 * How long a dropped move can be undone before it is written. A written move cannot be taken back:
 * the workflow never goes back, and replication may already have handed it to the server (RxDB
 * retries a failed push with the rows it took, even after a later local change).
 */
export const UNDO_WINDOW_MS = 5_000;

/** What the board tells the person after a drop or an undo. */
export type MoveFeedback =
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'moved'; readonly move: BoardMove }
  | { readonly kind: 'undone'; readonly move: BoardMove };

export interface BoardMoves {
  readonly onDrop: (card: PipelineCard, to: Stage, decision: DropDecision) => void;
  /** The card waiting for a rejection reason, if any. */
  readonly rejecting: PipelineCard | null;
  readonly confirmRejection: (reason: string, note: string) => void;
  readonly cancelRejection: () => void;
  readonly feedback: MoveFeedback | null;
  readonly dismissFeedback: () => void;
  /** The last move while it can still be undone: shown on the board, not yet written. */
  readonly undoable: BoardMove | null;
  /** The last move as the board shows it until the local database has it (held, then being written). */
  readonly shown: BoardMove | null;
  /** The local database has caught up with `shown`. */
  readonly clearShown: () => void;
  readonly undo: () => void;
}

interface HeldMove {
  readonly move: BoardMove;
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * Drops become local writes; a rejection asks for its reason first. The last move shows at once and
 * is written after {@link UNDO_WINDOW_MS} (or as soon as another move is made or the board closes).
 */
export function useBoardMoves(): BoardMoves {
  const db = useDb();
  const actor = useActor();
  const [rejecting, setRejecting] = useState<PipelineCard | null>(null);
  const [feedback, setFeedback] = useState<MoveFeedback | null>(null);
  const [undoable, setUndoable] = useState<BoardMove | null>(null);
  const [shown, setShown] = useState<BoardMove | null>(null);
  const held = useRef<HeldMove | null>(null);
  const latest = useRef({ db, actor });
  latest.current = { db, actor };

  const commit = useCallback(() => {
    const current = held.current;
    if (!current) return;
    clearTimeout(current.timer);
    held.current = null;
    setUndoable(null);
    markMoveWriting();
    void writeMove(latest.current.db, latest.current.actor, current.move).then((outcome) => {
      if (outcome.ok) {
        markMoveSaved();
        return;
      }
      setShown((move) => (move === current.move ? null : move));
      setFeedback({ kind: 'refused', message: outcome.message });
    });
  }, []);

  const hold = useCallback(
    (card: PipelineCard, to: Stage, details: StageMoveDetails = {}) => {
      commit();
      markDrop(card.id);
      const move: BoardMove = {
        applicationId: card.id,
        candidateName: card.name,
        from: card.stage,
        to,
        details,
      };
      held.current = { move, timer: setTimeout(commit, UNDO_WINDOW_MS) };
      setUndoable(move);
      setShown(move);
      setFeedback({ kind: 'moved', move });
    },
    [commit],
  );

  // Closing the board or the window writes the held move rather than losing it.
  useEffect(() => {
    window.addEventListener('pagehide', commit);
    return () => {
      window.removeEventListener('pagehide', commit);
      commit();
    };
  }, [commit]);

  const onDrop = useCallback(
    (card: PipelineCard, to: Stage, decision: DropDecision) => {
      if (decision.kind === 'refused') setFeedback({ kind: 'refused', message: decision.message });
      else if (decision.kind === 'move' && decision.needsReason) setRejecting(card);
      else if (decision.kind === 'move') hold(card, to);
    },
    [hold],
  );

  const confirmRejection = useCallback(
    (reason: string, note: string) => {
      if (rejecting) hold(rejecting, 'rejected', { reason, note });
      setRejecting(null);
    },
    [rejecting, hold],
  );

  const undo = useCallback(() => {
    const current = held.current;
    if (!current) return;
    clearTimeout(current.timer);
    held.current = null;
    setUndoable(null);
    setShown(null);
    setFeedback({ kind: 'undone', move: current.move });
  }, []);

  return {
    onDrop,
    rejecting,
    confirmRejection,
    cancelRejection: useCallback(() => setRejecting(null), []),
    feedback,
    dismissFeedback: useCallback(() => setFeedback(null), []),
    undoable,
    undo,
    shown,
    clearShown: useCallback(() => setShown(null), []),
  };
}
