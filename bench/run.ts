import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCHMARKS } from './benchmarks/registry';
import { generateOrganisation } from './generate/organisation-generator';
import { ArgsError, parseArgs, USAGE } from './runner/args';
import { BENCHMARK_IDS, failed, toJsonLine, type BenchResult } from './runner/result';
import { roundTo } from './runner/stats';
import { formatTable, resultsFileName } from './runner/table';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * `npm run bench`: generates the organisation of SPEC §9 at `--scale`, runs each selected benchmark
 * on its own fresh server and store, prints one JSON line per benchmark, writes them all to
 * `bench/results/<timestamp>.json`, and prints a table.
 */
async function main(): Promise<number> {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ArgsError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const log = (message: string): void => {
    process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
  };
  const startedAt = new Date();
  const loadAtStart = roundTo(os.loadavg()[0] ?? 0, 2);
  const generationStarted = performance.now();
  const generatedAt = Date.now();
  const organisation = generateOrganisation({ scale: options.scale, seed: options.seed, now: generatedAt });
  log(
    `organisation at scale ${options.scale} (seed ${options.seed}): ${organisation.jobs.length} jobs, ` +
      `${organisation.candidates.length} candidates, ${organisation.applications.length} applications, ` +
      `${organisation.interviews.length} interviews, ${organisation.users.length} staff ` +
      `(${Math.round(performance.now() - generationStarted)} ms)`,
  );

  const results: BenchResult[] = [];
  for (const benchmark of BENCHMARKS) {
    const selected = benchmark.covers.filter((spec) => options.only.includes(spec.id));
    if (selected.length === 0) continue;
    const label = selected.map((spec) => spec.id).join('+');
    log(`${label}: starting`);
    const started = performance.now();
    let produced: BenchResult[];
    try {
      produced = await benchmark.run({
        options,
        organisation,
        generatedAt,
        log,
        selected: selected.map((spec) => spec.id),
      });
    } catch (error) {
      produced = selected.map((spec) => failed(spec.id, spec.name, spec.aim, error));
    }
    log(`${label}: done in ${roundTo((performance.now() - started) / 1_000, 1)} s`);
    for (const result of produced.filter((each) => options.only.includes(each.id))) {
      results.push(result);
      process.stdout.write(`${toJsonLine(result)}\n`);
    }
  }
  results.sort((a, b) => BENCHMARK_IDS.indexOf(a.id) - BENCHMARK_IDS.indexOf(b.id));

  const resultsDir = path.resolve(REPO_ROOT, options.resultsDir);
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, resultsFileName(startedAt));
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options: {
      scale: options.scale,
      seed: options.seed,
      only: options.only,
      durationSeconds: options.durationSeconds,
    },
    organisation: {
      staff: organisation.users.length,
      jobs: organisation.jobs.length,
      candidates: organisation.candidates.length,
      applications: organisation.applications.length,
      interviews: organisation.interviews.length,
    },
    machine: {
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      cpus: os.cpus().length,
      memoryGiB: roundTo(os.totalmem() / 2 ** 30, 1),
      // Other work on the machine skews every figure: the 1-minute load average at start and end says how much there was.
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: roundTo(os.loadavg()[0] ?? 0, 2),
    },
    results: results.map((result) => JSON.parse(toJsonLine(result)) as unknown),
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n${formatTable(results)}\n\nresults: ${path.relative(process.cwd(), file)}\n`);
  return results.some((result) => result.status === 'failed') ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
