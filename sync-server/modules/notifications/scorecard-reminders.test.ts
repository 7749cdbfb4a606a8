import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentScope } from 'nano';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationId } from '#shared/domain/application/application-schema';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { StoredDoc } from '../../infra/couch-store';
import { ensureOutboxDatabase } from '../../services/outbox-database';
import { isOutboxEntry, type OutboxEntry } from '../../services/outbox-entry';
import {
  buildTestApp,
  seed,
  signUp,
  startTestStore,
  testCandidate,
  testInterview,
  testJob,
  type TestAccount,
  type TestStore,
} from '../../test/support/accounts';
import { FAST_TIMING, testSettings, updateStored } from '../../test/support/notification-fixture';
import { fileTransport } from './mail-transport';
import { NotificationWorker } from './notification-worker';
import {
  dueReminder,
  reminderEntryId,
  reminderTimes,
  ScorecardReminders,
  type ReminderContext,
} from './scorecard-reminders';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('when reminders are due', () => {
  const berlin = 'Europe/Berlin';

  it('an hour after the end, then on the next three working days', () => {
    // Friday 6 March 2026, 15:00–16:00 Berlin (14:00–15:00 UTC).
    const end = Date.parse('2026-03-06T15:00:00.000Z');
    expect(reminderTimes(end, berlin).map((at) => new Date(at).toISOString())).toEqual([
      '2026-03-06T16:00:00.000Z', // Friday
      '2026-03-09T16:00:00.000Z', // Monday
      '2026-03-10T16:00:00.000Z',
      '2026-03-11T16:00:00.000Z',
    ]);
    // Tuesday: Wednesday, Thursday, Friday.
    const tuesday = Date.parse('2026-03-03T10:00:00.000Z');
    expect(reminderTimes(tuesday, berlin).map((at) => new Date(at).getUTCDate())).toEqual([3, 4, 5, 6]);
  });

  it('one at a time: the latest whose time has come, none once it is a day old', () => {
    const times = [100, 100 + DAY, 100 + 2 * DAY];
    expect(dueReminder(times, 99)).toBeNull();
    expect(dueReminder(times, 100)).toBe(0);
    expect(dueReminder(times, 100 + DAY - 1)).toBe(0);
    expect(dueReminder(times, 100 + 2 * DAY + 5)).toBe(2);
    expect(dueReminder(times, 100 + 3 * DAY)).toBeNull();
  });
});

let store: TestStore;
let app: FastifyInstance;
let outbox: DocumentScope<StoredDoc>;
let recruiter: TestAccount;
let late: TestAccount;
let punctual: TestAccount;
let mailDirectory: string;
const job = testJob({ title: 'Data Analyst' });
const candidate = testCandidate({ firstName: 'Emily', lastName: 'Carter' });
const application = applicationId(job.id, candidate.id);

beforeAll(async () => {
  store = await startTestStore();
  mailDirectory = mkdtempSync(path.join(os.tmpdir(), 'shortlist-reminders-'));
  app = await buildTestApp(store);
  outbox = await ensureOutboxDatabase(app.store);
  [recruiter, late, punctual] = await Promise.all([
    signUp(app, 'recruiter'),
    signUp(app, 'interviewer', 'late.interviewer@example.com'),
    signUp(app, 'interviewer', 'punctual.interviewer@example.com'),
  ]);
  await seed(app, 'jobs', job);
  await seed(app, 'candidates', candidate);
  await seed(app, 'applications', {
    id: application,
    updatedAt: Date.now(),
    jobId: job.id,
    candidateId: candidate.id,
    stage: 'interview',
    stageHistory: [
      {
        from: null,
        to: 'applied',
        by: recruiter.user.id,
        at: new Date(Date.now() - 30 * DAY).toISOString(),
        recordedAt: new Date(Date.now() - 30 * DAY).toISOString(),
      },
    ],
    createdBy: recruiter.user.id,
    createdAt: new Date(Date.now() - 30 * DAY).toISOString(),
  });
});

afterAll(async () => {
  await app.close();
  await store.stop();
  rmSync(mailDirectory, { recursive: true, force: true });
});

/** An hour-long interview of both interviewers that ended at `endedAt`; `punctual` has submitted. */
async function interviewEndedAt(endedAt: number, overrides: Partial<Interview> = {}): Promise<Interview> {
  const interview = testInterview(
    {
      applicationId: application,
      jobId: job.id,
      candidateId: candidate.id,
      interviewerIds: [late.user.id, punctual.user.id],
    },
    {
      scheduledAt: new Date(endedAt - HOUR).toISOString(),
      status: 'completed',
      scorecards: [
        {
          interviewerId: punctual.user.id,
          rating: 4,
          recommendation: 'yes',
          notes: 'Good.',
          submittedAt: new Date(endedAt + 10 * 60_000).toISOString(),
        },
      ],
      ...overrides,
    },
  );
  await seed(app, 'interviews', interview);
  return interview;
}

function reminders(now: () => number, overrides: Partial<ReminderContext> = {}): ScorecardReminders {
  return new ScorecardReminders({
    store: app.store,
    outbox,
    mailFrom: 'Acme Hiring <jobs@acme.example>',
    messages: { organisation: 'Acme', publicUrl: 'https://jobs.acme.example', timeZone: 'UTC' },
    now,
    ...overrides,
  });
}

async function remindersAbout(interviewId: string): Promise<OutboxEntry[]> {
  const { rows } = await outbox.list({
    include_docs: true,
    startkey: `scorecard-reminder:${interviewId}:`,
    endkey: `scorecard-reminder:${interviewId}:\uffff`,
  });
  return rows.flatMap((row) => (row.doc && isOutboxEntry(row.doc) ? [row.doc] : []));
}

/** Monday 2 March 2026 at the given UTC hour, shifted by whole days. */
const monday = (hour: number, days = 0) => Date.parse('2026-03-02T00:00:00.000Z') + hour * HOUR + days * DAY;

describe('the reminder job against the store', () => {
  it('reminds only the interviewer who owes a scorecard, an hour after the end, once, however many workers run', async () => {
    const interview = await interviewEndedAt(monday(10));
    let now = monday(10) + 59 * 60_000;
    expect(await reminders(() => now).runOnce()).toBe(0);
    now = monday(11, 0) + 60_000;
    const workers = [reminders(() => now), reminders(() => now), reminders(() => now)];
    const added = await Promise.all(workers.map((worker) => worker.runOnce()));
    expect(added.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(await workers[0]!.runOnce()).toBe(0);
    const [entry, ...others] = await remindersAbout(interview.id);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      _id: reminderEntryId(interview.id, late.user.id, 0),
      template: 'scorecard_reminder',
      to: ['late.interviewer@example.com'],
      subject: 'Scorecard due: Emily Carter (Data Analyst)',
      status: 'pending',
      source: { collection: 'interviews', id: interview.id },
    });
    expect(entry?.text).toContain(`https://jobs.acme.example/app/interviews/${interview.id}`);
  });

  it('then daily on three working days, skipping the weekend, and never again after', async () => {
    // Ends Friday 6 March 10:00: Friday 11:00, Monday, Tuesday, Wednesday 11:00.
    const friday = monday(10, 4);
    const interview = await interviewEndedAt(friday);
    const ids = async () => (await remindersAbout(interview.id)).map((entry) => entry._id).sort();
    for (const [days, expected] of [
      [0, 1],
      [1, 1], // Saturday: nothing new
      [3, 2], // Monday
      [4, 3],
      [5, 4],
      [6, 4],
      [12, 4],
    ] as const) {
      const now = friday + HOUR + days * DAY + 60_000;
      await reminders(() => now).runOnce();
      expect(await ids(), `day ${days}`).toHaveLength(expected);
    }
    expect(await ids()).toEqual(
      [0, 1, 2, 3].map((index) => reminderEntryId(interview.id, late.user.id, index)),
    );
    const last = (await remindersAbout(interview.id)).find((entry) => entry._id.endsWith(':3'));
    expect(last?.subject).toBe('Your scorecard is late: Emily Carter (Data Analyst)');
  });

  it('does not catch up after the worker was down: only the reminder due now goes out', async () => {
    const interview = await interviewEndedAt(monday(9));
    const now = monday(10, 2) + 60_000; // Wednesday: reminders 0 and 1 passed unsent
    await reminders(() => now).runOnce();
    expect((await remindersAbout(interview.id)).map((entry) => entry._id)).toEqual([
      reminderEntryId(interview.id, late.user.id, 2),
    ]);
  });

  it('stops once the scorecard is in, and never starts for a decline, a cancellation, a no-show or a new time', async () => {
    const submitted = await interviewEndedAt(monday(8, 7));
    await updateStored(app, 'interviews', submitted.id, (doc) => ({
      ...doc,
      scorecards: [
        ...(doc['scorecards'] as unknown[]),
        {
          interviewerId: late.user.id,
          rating: 3,
          recommendation: 'no',
          notes: '',
          submittedAt: new Date(monday(8, 7)).toISOString(),
        },
      ],
    }));
    const declined = await interviewEndedAt(monday(8, 7), {
      status: 'scheduled',
      declines: [
        {
          interviewerId: late.user.id,
          reason: 'Ill',
          at: new Date(monday(6, 7)).toISOString(),
          scheduledAt: new Date(monday(7, 7)).toISOString(),
        },
      ],
    });
    const cancelled = await interviewEndedAt(monday(8, 7), { status: 'cancelled' });
    const missed = await interviewEndedAt(monday(8, 7), { status: 'no_show' });
    const moved = await interviewEndedAt(monday(8, 7), { status: 'scheduled' });
    await updateStored(app, 'interviews', moved.id, (doc) => ({
      ...doc,
      scheduledAt: new Date(monday(8, 9)).toISOString(),
    }));
    const now = monday(9, 7) + 60_000;
    await reminders(() => now).runOnce();
    for (const interview of [submitted, declined, cancelled, missed, moved]) {
      expect(await remindersAbout(interview.id), interview.id).toEqual([]);
    }
  });

  it('leaves out inactive people and those who switched reminders off', async () => {
    const interview = await interviewEndedAt(monday(10, 14));
    const now = monday(11, 14) + 60_000;
    await reminders(() => now, { isWanted: () => Promise.resolve(false) }).runOnce();
    expect(await remindersAbout(interview.id)).toEqual([]);
    const stored = await app.store.get('users', late.user.id);
    await app.store.put('users', { ...stored!, active: false });
    try {
      await reminders(() => now).runOnce();
      expect(await remindersAbout(interview.id)).toEqual([]);
    } finally {
      const current = await app.store.get('users', late.user.id);
      await app.store.put('users', { ...current!, active: true });
    }
  });

  it('is part of the outbox worker’s round, which sends the reminder', async () => {
    const interview = await interviewEndedAt(monday(10, 21));
    const now = monday(11, 21) + 60_000;
    const worker = await NotificationWorker.create(app.store, {
      settings: testSettings({ runWorker: false, mailDirectory }),
      timing: FAST_TIMING,
      transport: fileTransport(mailDirectory, 'Acme Hiring <jobs@acme.example>'),
      now: () => now,
    });
    await worker.prepare();
    await worker.runOnce();
    await worker.stop();
    const [entry] = await remindersAbout(interview.id);
    expect(entry).toMatchObject({ status: 'sent', to: ['late.interviewer@example.com'] });
    expect(readdirSync(mailDirectory).length).toBeGreaterThan(0);
  });
});
