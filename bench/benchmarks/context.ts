import type { Organisation } from '../generate/organisation-generator';
import type { BenchOptions } from '../runner/args';
import type { BenchmarkId, BenchResult } from '../runner/result';

/** What every benchmark is given: the options and the one generated organisation of this run. */
export interface BenchContext {
  readonly options: BenchOptions;
  readonly organisation: Organisation;
  /** The time the organisation was generated for (a page regenerates the same one from it). */
  readonly generatedAt: number;
  /** The ids of this benchmark the person asked for (a group reports only those). */
  readonly selected: readonly BenchmarkId[];
  /** Progress lines for the person watching (stderr, so stdout keeps only the JSON lines and the table). */
  readonly log: (message: string) => void;
}

/** The id, name and aim of one figure of issue 8. */
export interface BenchmarkSpec {
  readonly id: BenchmarkId;
  readonly name: string;
  readonly aim: string;
}

/**
 * One benchmark, or a group sharing one expensive setup (the browser ones share one first sync):
 * what it covers, and how to run it. It answers one result per selected id.
 */
export interface Benchmark {
  readonly covers: readonly BenchmarkSpec[];
  run(context: BenchContext): Promise<BenchResult[]>;
}

/** The first staff account of `role` in the generated organisation (the generator makes each role). */
export function firstOfRole(
  organisation: Organisation,
  role: string,
  skip = 0,
): { id: string; email: string } {
  const user = organisation.users.filter((candidate) => candidate.role === role)[skip];
  if (!user) throw new Error(`the organisation has no ${role} number ${skip + 1}`);
  return user;
}
