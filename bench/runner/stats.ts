/** Summary of a set of measurements (milliseconds unless said otherwise). */
export interface Distribution {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
  readonly max: number;
}

/**
 * The `p`-th percentile (0–100) of `values` by linear interpolation between closest ranks (the
 * method of NumPy's default and of most load tools). NaN for an empty set.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be from 0 to 100, not ${p}`);
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (rank - lower);
}

/** Count, p50, p95, p99, mean and max of `values`, rounded to `digits` decimals. */
export function distribution(values: readonly number[], digits = 1): Distribution {
  const round = (value: number): number => roundTo(value, digits);
  const total = values.reduce((sum, value) => sum + value, 0);
  return {
    count: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    mean: round(values.length === 0 ? Number.NaN : total / values.length),
    max: round(values.length === 0 ? Number.NaN : Math.max(...values)),
  };
}

/** `value` rounded to `digits` decimals (NaN stays NaN). */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Items per second for `count` items in `ms` milliseconds. */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? roundTo((count * 1_000) / ms, 1) : Number.NaN;
}
