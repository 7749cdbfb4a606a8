import { STAGES, type Stage } from '../application/application-schema';
import {
  PIPELINE_STAGES,
  rate,
  reachedStages,
  WAITING_STAGES,
  type PipelineStage,
  type ReportApplication,
  type WaitingStage,
} from './report-input';

/** How many applications ever reached each pipeline stage (a rejected one counts up to where it got). */
export interface FunnelStep {
  readonly stage: PipelineStage;
  readonly reached: number;
}

/** Of the applications that reached a stage, how many went on, were rejected there, or are still there. */
export interface StageConversion {
  readonly stage: WaitingStage;
  readonly next: PipelineStage;
  readonly reached: number;
  readonly advanced: number;
  readonly rejected: number;
  readonly stillThere: number;
  /** `advanced / reached`; applications still in the stage count as not (yet) converted. */
  readonly conversion: number | null;
}

/** The funnel: reached, per stage. Not where applications are now (`currentStages`). */
export function funnel(applications: readonly ReportApplication[]): FunnelStep[] {
  const reached = applications.map(reachedStages);
  return PIPELINE_STAGES.map((stage) => ({
    stage,
    reached: reached.filter((stages) => stages.has(stage)).length,
  }));
}

/** Where applications are now: one count per stage, rejected included. */
export function currentStages(applications: readonly ReportApplication[]): Record<Stage, number> {
  const counts = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  for (const application of applications) counts[application.stage] += 1;
  return counts;
}

/** Conversion from each stage to the next. */
export function stageConversion(applications: readonly ReportApplication[]): StageConversion[] {
  const reached = applications.map((application) => ({ application, stages: reachedStages(application) }));
  return WAITING_STAGES.map((stage, index) => {
    const next = PIPELINE_STAGES[index + 1] ?? 'hired';
    const here = reached.filter(({ stages }) => stages.has(stage));
    const advanced = here.filter(({ stages }) => stages.has(next)).length;
    return {
      stage,
      next,
      reached: here.length,
      advanced,
      rejected: here.filter(({ application }) => application.rejection?.atStage === stage).length,
      stillThere: here.filter(({ application }) => application.stage === stage).length,
      conversion: rate(advanced, here.length),
    };
  });
}
