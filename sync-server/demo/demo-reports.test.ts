import { describe, expect, it } from 'vitest';
import { hiringReport } from '#shared/domain/reports/hiring-report';
import { buildDemoOrganisation } from './demo-organisation';
import { DEMO_JOB_IDS as J } from './demo-jobs';
import { DEMO_USER_IDS as U } from './demo-users';

/**
 * The reports on the demo organisation, checked against figures worked out by hand from the demo's
 * stage plans (demo-pipeline-*.ts: each move is `daysAgo` days before today at `hour`:`10 + 3 × its
 * index` UTC). A Wednesday noon, so "now" is fixed.
 */
const NOW = Date.parse('2026-03-04T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const demo = buildDemoOrganisation(NOW);
const input = {
  applications: demo.applications,
  jobs: demo.jobs,
  candidateSources: new Map(demo.candidates.map((candidate) => [candidate.id, candidate.source])),
};
const report = hiringReport(input, {}, NOW);

describe('reports on the demo organisation, by hand', () => {
  it('funnel: 22 arrived, 15 reached screening, 10 interview, 4 offer (Maya, Lena, Isabella, Jonas), 1 hire', () => {
    expect(report.applications).toBe(22);
    expect(report.funnel.map((step) => step.reached)).toEqual([22, 15, 10, 4, 1]);
    // …while where they are now is SPEC §8's 6 / 4 / 5 / 2 / 1 / 4.
    expect(report.currentStages).toEqual({
      applied: 6,
      screening: 4,
      interview: 5,
      offer: 2,
      hired: 1,
      rejected: 4,
    });
  });

  it('conversion: 15/22, 10/15, 4/10, 1/4, with one rejection at each stage', () => {
    expect(
      report.conversion.map((row) => [
        row.reached,
        row.advanced,
        row.rejected,
        row.stillThere,
        row.conversion,
      ]),
    ).toEqual([
      [22, 15, 1, 6, 0.682], // Samuel (marketing intern: position cancelled) rejected at applied
      [15, 10, 1, 4, 0.667], // Tomás (QA) at screening
      [10, 4, 1, 5, 0.4], // Chloé (backend) at interview
      [4, 1, 1, 2, 0.25], // Isabella declined the offer
    ]);
  });

  it('time in the interview stage: five finished stays, median Lena’s 12.3 days; two end with a late move', () => {
    // Chloé 40d 16:16 → 34d 11:19 = 5d 19h03 · Isabella 36d 10:16 → 25d 16:19 = 11d 6h03 ·
    // Lena 62d 9:16 → 50d 17:19 = 12d 8h03 · Jonas 20d 10:16 → 6d 15:19 = 14d 5h03 ·
    // Maya 29d 11:16 → 12d 16:19 = 17d 5h03. Mean 60.80 / 5 = 12.16.
    // Maya's move to offer (140 min) and Chloé's rejection (95 min) reached the server late.
    // Waiting now: Wei 6.0, Emily 19.0, Kenji 20.8, Tomás 22.1, Aisha 29.9 days: median 20.8.
    expect(report.timeInStage.find((row) => row.stage === 'interview')).toEqual({
      stage: 'interview',
      finished: 5,
      medianDays: 12.3,
      averageDays: 12.2,
      lateRecorded: 2,
      waitingNow: 5,
      waitingMedianDays: 20.8,
    });
    // Offer: Lena 50d 17:19 → 40d 11:22 = 9d 18h03, Isabella 25d 16:19 → 19d 9:22 = 5d 17h03; mean 7.73.
    expect(report.timeInStage.find((row) => row.stage === 'offer')).toMatchObject({
      finished: 2,
      medianDays: 7.7,
      averageDays: 7.7,
      lateRecorded: 0,
      waitingNow: 2,
    });
    expect(report.lateMoves.map((move) => [move.applicationId, move.to, move.delayHours])).toEqual([
      [`${J.seniorBackend}__cand-maya-okafor`, 'offer', 2.3],
      [`${J.seniorBackend}__cand-chloe-dubois`, 'rejected', 1.6],
    ]);
  });

  it('time to hire: Lena Fischer, 70d 10:10 → 40d 11:22 = 30 days 1h12 (30.05, shown 30.1)', () => {
    expect(report.timeToHire).toMatchObject({
      hires: 1,
      medianDays: 30.1,
      averageDays: 30.1,
      lateRecorded: 0,
    });
    expect(report.timeToHire.byJob).toEqual([
      { jobId: J.qa, title: 'QA Engineer', hires: 1, medianDays: 30.1, averageDays: 30.1, lateRecorded: 0 },
    ]);
  });

  it('sources: only referrals hired (Lena, 1 of 3); LinkedIn brought the most applications and interviews', () => {
    expect(
      report.sources.map((row) => [row.source, row.applications, row.interviewed, row.hires, row.hireRate]),
    ).toEqual([
      ['linkedin', 7, 5, 0, 0],
      ['referral', 3, 2, 1, 0.333],
      ['career_page', 5, 1, 0, 0],
      ['job_board', 4, 0, 0, 0],
      ['agency', 2, 1, 0, 0],
      ['other', 1, 1, 0, 0],
    ]);
  });

  it('offers: Lena accepted, Isabella declined, Maya’s awaits an answer, Jonas’s is a draft: 50 %', () => {
    expect(report.offers).toEqual({
      drafts: 1,
      made: 3,
      accepted: 1,
      declined: 1,
      pending: 1,
      acceptanceRate: 0.5,
    });
  });

  it('rejection reasons: one at each stage, by the organisation’s reason ids', () => {
    expect(report.rejectionReasons.map((row) => [row.reason, row.total])).toEqual([
      ['below-technical-bar', 1],
      ['offer-declined', 1],
      ['position-cancelled', 1],
      ['wrong-role', 1],
    ]);
    expect(
      report.rejectionReasons.map((row) => Object.entries(row.byStage).find(([, count]) => count > 0)?.[0]),
    ).toEqual(['interview', 'offer', 'applied', 'screening']);
  });

  it('per recruiter, per job, per date range', () => {
    // The second recruiter: designer, data analyst, customer success (shared), marketing intern.
    const second = hiringReport(input, { recruiterId: U.recruiter2 }, NOW);
    expect(second.applications).toBe(10);
    expect(second.currentStages).toEqual({
      applied: 2,
      screening: 3,
      interview: 2,
      offer: 1,
      hired: 0,
      rejected: 2,
    });
    const backend = hiringReport(input, { jobId: J.seniorBackend }, NOW);
    expect(backend.funnel.map((step) => step.reached)).toEqual([7, 4, 4, 1, 0]);
    // Arrived in the last 30 days: 13 (Tomás at 30d 9:10 and Kenji at 30d 11:10 arrived just before).
    expect(hiringReport(input, { from: NOW - 30 * DAY }, NOW).applications).toBe(13);
    expect(hiringReport(input, { from: NOW - 30 * DAY, to: NOW - 10 * DAY }, NOW).applications).toBe(7);
  });
});
