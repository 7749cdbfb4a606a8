import { describe, expect, it } from 'vitest';
import { ArgsError, DEFAULT_OPTIONS, parseArgs } from './args';
import { failed, toJsonLine, unavailable, type BenchResult } from './result';
import { distribution, percentile, perSecond } from './stats';
import { formatTable, resultsFileName } from './table';

describe('percentile', () => {
  it('interpolates between closest ranks', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 50)).toBe(5.5);
    expect(percentile(values, 100)).toBe(10);
    expect(percentile(values, 95)).toBeCloseTo(9.55);
  });

  it('does not depend on the order and does not sort the input', () => {
    const values = [30, 10, 20];
    expect(percentile(values, 50)).toBe(20);
    expect(values).toEqual([30, 10, 20]);
  });

  it('is NaN for no values, the value for one, and refuses a p outside 0–100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(percentile([7], 99)).toBe(7);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
  });

  it('summarises a distribution, rounded', () => {
    expect(distribution([1, 2, 3, 4], 2)).toEqual({
      count: 4,
      p50: 2.5,
      p95: 3.85,
      p99: 3.97,
      mean: 2.5,
      max: 4,
    });
    expect(distribution([]).count).toBe(0);
    expect(perSecond(500, 250)).toBe(2_000);
    expect(perSecond(1, 0)).toBeNaN();
  });
});

describe('parseArgs', () => {
  it('defaults to SPEC §9 scale, every benchmark and 60 s of load', () => {
    expect(parseArgs([])).toEqual(DEFAULT_OPTIONS);
    expect(DEFAULT_OPTIONS).toMatchObject({
      scale: 1,
      durationSeconds: 60,
      only: ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10', 'P11'],
    });
  });

  it('reads every option, with a space or an equals sign', () => {
    expect(
      parseArgs(['--scale', '0.1', '--seed=7', '--only', 'p5,P1', '--duration', '5', '--results', '/tmp/r']),
    ).toEqual({
      ...DEFAULT_OPTIONS,
      scale: 0.1,
      seed: 7,
      only: ['P1', 'P5'],
      durationSeconds: 5,
      resultsDir: '/tmp/r',
    });
    expect(parseArgs(['--help']).help).toBe(true);
  });

  it.each([
    [['--scale', '0']],
    [['--scale', 'big']],
    [['--scale']],
    [['--seed', '1.5']],
    [['--duration', '-3']],
    [['--only', 'P12']],
    [['--only', ',']],
    [['--fast']],
    [['--scale', '--seed', '3']],
  ])('refuses %j', (argv) => {
    expect(() => parseArgs(argv)).toThrow(ArgsError);
  });
});

describe('results', () => {
  const measured: BenchResult = {
    id: 'P1',
    name: 'push',
    status: 'measured',
    headline: '100/s vs raw 1000/s = 0.1',
    aim: '≥ 0.5 of raw',
    meetsAim: false,
    figures: { ratio: 0.1, pushMs: { p50: 3 } },
  };

  it('prints one JSON line with the id first and the aim and verdict after the figures', () => {
    const line = toJsonLine(measured);
    expect(line).not.toContain('\n');
    expect(Object.keys(JSON.parse(line) as object)).toEqual([
      'id',
      'name',
      'status',
      'ratio',
      'pushMs',
      'aim',
      'meetsAim',
    ]);
  });

  it('marks benchmarks that cannot be measured yet without a figure', () => {
    const line = JSON.parse(toJsonLine(unavailable('P4', 'board', '≤ 500 ms', 'no board yet'))) as Record<
      string,
      unknown
    >;
    expect(line).toEqual({
      id: 'P4',
      name: 'board',
      status: 'not_available',
      aim: '≤ 500 ms',
      meetsAim: null,
      note: 'no board yet',
    });
    expect(failed('P6', 'load', 'aim', new Error('boom')).note).toBe('boom');
  });

  it('prints a table with aligned columns and a verdict per row', () => {
    const table = formatTable([
      measured,
      unavailable('P4', 'board', '≤ 500 ms', 'later'),
      failed('P6', 'load', 'p99', 'x'),
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(5);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(lines[2]).toContain('NO');
    expect(lines[3]).toContain('not yet available');
    expect(lines[4]).toContain('FAILED');
  });

  it('names the results file after the start time, without colons', () => {
    expect(resultsFileName(new Date('2026-11-22T05:10:00.123Z'))).toBe('2026-11-22T05-10-00Z.json');
  });
});
