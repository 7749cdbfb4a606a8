import type { Stage } from '#shared/domain/application/application-schema';
import { humanize } from '../../ui/labels';
import type { DropDecision } from './drop-rules';

/** Instructions a screen reader reads when a card gets focus. */
export const SCREEN_READER_INSTRUCTIONS =
  'To move this application, press space or enter. Then use the left and right arrow keys to choose a ' +
  'stage, and press space or enter to drop it there, or escape to cancel.';

function decisionText(decision: DropDecision): string {
  if (decision.kind === 'refused') return `It cannot move there: ${decision.message}`;
  if (decision.kind === 'none') return 'That is its current stage.';
  return decision.needsReason ? 'You can drop it here; a reason will be asked for.' : 'You can drop it here.';
}

/** What a screen reader announces as a card is picked up, carried over columns, dropped or put back. */
export const boardAnnouncements = {
  pickedUp: (name: string, from: Stage) =>
    `Picked up ${name} from ${humanize(from)}. Use the left and right arrow keys to choose a stage.`,
  over: (name: string, to: Stage | null, decision: DropDecision | null) =>
    to && decision
      ? `${name} is over ${humanize(to)}. ${decisionText(decision)}`
      : `${name} is not over a stage.`,
  dropped: (name: string, to: Stage | null, decision: DropDecision | null) => {
    if (!to || !decision || decision.kind === 'none') return `${name} was put back where it was.`;
    if (decision.kind === 'refused') return `${name} was not moved: ${decision.message}`;
    return decision.needsReason
      ? `${name} dropped on ${humanize(to)}. Give a reason to reject.`
      : `${name} moved to ${humanize(to)}.`;
  },
  cancelled: (name: string, from: Stage) => `Moving ${name} was cancelled. It stays in ${humanize(from)}.`,
};
