import { isAssigned } from '#shared/domain/decide/read-rules';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { Fold } from '../hooks/use-collection-fold';

/**
 * The candidates one interviewer is assigned to interview, kept from the interviews collection
 * change by change: what the résumé prefetch needs, without a live query over every interview (a
 * recruiter's device holds all 30,000 of them at SPEC §9's scale).
 */
export class InterviewedCandidates implements Fold<Interview> {
  /** The candidate of each of the interviewer's interviews, by interview. */
  private readonly candidateOf = new Map<string, string>();
  private ids: readonly string[] | null = null;

  constructor(private readonly interviewerId: string) {}

  set(interview: Interview): void {
    if (isAssigned(interview, this.interviewerId)) {
      if (this.candidateOf.get(interview.id) === interview.candidateId) return;
      this.candidateOf.set(interview.id, interview.candidateId);
    } else if (!this.candidateOf.delete(interview.id)) return;
    this.ids = null;
  }

  remove(id: string): void {
    if (this.candidateOf.delete(id)) this.ids = null;
  }

  /** The candidates' ids, sorted, each once; the same array until the set changes. */
  candidateIds(): readonly string[] {
    this.ids ??= [...new Set(this.candidateOf.values())].sort();
    return this.ids;
  }
}
