import type { BenchResult } from './result';

const HEADERS = ['id', 'benchmark', 'result', 'aim', 'meets aim'] as const;

function verdict(result: BenchResult): string {
  if (result.meetsAim === null) return result.status === 'failed' ? 'FAILED' : '–';
  return result.meetsAim ? 'yes' : 'NO';
}

/** The end-of-run table: one row per benchmark, columns padded to their widest cell. */
export function formatTable(results: readonly BenchResult[]): string {
  const rows: string[][] = [
    [...HEADERS],
    ...results.map((result) => [result.id, result.name, result.headline, result.aim, verdict(result)]),
  ];
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  const [header, ...body] = rows;
  return [line(header ?? []), rule, ...body.map(line)].join('\n');
}

/** The results file's name for a run that started at `startedAt`: `2026-11-22T05-10-00Z.json`. */
export function resultsFileName(startedAt: Date): string {
  return `${startedAt
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-')}.json`;
}
