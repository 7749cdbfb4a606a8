/**
 * The benchmarks of issue 8 (P1–P7), issue 13 (P8 soak, P9 two instances), issue 20 (P10 an
 * interviewer's first sync) and issue 15 (P11 one busy organisation among 200), in the order they run.
 */
export const BENCHMARK_IDS = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10', 'P11'] as const;
export type BenchmarkId = (typeof BENCHMARK_IDS)[number];

export function isBenchmarkId(value: string): value is BenchmarkId {
  return (BENCHMARK_IDS as readonly string[]).includes(value);
}

/** A figure as it appears in the JSON line: numbers, words, flags, or nested figures. */
export type Figure =
  number | string | boolean | null | readonly Figure[] | { readonly [name: string]: Figure };

/**
 * What one benchmark reports. `measured`: its figures were measured in this run; `not_available`:
 * what it measures does not exist yet (no figure, never a guessed one); `failed`: it broke, `note` says how.
 */
export interface BenchResult {
  readonly id: BenchmarkId;
  readonly name: string;
  readonly status: 'measured' | 'not_available' | 'failed';
  /** The headline figure(s), short, for the table. */
  readonly headline: string;
  /** The aim of issue 8, in words. */
  readonly aim: string;
  /** Whether the headline meets the aim; null when nothing was measured. */
  readonly meetsAim: boolean | null;
  readonly figures: Readonly<Record<string, Figure>>;
  /** How it was measured, and what limits it. */
  readonly note?: string;
}

/** The one JSON line a benchmark prints: `{"id":"P1",...figures,"aim":...,"meetsAim":...}`. */
export function toJsonLine(result: BenchResult): string {
  return JSON.stringify({
    id: result.id,
    name: result.name,
    status: result.status,
    ...result.figures,
    aim: result.aim,
    meetsAim: result.meetsAim,
    ...(result.note === undefined ? {} : { note: result.note }),
  });
}

/** A result for a benchmark that could not be measured, with the reason. */
export function unavailable(id: BenchmarkId, name: string, aim: string, reason: string): BenchResult {
  return {
    id,
    name,
    status: 'not_available',
    headline: 'not yet available',
    aim,
    meetsAim: null,
    figures: {},
    note: reason,
  };
}

/** A result for a benchmark that threw. */
export function failed(id: BenchmarkId, name: string, aim: string, error: unknown): BenchResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    id,
    name,
    status: 'failed',
    headline: 'failed',
    aim,
    meetsAim: null,
    figures: {},
    note: message.slice(0, 2_000),
  };
}
