import { BENCHMARK_IDS, isBenchmarkId, type BenchmarkId } from './result';

/** The runner's options (`tsx bench/run.ts --scale 0.1 --only P1,P5`). */
export interface BenchOptions {
  /** 1 is SPEC §9's organisation; 0.1 a tenth of it. */
  readonly scale: number;
  /** Seed of the organisation generator, so runs are repeatable. */
  readonly seed: number;
  /** Benchmarks to run, in the runner's order. */
  readonly only: readonly BenchmarkId[];
  /** How long P6 loads the server, in seconds. */
  readonly durationSeconds: number;
  /** Where the results file goes. */
  readonly resultsDir: string;
  readonly help: boolean;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  scale: 1,
  seed: 42,
  only: BENCHMARK_IDS,
  durationSeconds: 60,
  resultsDir: 'bench/results',
  help: false,
};

export const USAGE = `Usage: tsx bench/run.ts [--scale <n>] [--seed <n>] [--only P1,P3,...] [--duration <s>] [--results <dir>]
  --scale     size of the organisation, 1 = SPEC §9 (default 1; 0.1 for a quick run)
  --seed      generator seed (default 42)
  --only      comma-separated benchmark ids (default all: ${BENCHMARK_IDS.join(',')})
  --duration  seconds of load in P6 (default 60)
  --results   folder of the results file (default bench/results)`;

/** A bad command line; the message says what to fix. */
export class ArgsError extends Error {
  override readonly name = 'ArgsError';
}

/** Parses the command line (without `node` and the script); throws `ArgsError` on anything unknown or invalid. */
export function parseArgs(argv: readonly string[]): BenchOptions {
  let options: BenchOptions = DEFAULT_OPTIONS;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === '--help' || arg === '-h') {
      options = { ...options, help: true };
      continue;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) throw new ArgsError(`${flag} needs a value.`);
      index += 1;
      return next;
    };
    switch (flag) {
      case '--scale':
        options = { ...options, scale: positiveNumber(flag, value(), 10) };
        break;
      case '--seed':
        options = { ...options, seed: integer(flag, value()) };
        break;
      case '--duration':
        options = { ...options, durationSeconds: positiveNumber(flag, value(), 3_600) };
        break;
      case '--only':
        options = { ...options, only: benchmarkList(value()) };
        break;
      case '--results':
        options = { ...options, resultsDir: value() };
        break;
      default:
        throw new ArgsError(`Unknown option "${arg}".`);
    }
  }
  return options;
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf('=');
  return [arg.slice(0, at), arg.slice(at + 1)];
}

function positiveNumber(flag: string, raw: string, max: number): number {
  const parsed = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(parsed) || parsed <= 0 || parsed > max) {
    throw new ArgsError(`${flag} must be a number above 0 and at most ${max}, not "${raw}".`);
  }
  return parsed;
}

function integer(flag: string, raw: string): number {
  if (!/^-?\d{1,9}$/.test(raw)) throw new ArgsError(`${flag} must be a whole number, not "${raw}".`);
  return Number(raw);
}

function benchmarkList(raw: string): BenchmarkId[] {
  const wanted = raw
    .split(',')
    .map((id) => id.trim().toUpperCase())
    .filter((id) => id.length > 0);
  if (wanted.length === 0) throw new ArgsError('--only needs at least one benchmark id.');
  for (const id of wanted) {
    if (!isBenchmarkId(id))
      throw new ArgsError(`Unknown benchmark "${id}"; known: ${BENCHMARK_IDS.join(', ')}.`);
  }
  // The runner's order, each once.
  return BENCHMARK_IDS.filter((id) => wanted.includes(id));
}
