import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationId, type Application } from '#shared/domain/application/application-schema';
import { acknowledgementId, type Message } from '#shared/domain/message/message-schema';
import { messageEntryId } from './message-capture';
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
import { contentOf } from '../../infra/stored-document';
import { interviewUid } from './calendar-invite';
import { notificationsPlugin } from './plugin';
import {
  FAST_TIMING,
  queuedAcknowledgement,
  inviteOf,
  mailsTo,
  testSettings,
  textOf,
  updateStored,
  waitFor,
} from '../../test/support/notification-fixture';
import { headerOf, startSmtpSink, type SmtpSink } from '../../test/support/smtp-sink';

let store: TestStore;
let smtp: SmtpSink;
let app: FastifyInstance;
let admin: TestAccount;
let recruiter: TestAccount;
let interviewer: TestAccount;
let secondInterviewer: TestAccount;
const job = testJob({ title: 'Platform Engineer' });

const nowIso = (offsetMs = 0): string => new Date(Date.now() + offsetMs).toISOString();

beforeAll(async () => {
  [store, smtp] = await Promise.all([startTestStore(), startSmtpSink()]);
  app = await buildTestApp(store, async (built) => {
    await built.register(notificationsPlugin, {
      prefix: '/api/admin/notifications',
      settings: testSettings({ smtpUrl: smtp.url }),
      timing: FAST_TIMING,
    });
  });
  admin = await signUp(app, 'admin');
  recruiter = await signUp(app, 'recruiter', 'recruiter.one@acme.example');
  interviewer = await signUp(app, 'interviewer', 'interviewer.one@acme.example');
  secondInterviewer = await signUp(app, 'interviewer', 'interviewer.two@acme.example');
  await seed(app, 'jobs', { ...job, recruiterIds: [recruiter.user.id] });
});

afterAll(async () => {
  await app.close();
  await Promise.all([store.stop(), smtp.close()]);
});

describe('candidate and recruiter messages', () => {
  it('a portal application: received (candidate) and new application (the job’s recruiters)', async () => {
    const candidate = await signUp(app, 'candidate', 'marie.curie@example.org');
    const applied = await app.inject({
      method: 'POST',
      url: `/api/portal/jobs/${job.id}/apply`,
      headers: candidate.headers,
      payload: {},
    });
    expect(applied.statusCode).toBe(201);

    const [received] = await waitFor(
      'the candidate’s message',
      () =>
        mailsTo(smtp.received, 'marie.curie@example.org').length > 0 &&
        mailsTo(smtp.received, 'marie.curie@example.org'),
    );
    expect(headerOf(received!.raw, 'Subject')).toBe('We received your application for Platform Engineer');
    expect(headerOf(received!.raw, 'From')).toContain('jobs@acme.example');
    expect(textOf(received!)).toContain('https://jobs.acme.example/careers/#/applications');
    expect(headerOf(received!.raw, 'Message-ID')).toMatch(/^<[0-9a-f]{32}@acme\.example>$/);

    const [toRecruiter] = await waitFor(
      'the recruiter’s message',
      () =>
        mailsTo(smtp.received, 'recruiter.one@acme.example').length > 0 &&
        mailsTo(smtp.received, 'recruiter.one@acme.example'),
    );
    expect(headerOf(toRecruiter!.raw, 'Subject')).toBe(
      'New application for Platform Engineer: Test candidate',
    );
    expect(toRecruiter!.recipients).toEqual(['recruiter.one@acme.example']);
  });

  it('a stage change tells the candidate nothing; a rejection sends the message chosen for it, once', async () => {
    const person = testCandidate({
      email: 'rosalind@example.org',
      firstName: 'Rosalind',
      lastName: 'Franklin',
    });
    await seed(app, 'candidates', person);
    const id = applicationId(job.id, person.id);
    const created: Application = {
      id,
      updatedAt: Date.now(),
      jobId: job.id,
      candidateId: person.id,
      stage: 'applied',
      stageHistory: [
        { from: null, to: 'applied', by: recruiter.user.id, at: nowIso(), recordedAt: nowIso() },
      ],
      source: 'linkedin',
      createdBy: recruiter.user.id,
      createdAt: nowIso(),
    };
    await seed(app, 'applications', created);
    // Through the real replication push, as a recruiter's laptop would send it.
    const pushApplication = async (change: (master: Application) => Application) => {
      const stored = await app.store.get('applications', id);
      const master = { ...contentOf('applications', stored!), _deleted: false };
      return app.inject({
        method: 'POST',
        url: '/api/sync/applications/push',
        headers: recruiter.headers,
        payload: [{ assumedMasterState: master, newDocumentState: { ...change(master), _deleted: false } }],
      });
    };
    const screened = await pushApplication((master) => ({
      ...master,
      stage: 'screening',
      stageHistory: [
        ...master.stageHistory,
        { from: 'applied', to: 'screening', by: 'anyone', at: nowIso(), recordedAt: nowIso() },
      ],
    }));
    expect(screened.json()).toEqual({ conflicts: [], rejections: [] });

    // Written offline with the rejection, the message syncs first: it waits for its change.
    const rejectedAt = nowIso();
    const message: Message = {
      id: 'msg-rosalind',
      updatedAt: 0,
      candidateId: person.id,
      applicationId: id,
      kind: 'rejection',
      subject: 'Your application for Platform Engineer',
      body: 'Dear Rosalind,\n\nThank you for the time and interest you have given us.',
      status: 'queued',
      stageChangeAt: rejectedAt,
      createdBy: recruiter.user.id,
      createdAt: rejectedAt,
    };
    const composed = await app.inject({
      method: 'POST',
      url: '/api/sync/messages/push',
      headers: recruiter.headers,
      payload: [{ assumedMasterState: null, newDocumentState: { ...message, _deleted: false } }],
    });
    expect(composed.json()).toEqual({ conflicts: [], rejections: [] });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(mailsTo(smtp.received, 'rosalind@example.org')).toHaveLength(0);
    expect((await app.store.get('messages', message.id))?.['status']).toBe('queued');

    const rejected = await pushApplication((master) => ({
      ...master,
      stage: 'rejected',
      stageHistory: [
        ...master.stageHistory,
        {
          from: 'screening',
          to: 'rejected',
          by: 'anyone',
          at: rejectedAt,
          recordedAt: rejectedAt,
          note: 'SECRET note',
        },
      ],
      rejection: { atStage: 'screening', reason: 'stronger-candidate', note: 'SECRET note' },
    }));
    expect(rejected.json()).toEqual({ conflicts: [], rejections: [] });
    const mails = await waitFor(
      'the rejection',
      () =>
        mailsTo(smtp.received, 'rosalind@example.org').length === 1 &&
        mailsTo(smtp.received, 'rosalind@example.org'),
    );
    expect(mails.map((mail) => headerOf(mail.raw, 'Subject'))).toEqual([
      'Your application for Platform Engineer',
    ]);
    const rejection = textOf(mails[0]!);
    expect(rejection).toContain('Dear Rosalind');
    expect(rejection).toContain('Thank you for the time and interest');
    expect(mails.map((mail) => mail.raw).join('\n')).not.toContain('SECRET');
    const sent = contentOf('messages', (await app.store.get('messages', message.id))!);
    expect(sent).toMatchObject({ status: 'sent', sentTo: 'rosalind@example.org', body: message.body });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(smtp.received, 'rosalind@example.org')).toHaveLength(1);
    // A recruiter-made application tells no recruiter.
    expect(mailsTo(smtp.received, 'recruiter.one@acme.example')).toHaveLength(1);
  });

  it('retries after an SMTP failure, with the same Message-ID, and sends once', async () => {
    smtp.failNext(/flaky@/, 1);
    const refusalsBefore = smtp.refusals();
    const person = testCandidate({ email: 'flaky@example.org' });
    await seed(app, 'candidates', person);
    const id = applicationId(job.id, person.id);
    await seed(app, 'applications', {
      id,
      updatedAt: Date.now(),
      jobId: job.id,
      candidateId: person.id,
      stage: 'applied',
      stageHistory: [
        { from: null, to: 'applied', by: recruiter.user.id, at: nowIso(), recordedAt: nowIso() },
      ],
      createdBy: recruiter.user.id,
      createdAt: nowIso(),
    } satisfies Application);
    await seed(app, 'messages', queuedAcknowledgement(id, person.id, 'Platform Engineer'));
    const [mail] = await waitFor(
      'the retried message',
      () =>
        mailsTo(smtp.received, 'flaky@example.org').length > 0 && mailsTo(smtp.received, 'flaky@example.org'),
    );
    expect(smtp.refusals()).toBe(refusalsBefore + 1);
    const listing = await app.inject({
      method: 'GET',
      url: '/api/admin/notifications?limit=500',
      headers: admin.headers,
    });
    const entry = listing
      .json<{ entries: { id: string; status: string; attempts: number; lastError?: string }[] }>()
      .entries.find((candidate) => candidate.id === messageEntryId(acknowledgementId(id)));
    expect(entry).toMatchObject({ status: 'sent', attempts: 2 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(smtp.received, 'flaky@example.org')).toHaveLength(1);
    expect(headerOf(mail!.raw, 'Message-ID')).toMatch(/@acme\.example>$/);
  });
});

describe('interviewer invites', () => {
  it('scheduled, rescheduled and cancelled, with a valid iCalendar invite each', async () => {
    const person = testCandidate({ firstName: 'Alan', lastName: 'Kay' });
    await seed(app, 'candidates', person);
    const interview = testInterview(
      {
        applicationId: applicationId(job.id, person.id),
        jobId: job.id,
        candidateId: person.id,
        interviewerIds: [interviewer.user.id],
      },
      { scheduledAt: '2030-06-03T12:00:00.000Z', durationMinutes: 45, location: 'Room 4' },
    );
    await seed(app, 'interviews', interview);
    const one = 'interviewer.one@acme.example';
    const [scheduled] = await waitFor(
      'the invite',
      () => mailsTo(smtp.received, one).length === 1 && mailsTo(smtp.received, one),
    );
    expect(headerOf(scheduled!.raw, 'Subject')).toBe(
      'Interview scheduled: Alan Kay, Monday 3 June 2030, 14:00 (Europe/Berlin)',
    );
    // In the interviewer's zone (here the organisation's), saying which.
    expect(scheduled!.raw).toMatch(/DTSTART;TZID=Europe\/Berlin:20300603T140000/);
    expect(inviteOf(scheduled!)).toEqual({
      method: 'REQUEST',
      uid: interviewUid(interview.id),
      sequence: 0,
      start: new Date('2030-06-03T12:00:00.000Z'),
      status: 'CONFIRMED',
    });

    await updateStored(app, 'interviews', interview.id, (doc) => ({
      ...doc,
      scheduledAt: '2030-06-04T08:30:00.000Z',
      interviewerIds: [interviewer.user.id, secondInterviewer.user.id],
    }));
    const two = 'interviewer.two@acme.example';
    const moved = await waitFor(
      'the update',
      () =>
        mailsTo(smtp.received, one).length === 2 &&
        mailsTo(smtp.received, two).length === 1 &&
        mailsTo(smtp.received, one),
    );
    expect(headerOf(moved[1]!.raw, 'Subject')).toMatch(
      /^Interview rescheduled: Alan Kay, Tuesday 4 June 2030, 10:30/,
    );
    expect(inviteOf(moved[1]!)).toMatchObject({
      method: 'REQUEST',
      uid: interviewUid(interview.id),
      sequence: 1,
      start: new Date('2030-06-04T08:30:00.000Z'),
    });
    const [added] = mailsTo(smtp.received, two);
    expect(headerOf(added!.raw, 'Subject')).toMatch(/^Interview scheduled/);
    expect(inviteOf(added!)).toMatchObject({
      method: 'REQUEST',
      uid: interviewUid(interview.id),
      sequence: 1,
    });

    // A scorecard changes nothing for the calendars.
    await updateStored(app, 'interviews', interview.id, (doc) => ({ ...doc, location: 'Room 4' }));
    await updateStored(app, 'interviews', interview.id, (doc) => ({ ...doc, status: 'cancelled' }));
    await waitFor(
      'the cancellations',
      () => mailsTo(smtp.received, one).length === 3 && mailsTo(smtp.received, two).length === 2,
    );
    for (const address of [one, two]) {
      const cancel = mailsTo(smtp.received, address).at(-1)!;
      expect(headerOf(cancel.raw, 'Subject')).toMatch(/^Interview cancelled: Alan Kay/);
      expect(inviteOf(cancel)).toMatchObject({
        method: 'CANCEL',
        uid: interviewUid(interview.id),
        sequence: 2,
        status: 'CANCELLED',
      });
    }
  });

  it('completing an interview sends nothing', async () => {
    const person = testCandidate();
    await seed(app, 'candidates', person);
    const interview = testInterview({
      applicationId: applicationId(job.id, person.id),
      jobId: job.id,
      candidateId: person.id,
      interviewerIds: [secondInterviewer.user.id],
    });
    const two = 'interviewer.two@acme.example';
    const before = mailsTo(smtp.received, two).length;
    await seed(app, 'interviews', interview);
    await waitFor('the invite', () => mailsTo(smtp.received, two).length === before + 1);
    await updateStored(app, 'interviews', interview.id, (doc) => ({ ...doc, status: 'completed' }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(mailsTo(smtp.received, two)).toHaveLength(before + 1);
  });
});

describe('admin listing', () => {
  it('is for admins only', async () => {
    const listing = await app.inject({
      method: 'GET',
      url: '/api/admin/notifications',
      headers: admin.headers,
    });
    expect(listing.statusCode).toBe(200);
    expect(listing.json()).toMatchObject({ delivery: 'smtp', mailDirectory: null });
    expect(
      (await app.inject({ method: 'GET', url: '/api/admin/notifications', headers: recruiter.headers }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/admin/notifications?status=nope',
          headers: admin.headers,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await app.inject({ method: 'GET', url: '/api/admin/notifications/nope', headers: admin.headers }))
        .statusCode,
    ).toBe(404);
  });
});
