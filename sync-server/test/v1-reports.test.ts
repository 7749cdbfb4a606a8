import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiringReport, type HiringReport } from '#shared/domain/reports/hiring-report';
import { buildDemoOrganisation } from '../demo/demo-organisation';
import { DEMO_JOB_IDS } from '../demo/demo-jobs';
import { DEMO_USER_IDS } from '../demo/demo-users';
import { loadDemoIfEmpty } from '../demo/load-demo';
import { codeOf, v1 } from './support/v1-client';
import { buildTestApp, login, startTestStore, type Session, type TestStore } from './support/test-server';

let testStore: TestStore;
let app: FastifyInstance;
let manager: Session;
let interviewer: Session;
const loadedAt = Date.now();

beforeAll(async () => {
  testStore = await startTestStore();
  app = await buildTestApp(testStore);
  await loadDemoIfEmpty(app.store, loadedAt);
  [manager, interviewer] = await Promise.all([
    login(app, 'hr.manager@example.com'),
    login(app, 'interviewer1@example.com'),
  ]);
});

afterAll(async () => {
  await app.close();
  await testStore.stop();
});

/** The reports the app computes offline from the same demo documents. */
function localReport(filter: Parameters<typeof hiringReport>[1]): HiringReport {
  const demo = buildDemoOrganisation(loadedAt);
  return hiringReport(
    {
      applications: demo.applications,
      jobs: demo.jobs,
      candidateSources: new Map(demo.candidates.map((candidate) => [candidate.id, candidate.source])),
    },
    filter,
    loadedAt,
  );
}

/** The figures that do not move with the clock between the two computations. */
const settled = (report: HiringReport) => ({
  applications: report.applications,
  funnel: report.funnel,
  currentStages: report.currentStages,
  conversion: report.conversion,
  timeToHire: report.timeToHire,
  sources: report.sources,
  offers: report.offers,
  rejectionReasons: report.rejectionReasons,
  finishedStays: report.timeInStage.map(({ stage, finished, medianDays, averageDays }) => ({
    stage,
    finished,
    medianDays,
    averageDays,
  })),
});

const reportOf = async (caller: Session | string, query = '') => {
  const answer = await v1(app, caller, 'GET', `/dashboard/stats${query}`);
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json<{ report: HiringReport }>().report;
};

describe('the hiring reports of /api/v1/dashboard/stats', () => {
  it('are the figures the app computes from the same documents', async () => {
    const report = await reportOf(manager);
    expect(report.applications).toBe(22);
    expect(settled(report)).toEqual(settled(localReport({})));
  });

  it('cover one job, one recruiter’s jobs, or a date range', async () => {
    const jobId = DEMO_JOB_IDS.seniorBackend;
    const ofJob = await reportOf(manager, `?jobId=${jobId}`);
    expect(ofJob.filter).toEqual({ jobId });
    expect(settled(ofJob)).toEqual(settled(localReport({ jobId })));
    expect(ofJob.applications).toBeGreaterThan(0);
    expect(ofJob.applications).toBeLessThan(22);

    const recruiterId = DEMO_USER_IDS.recruiter1;
    expect(settled(await reportOf(manager, `?recruiterId=${recruiterId}`))).toEqual(
      settled(localReport({ recruiterId })),
    );

    const future = new Date(loadedAt + 86_400_000).toISOString();
    expect((await reportOf(manager, `?from=${encodeURIComponent(future)}`)).applications).toBe(0);
    const from = new Date(loadedAt - 30 * 86_400_000).toISOString();
    const ranged = await reportOf(
      manager,
      `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(future)}`,
    );
    expect(settled(ranged)).toEqual(settled(localReport({ from: Date.parse(from), to: Date.parse(future) })));
  });

  it('refuse a malformed or backwards range, and interviewers', async () => {
    for (const query of ['?from=yesterday', '?to=2026-13-01T00:00:00Z', '?jobId=', '?from=1']) {
      const answer = await v1(app, manager, 'GET', `/dashboard/stats${query}`);
      expect(answer.statusCode, query).toBe(400);
    }
    const backwards = await v1(
      app,
      manager,
      'GET',
      '/dashboard/stats?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z',
    );
    expect([backwards.statusCode, codeOf(backwards)]).toEqual([400, 'invalid_range']);
    const refused = await v1(app, interviewer, 'GET', '/dashboard/stats');
    expect(refused.statusCode).toBe(403);
  });
});
