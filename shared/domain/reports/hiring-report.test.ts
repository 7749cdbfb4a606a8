import { describe, expect, it } from 'vitest';
import type { StageHistoryEntry } from '../application/application-schema';
import { application, DAY, iso, job, NOW } from '../../test-support/fixtures';
import { hiringReport } from './hiring-report';
import { toCsv } from './report-csv';
import { reportTables } from './report-tables';
import type { ReportApplication } from './report-input';

const HOUR = 60 * 60 * 1000;

/** An application that walked `steps` (stage, days before NOW when moved, hours the server took to record it). */
function walked(
  id: string,
  steps: [StageHistoryEntry['to'], number, number?][],
  overrides: Partial<ReportApplication> = {},
): ReportApplication {
  const history: StageHistoryEntry[] = steps.map(([to, daysAgo, lateHours = 0], index) => ({
    from: index === 0 ? null : (steps[index - 1]?.[0] ?? null),
    to,
    by: 'recruiter-1',
    at: iso(-daysAgo * DAY),
    recordedAt: iso(-daysAgo * DAY + lateHours * HOUR + 1_000),
  }));
  return {
    ...application('applied'),
    id,
    stage: steps.at(-1)?.[0] ?? 'applied',
    stageHistory: history,
    ...overrides,
  };
}

const jobs = [
  job({ id: 'job-1', recruiterIds: ['recruiter-1'] }),
  job({ id: 'job-2', title: 'Designer', recruiterIds: ['recruiter-2'] }),
];
const hired = walked(
  'a-hired',
  [
    ['applied', 40],
    ['screening', 38],
    ['interview', 30],
    ['offer', 20, 30],
    ['hired', 10],
  ],
  {
    offer: { status: 'accepted' },
    source: 'referral',
  },
);
const rejected = walked(
  'a-rejected',
  [
    ['applied', 30],
    ['screening', 25],
    ['rejected', 21],
  ],
  {
    rejection: { atStage: 'screening', reason: 'Salary expectations above the band' },
    source: 'linkedin',
  },
);
const waiting = walked(
  'a-waiting',
  [
    ['applied', 12],
    ['screening', 8],
  ],
  { source: 'linkedin' },
);
const declined = walked(
  'a-declined',
  [
    ['applied', 50],
    ['screening', 45],
    ['interview', 40],
    ['offer', 35],
    ['rejected', 33],
  ],
  {
    jobId: 'job-2',
    rejection: { atStage: 'offer', reason: 'Offer declined' },
    offer: { status: 'declined' },
    source: undefined,
  },
);
const input = {
  applications: [hired, rejected, waiting, declined],
  jobs,
  candidateSources: new Map([['cand-1', 'agency' as const]]),
};

describe('hiring reports', () => {
  const report = hiringReport(input, {}, NOW);

  it('tells the funnel (reached) from where applications are now', () => {
    expect(report.funnel.map((step) => [step.stage, step.reached])).toEqual([
      ['applied', 4],
      ['screening', 4],
      ['interview', 2],
      ['offer', 2],
      ['hired', 1],
    ]);
    expect(report.currentStages).toEqual({
      applied: 0,
      screening: 1,
      interview: 0,
      offer: 0,
      hired: 1,
      rejected: 2,
    });
  });

  it('converts per stage, counting those still there as not yet converted', () => {
    expect(report.conversion).toEqual([
      {
        stage: 'applied',
        next: 'screening',
        reached: 4,
        advanced: 4,
        rejected: 0,
        stillThere: 0,
        conversion: 1,
      },
      {
        stage: 'screening',
        next: 'interview',
        reached: 4,
        advanced: 2,
        rejected: 1,
        stillThere: 1,
        conversion: 0.5,
      },
      {
        stage: 'interview',
        next: 'offer',
        reached: 2,
        advanced: 2,
        rejected: 0,
        stillThere: 0,
        conversion: 1,
      },
      { stage: 'offer', next: 'hired', reached: 2, advanced: 1, rejected: 1, stillThere: 0, conversion: 0.5 },
    ]);
  });

  it('measures stays from when people acted, and marks the ones bounded by a move recorded late', () => {
    const screening = report.timeInStage.find((row) => row.stage === 'screening');
    // Finished: 8 (hired), 4 (rejected), 5 (declined) days; waiting since 8 days.
    expect(screening).toEqual({
      stage: 'screening',
      finished: 3,
      medianDays: 5,
      averageDays: 5.7,
      lateRecorded: 0,
      waitingNow: 1,
      waitingMedianDays: 8,
    });
    const interview = report.timeInStage.find((row) => row.stage === 'interview');
    // 10 days (its end, the move to offer, was recorded 30 hours late: still counted at its `at`) and 5.
    expect(interview).toMatchObject({
      finished: 2,
      medianDays: 7.5,
      lateRecorded: 1,
      waitingNow: 0,
      waitingMedianDays: null,
    });
    expect(report.timeInStage.find((row) => row.stage === 'offer')).toMatchObject({
      finished: 2,
      medianDays: 6,
      lateRecorded: 1,
    });
    expect(report.lateMoves).toEqual([
      {
        applicationId: 'a-hired',
        jobId: 'job-1',
        to: 'offer',
        at: iso(-20 * DAY),
        recordedAt: iso(-20 * DAY + 30 * HOUR + 1_000),
        delayHours: 30,
      },
    ]);
  });

  it('gives time to hire overall and per job', () => {
    expect(report.timeToHire).toEqual({
      hires: 1,
      medianDays: 30,
      averageDays: 30,
      lateRecorded: 1,
      byJob: [
        {
          jobId: 'job-1',
          title: 'Senior Backend Engineer',
          hires: 1,
          medianDays: 30,
          averageDays: 30,
          lateRecorded: 1,
        },
      ],
    });
  });

  it('counts sources (the candidate’s when the application has none), offers and reasons', () => {
    expect(report.sources).toEqual([
      { source: 'linkedin', applications: 2, interviewed: 0, hires: 0, hireRate: 0 },
      { source: 'referral', applications: 1, interviewed: 1, hires: 1, hireRate: 1 },
      { source: 'agency', applications: 1, interviewed: 1, hires: 0, hireRate: 0 },
    ]);
    expect(report.offers).toEqual({
      drafts: 0,
      made: 2,
      accepted: 1,
      declined: 1,
      pending: 0,
      acceptanceRate: 0.5,
    });
    expect(report.rejectionReasons).toEqual([
      { reason: 'Offer declined', byStage: { applied: 0, screening: 0, interview: 0, offer: 1 }, total: 1 },
      {
        reason: 'Salary expectations above the band',
        byStage: { applied: 0, screening: 1, interview: 0, offer: 0 },
        total: 1,
      },
    ]);
  });

  it('covers a date range of arrivals, a job, a recruiter’s jobs', () => {
    expect(hiringReport(input, { from: NOW - 31 * DAY }, NOW).applications).toBe(2);
    expect(hiringReport(input, { from: NOW - 40 * DAY, to: NOW - 30 * DAY }, NOW).applications).toBe(1); // 40 days ago in, 30 out
    expect(hiringReport(input, { jobId: 'job-2' }, NOW).applications).toBe(1);
    expect(hiringReport(input, { recruiterId: 'recruiter-2' }, NOW).applications).toBe(1);
    expect(hiringReport(input, { recruiterId: 'nobody' }, NOW).applications).toBe(0);
  });

  it('answers empty reports with nulls rather than zeros that look measured', () => {
    const empty = hiringReport({ applications: [], jobs }, {}, NOW);
    expect(empty.conversion.every((row) => row.conversion === null)).toBe(true);
    expect(empty.timeInStage.every((row) => row.medianDays === null)).toBe(true);
    expect(empty.offers.acceptanceRate).toBeNull();
    expect(empty.timeToHire).toMatchObject({ hires: 0, medianDays: null });
  });
});

describe('CSV export', () => {
  it('gives every report a table, quoted per RFC 4180, with formulas defused', () => {
    const tables = reportTables(hiringReport(input, {}, NOW), (id) =>
      id === 'job-1' ? 'Backend, "senior"' : id,
    );
    expect(tables.map((table) => table.name)).toEqual([
      'funnel-and-current-stage',
      'stage-conversion',
      'time-in-stage',
      'time-to-hire',
      'source-effectiveness',
      'offer-acceptance',
      'rejection-reasons',
      'late-recorded-moves',
    ]);
    const late = tables.find((table) => table.name === 'late-recorded-moves');
    expect(late && toCsv(late)).toBe(
      `application,job,moved to,made at,recorded at,hours later\r\na-hired,"Backend, ""senior""",offer,${iso(-20 * DAY)},${iso(-20 * DAY + 30 * HOUR + 1_000)},30\r\n`,
    );
    expect(toCsv({ header: ['reason'], rows: [['=HYPERLINK("x")'], ['-1'], [null], ['line\nbreak']] })).toBe(
      'reason\r\n"\'=HYPERLINK(""x"")"\r\n\'-1\r\n\r\n"line\nbreak"\r\n',
    );
  });
});
