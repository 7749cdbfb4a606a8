import type { Stage } from '../application/application-schema';
import { funnel, currentStages, stageConversion, type FunnelStep, type StageConversion } from './conversion';
import {
  offerAcceptance,
  rejectionReasons,
  sourceEffectiveness,
  type OfferAcceptance,
  type RejectionReasonRow,
  type SourceEffectiveness,
} from './outcomes';
import { selectApplications, type ReportFilter, type ReportInput } from './report-input';
import {
  lateMoves,
  timeInStage,
  timeToHire,
  type LateMove,
  type StageTime,
  type TimeToHireReport,
} from './stage-times';

/** Every report over the applications a filter covers (see `ReportFilter`), at `now`. */
export interface HiringReport {
  readonly filter: ReportFilter;
  readonly applications: number;
  readonly funnel: readonly FunnelStep[];
  readonly currentStages: Readonly<Record<Stage, number>>;
  readonly conversion: readonly StageConversion[];
  readonly timeInStage: readonly StageTime[];
  readonly timeToHire: TimeToHireReport;
  readonly lateMoves: readonly LateMove[];
  readonly sources: readonly SourceEffectiveness[];
  readonly offers: OfferAcceptance;
  readonly rejectionReasons: readonly RejectionReasonRow[];
}

/**
 * The hiring reports, pure: the app computes them from its local database (offline), the server
 * from its store; the same documents give the same figures. Times come from when people acted
 * (`at`), so offline work counts when it was done; moves the server recorded late are listed.
 */
export function hiringReport(input: ReportInput, filter: ReportFilter, now: number): HiringReport {
  const applications = selectApplications(input, filter);
  return {
    filter,
    applications: applications.length,
    funnel: funnel(applications),
    currentStages: currentStages(applications),
    conversion: stageConversion(applications),
    timeInStage: timeInStage(applications, now),
    timeToHire: timeToHire(applications, input.jobs),
    lateMoves: lateMoves(applications),
    sources: sourceEffectiveness(applications, input.candidateSources),
    offers: offerAcceptance(applications),
    rejectionReasons: rejectionReasons(applications),
  };
}
