import type { Interview } from '#shared/domain/interview/interview-schema';
import { awaitsScorecards } from '#shared/domain/interview/scorecard-due';
import type { Fold } from '../hooks/use-collection-fold';

/**
 * The interviews that may still owe a scorecard (`awaitsScorecards`), out of every local interview:
 * all that "Scorecards waited for" can list, whatever the hour, without keeping the others (most of
 * them, once their scorecards are in) or reading them again.
 */
export class AwaitedScorecards implements Fold<Interview> {
  private readonly awaiting = new Map<string, Interview>();
  private list: readonly Interview[] | null = null;

  set(interview: Interview): void {
    if (awaitsScorecards(interview)) this.awaiting.set(interview.id, interview);
    else if (!this.awaiting.delete(interview.id)) return;
    this.list = null;
  }

  remove(id: string): void {
    if (this.awaiting.delete(id)) this.list = null;
  }

  /** The interviews, the same array until one of them changes. */
  interviews(): readonly Interview[] {
    this.list ??= [...this.awaiting.values()];
    return this.list;
  }
}
