import { describe, expect, it } from 'vitest';
import type { Application, Stage } from '#shared/domain/application/application-schema';
import { ApplicationTally } from './application-tally';

const DAY = 24 * 60 * 60 * 1000;
const start = Date.parse('2026-03-01T09:00:00.000Z');

function application(id: string, path: Stage[], createdAt = '2026-03-01T09:00:00.000Z', jobId = 'j1'): Application {
  const stageHistory = path.map((to, index) => ({
    from: index === 0 ? null : (path[index - 1] ?? null),
    to,
    by: 'u1',
    at: new Date(start + index * 2 * DAY).toISOString(),
    recordedAt: new Date(start + index * 2 * DAY).toISOString(),
  }));
  return {
    id,
    updatedAt: 1,
    jobId,
    candidateId: id,
    stage: path.at(-1) ?? 'applied',
    stageHistory,
    createdBy: 'u1',
    createdAt,
  };
}

function tallyOf(applications: readonly Application[]): ApplicationTally {
  const tally = new ApplicationTally();
  applications.forEach((each) => tally.set(each, 1));
  return tally;
}

const applications = [
  application('a1', ['applied']),
  application('a2', ['applied', 'screening', 'interview']),
  application('a3', ['applied', 'screening', 'rejected'], '2026-03-05T09:00:00.000Z', 'j2'),
  application('a4', ['applied', 'screening', 'interview', 'offer', 'hired']),
];

describe('the application tally', () => {
  it('counts applications by stage, with zeros, and per job', () => {
    const tally = tallyOf(applications);
    expect(tally.applicationsByStage()).toEqual({
      applied: 1,
      screening: 0,
      interview: 1,
      offer: 0,
      hired: 1,
      rejected: 1,
    });
    expect(Object.fromEntries(tally.countByJob())).toEqual({ j1: 3, j2: 1 });
  });

  it('builds the funnel from the stages each application reached', () => {
    expect(tallyOf(applications).pipelineFunnel()).toEqual([
      { stage: 'applied', count: 4 },
      { stage: 'screening', count: 3 },
      { stage: 'interview', count: 2 },
      { stage: 'offer', count: 1 },
      { stage: 'hired', count: 1 },
    ]);
  });

  it('averages the time spent in each stage, counting current stays up to now', () => {
    const now = start + 10 * DAY;
    const byStage = Object.fromEntries(tallyOf(applications).timeInStage(now).map((row) => [row.stage, row]));
    // a1 sits in applied for 10 days; the others left applied after 2 days: (10 + 2 + 2 + 2) / 4.
    expect(byStage['applied']).toMatchObject({ stays: 4, averageDays: 4 });
    // a2 has been in interview since day 4 (6 days); a4 stayed 2 days.
    expect(byStage['interview']).toMatchObject({ stays: 2, averageDays: 4 });
    expect(byStage['hired']).toBeUndefined();
  });

  it('lists recent applications newest first', () => {
    const tally = tallyOf([
      ...applications,
      application('a5', ['applied'], '2026-03-04T09:00:00.000Z'),
      application('a6', ['applied'], '2026-02-01T09:00:00.000Z'),
    ]);
    expect(tally.recent(3).map((each) => each.id)).toEqual(['a3', 'a5', 'a1']);
    expect(tally.recent(10)).toHaveLength(6);
  });

  it('follows changes: a move, a deletion, and an older version arriving late', () => {
    const tally = tallyOf(applications);
    tally.set(application('a1', ['applied', 'screening']), 2);
    expect(tally.applicationsByStage()).toMatchObject({ applied: 0, screening: 1 });
    expect(tally.pipelineFunnel()[1]).toEqual({ stage: 'screening', count: 4 });

    // The version before the move arrives after it: it changes nothing.
    tally.set(application('a1', ['applied']), 1);
    expect(tally.applicationsByStage()).toMatchObject({ applied: 0, screening: 1 });

    tally.remove('a3', 2);
    expect(tally.size).toBe(3);
    expect(tally.applicationsByStage()['rejected']).toBe(0);
    expect(tally.countByJob().has('j2')).toBe(false);

    // Taking everything out leaves every figure at zero, as a fresh tally.
    for (const each of ['a1', 'a2', 'a4']) tally.remove(each, 5);
    const fresh = new ApplicationTally();
    const now = start + 10 * DAY;
    expect([tally.applicationsByStage(), tally.pipelineFunnel(), tally.timeInStage(now)]).toEqual([
      fresh.applicationsByStage(),
      fresh.pipelineFunnel(),
      fresh.timeInStage(now),
    ]);
  });
});
