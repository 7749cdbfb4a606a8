import { CANDIDATE_SOURCES, type CandidateSource } from '../candidate/candidate-schema';
import {
  rate,
  reachedStages,
  WAITING_STAGES,
  type ReportApplication,
  type WaitingStage,
} from './report-input';

/** Which sources bring applications that get hired. */
export interface SourceEffectiveness {
  readonly source: CandidateSource | 'unknown';
  readonly applications: number;
  readonly interviewed: number;
  readonly hires: number;
  /** `hires / applications`. */
  readonly hireRate: number | null;
}

/** Offers and how candidates answered them. */
export interface OfferAcceptance {
  /** Offers still being prepared (not extended yet): not counted as made. */
  readonly drafts: number;
  /** Extended, accepted or declined. */
  readonly made: number;
  readonly accepted: number;
  readonly declined: number;
  /** Extended, no answer yet. */
  readonly pending: number;
  /** `accepted / (accepted + declined)`: of the answered offers. */
  readonly acceptanceRate: number | null;
}

/** How often one reason was given, per stage rejected at. */
export interface RejectionReasonRow {
  readonly reason: string;
  readonly byStage: Readonly<Record<WaitingStage, number>>;
  readonly total: number;
}

/** Applications → interviews → hires, per source (the application's, else its candidate's). */
export function sourceEffectiveness(
  applications: readonly ReportApplication[],
  candidateSources: ReadonlyMap<string, CandidateSource> = new Map(),
): SourceEffectiveness[] {
  const rows = new Map<
    CandidateSource | 'unknown',
    { applications: number; interviewed: number; hires: number }
  >();
  for (const application of applications) {
    const source = application.source ?? candidateSources.get(application.candidateId) ?? 'unknown';
    const row = rows.get(source) ?? { applications: 0, interviewed: 0, hires: 0 };
    const reached = reachedStages(application);
    row.applications += 1;
    if (reached.has('interview')) row.interviewed += 1;
    if (application.stage === 'hired') row.hires += 1;
    rows.set(source, row);
  }
  const order: (CandidateSource | 'unknown')[] = [...CANDIDATE_SOURCES, 'unknown'];
  return order.flatMap((source) => {
    const row = rows.get(source);
    return row ? [{ source, ...row, hireRate: rate(row.hires, row.applications) }] : [];
  });
}

/** Offers made and their answers. */
export function offerAcceptance(applications: readonly ReportApplication[]): OfferAcceptance {
  const statuses = applications.flatMap((application) =>
    application.offer ? [application.offer.status] : [],
  );
  const count = (status: string) => statuses.filter((each) => each === status).length;
  const accepted = count('accepted');
  const declined = count('declined');
  const pending = count('extended');
  return {
    drafts: count('draft'),
    made: accepted + declined + pending,
    accepted,
    declined,
    pending,
    acceptanceRate: rate(accepted, accepted + declined),
  };
}

/** Rejection reasons, each with the stages it was given at; most frequent first. */
export function rejectionReasons(applications: readonly ReportApplication[]): RejectionReasonRow[] {
  const rows = new Map<string, Record<WaitingStage, number>>();
  for (const application of applications) {
    const rejection = application.rejection;
    if (application.stage !== 'rejected' || !rejection) continue;
    const stage = WAITING_STAGES.find((candidate) => candidate === rejection.atStage);
    if (!stage) continue;
    const reason = rejection.reason.trim() || 'No reason given';
    const row = rows.get(reason) ?? { applied: 0, screening: 0, interview: 0, offer: 0 };
    row[stage] += 1;
    rows.set(reason, row);
  }
  return [...rows.entries()]
    .map(([reason, byStage]) => ({
      reason,
      byStage,
      total: WAITING_STAGES.reduce((sum, stage) => sum + byStage[stage], 0),
    }))
    .sort((a, b) => b.total - a.total || a.reason.localeCompare(b.reason));
}
