import type { Benchmark } from './context';
import { browserBenchmarks } from './browser-benchmarks';
import { p1Push } from './p1-push';
import { p4Pipeline } from './p4-pipeline';
import { p5ChangeLatency } from './p5-change-latency';
import { p6Load, p9TwoInstances } from './p6-load';
import { p8Soak } from './p8-soak';
import { p10InterviewerSync } from './p10-interviewer-sync';
import { p11ManyOrganisations } from './p11-many-organisations';

/** Every benchmark, in the order the runner runs them (server ones first, the browser group last). */
export const BENCHMARKS: readonly Benchmark[] = [
  p1Push,
  p5ChangeLatency,
  p6Load,
  p9TwoInstances,
  p8Soak,
  p10InterviewerSync,
  p11ManyOrganisations,
  browserBenchmarks,
  p4Pipeline,
];
