import { useCallback, useRef, useState } from 'react';
import type { Stage } from '#shared/domain/application/application-schema';
import { useActor, useDb } from '../../data/hooks/use-database';
import type { StageMoveDetails } from '#shared/domain/application/application-commands';
import type { DropDecision } from './drop-rules';
import type { PipelineCard } from './pipeline-cards';
import { markDrop, markMoveSaved, markMoveWriting } from './pipeline-metrics';
import { undoMove, writeMove, type BoardMove, type WrittenMove } from './pipeline-moves';
import { saveStageMessage, withdrawMessage } from '../../ui/candidate-messages';
import type { MessageDraft } from '../../ui/message-draft';

/** What the board tells the person after a drop or an undo. */
export type MoveFeedback =
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'moved'; readonly move: BoardMove }
  | { readonly kind: 'undone'; readonly move: BoardMove };

export interface BoardMoves {
  readonly onDrop: (card: PipelineCard, to: Stage, decision: DropDecision) => void;
  /** The card waiting for a rejection reason, if any. */
  readonly rejecting: PipelineCard | null;
  /** The card waiting for its hire to be confirmed (and its message chosen), if any. */
  readonly hiring: PipelineCard | null;
  /** Hires the waiting card, with the message chosen; answers why it was refused, or null. */
  readonly confirmHire: (message: MessageDraft) => Promise<string | null>;
  readonly cancelHire: () => void;
  readonly confirmRejection: (reason: string, note: string, message: MessageDraft) => void;
  readonly cancelRejection: () => void;
  readonly feedback: MoveFeedback | null;
  readonly dismissFeedback: () => void;
  /** The last move written on this board (the page offers to undo it while it is still local). */
  readonly lastMove: BoardMove | null;
  /** The last move as the board shows it until the local database has it. */
  readonly shown: BoardMove | null;
  /** The local database has caught up with `shown`. */
  readonly clearShown: () => void;
  readonly undo: () => void;
}

/**
 * Drops become local writes at once (a rejection asks for its reason first); the last one can be
 * undone for as long as the server has not accepted it, which offline may be days.
 */
export function useBoardMoves(): BoardMoves {
  const db = useDb();
  const actor = useActor();
  const [rejecting, setRejecting] = useState<PipelineCard | null>(null);
  const [hiring, setHiring] = useState<PipelineCard | null>(null);
  const [feedback, setFeedback] = useState<MoveFeedback | null>(null);
  const [lastWritten, setLastWritten] = useState<WrittenMove | null>(null);
  const [shown, setShown] = useState<BoardMove | null>(null);
  const latest = useRef({ db, actor });
  latest.current = { db, actor };
  // The message written with the last move, taken back with it if it is undone.
  const lastMessageId = useRef<string | null>(null);

  const move = useCallback(
    (card: PipelineCard, to: Stage, details: StageMoveDetails = {}, message?: MessageDraft) => {
      markDrop(card.id);
      const next: BoardMove = {
        applicationId: card.id,
        candidateName: card.name,
        from: card.stage,
        to,
        details,
      };
      setShown(next);
      setFeedback({ kind: 'moved', move: next });
      markMoveWriting();
      void writeMove(latest.current.db, latest.current.actor, next).then((outcome) => {
        if (outcome.ok) {
          markMoveSaved();
          setLastWritten(outcome.written);
          lastMessageId.current = null;
          if ((to === 'rejected' || to === 'hired') && message?.send) {
            const { db: database, actor: mover } = latest.current;
            const kind = to === 'rejected' ? 'rejection' : 'hired';
            void saveStageMessage(database, mover, message, card.id, kind).then((saved) => {
              lastMessageId.current = saved.messageId;
              if (!saved.decision.ok) setFeedback({ kind: 'refused', message: saved.decision.message });
            });
          }
          return;
        }
        setShown((current) => (current === next ? null : current));
        setFeedback({ kind: 'refused', message: outcome.message });
      });
    },
    [],
  );

  const onDrop = useCallback(
    (card: PipelineCard, to: Stage, decision: DropDecision) => {
      if (decision.kind === 'refused') setFeedback({ kind: 'refused', message: decision.message });
      else if (decision.kind === 'move' && decision.needsReason) setRejecting(card);
      // Hired is final, and the candidate may get a welcome: the person confirms and chooses.
      else if (decision.kind === 'move' && decision.needsConfirmation) setHiring(card);
      else if (decision.kind === 'move') move(card, to);
    },
    [move],
  );

  const confirmRejection = useCallback(
    (reason: string, note: string, message: MessageDraft) => {
      if (rejecting) move(rejecting, 'rejected', { reason, note }, message);
      setRejecting(null);
    },
    [rejecting, move],
  );

  const confirmHire = useCallback(
    async (message: MessageDraft) => {
      if (!hiring) return 'Nothing to hire.';
      markDrop(hiring.id);
      const outcome = await writeMove(latest.current.db, latest.current.actor, {
        applicationId: hiring.id,
        candidateName: hiring.name,
        from: hiring.stage,
        to: 'hired',
        details: {},
      });
      if (!outcome.ok) return outcome.message;
      setLastWritten(outcome.written);
      lastMessageId.current = null;
      if (message.send) {
        // The message goes with this very change: written only once the change is.
        const saved = await saveStageMessage(
          latest.current.db,
          latest.current.actor,
          message,
          hiring.id,
          'hired',
        );
        lastMessageId.current = saved.messageId;
        if (!saved.decision.ok) setFeedback({ kind: 'refused', message: saved.decision.message });
      }
      return null;
    },
    [hiring],
  );

  const undo = useCallback(() => {
    if (!lastWritten) return;
    setLastWritten(null);
    const messageId = lastMessageId.current;
    lastMessageId.current = null;
    void undoMove(latest.current.db, lastWritten).then((outcome) => {
      // The message went with the move: it is taken back too (the server would never send it anyway).
      if (outcome.ok && messageId) void withdrawMessage(latest.current.db, latest.current.actor, messageId);
      setFeedback(
        outcome.ok
          ? { kind: 'undone', move: lastWritten.move }
          : { kind: 'refused', message: outcome.message },
      );
    });
  }, [lastWritten]);

  return {
    onDrop,
    rejecting,
    confirmRejection,
    cancelRejection: useCallback(() => setRejecting(null), []),
    hiring,
    confirmHire,
    cancelHire: useCallback(() => setHiring(null), []),
    feedback,
    dismissFeedback: useCallback(() => setFeedback(null), []),
    lastMove: lastWritten?.move ?? null,
    undo,
    shown,
    clearShown: useCallback(() => setShown(null), []),
  };
}
