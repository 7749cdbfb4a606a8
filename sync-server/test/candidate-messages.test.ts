import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationId, type Application } from '#shared/domain/application/application-schema';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { Message } from '#shared/domain/message/message-schema';
import type { CouchStore } from '../infra/couch-store';
import { contentOf } from '../infra/stored-document';
import { eraseCandidate } from '../modules/admin/erasure-service';
import { fileTransport, type MailTransport } from '../modules/notifications/mail-transport';
import { messageEntryId } from '../modules/notifications/message-capture';
import { notificationsPlugin } from '../modules/notifications/plugin';
import { ensureOutboxDatabase } from '../services/outbox-database';
import { isOutboxEntry, type OutboxEntry } from '../services/outbox-entry';
import {
  buildTestApp,
  freshPrefix,
  seed,
  signUp,
  startTestStore,
  testCandidate,
  testInterview,
  testJob,
  type TestAccount,
  type TestStore,
} from './support/accounts';
import { FAST_TIMING, testSettings, waitFor } from './support/notification-fixture';

/**
 * SPEC §12 end to end over HTTP, with two server instances (two apps, each with its own outbox worker)
 * on one store: a candidate receives only what a person chose to send, once, whatever the order in
 * which an offline laptop's changes arrive, and unrelated edits send nobody anything.
 */
let store: TestStore;
let mailDirectory: string;
let one: FastifyInstance;
let two: FastifyInstance;
let recruiter: TestAccount;
let interviewer: TestAccount;
let admin: TestAccount;
const sends: OutboxEntry[] = [];
const job = testJob({ title: 'Data Engineer' });

/** A transport that records what it sends (around the file transport). */
function recording(inner: MailTransport): MailTransport {
  return {
    ...inner,
    send: async (entry) => {
      sends.push(entry);
      return inner.send(entry);
    },
  };
}

beforeAll(async () => {
  store = await startTestStore();
  mailDirectory = mkdtempSync(path.join(os.tmpdir(), 'shortlist-messages-'));
  const prefix = freshPrefix();
  const withWorker = async (app: FastifyInstance) => {
    await app.register(notificationsPlugin, {
      prefix: '/api/admin/notifications',
      settings: testSettings({ mailDirectory }),
      timing: FAST_TIMING,
      transport: recording(fileTransport(mailDirectory, 'Acme <jobs@acme.example>')),
    });
  };
  one = await buildTestApp(store, withWorker, prefix);
  two = await buildTestApp(store, withWorker, prefix);
  recruiter = await signUp(one, 'recruiter');
  interviewer = await signUp(one, 'interviewer', 'ivy.interviewer@acme.example');
  admin = await signUp(one, 'admin');
  await seed(one, 'jobs', { ...job, recruiterIds: [recruiter.user.id] });
});

afterAll(async () => {
  await Promise.all([one.close(), two.close()]);
  await store.stop();
  rmSync(mailDirectory, { recursive: true, force: true });
});

const nowIso = (): string => new Date().toISOString();
const sentTo = (address: string): OutboxEntry[] => sends.filter((entry) => entry.to.includes(address));
const settle = (ms = 500) => new Promise((resolve) => setTimeout(resolve, ms));

async function pushTo(
  app: FastifyInstance,
  account: TestAccount,
  collection: string,
  rows: { assumedMasterState: unknown; newDocumentState: Record<string, unknown> }[],
): Promise<{ conflicts: unknown[]; rejections: { id: string; code: string }[] }> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/sync/${collection}/push`,
    headers: account.headers,
    payload: rows,
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}

/** A stage move of the stored application, pushed as a laptop would (assumed state: the server's). */
async function move(
  app: FastifyInstance,
  id: string,
  to: Application['stage'],
  at: string,
  extra: Partial<Application> = {},
) {
  const master = {
    ...contentOf('applications', (await app.store.get('applications', id))!),
    _deleted: false,
  };
  const moved = {
    ...master,
    ...extra,
    stage: to,
    stageHistory: [...master.stageHistory, { from: master.stage, to, by: 'x', at, recordedAt: at }],
  };
  return pushTo(app, recruiter, 'applications', [{ assumedMasterState: master, newDocumentState: moved }]);
}

/** A candidate and their application at `applied`, as a recruiter added them. */
async function sourcedApplication(email: string): Promise<{ id: string; candidateId: string }> {
  const person = testCandidate({ email });
  await seed(one, 'candidates', person);
  const id = applicationId(job.id, person.id);
  const created = await pushTo(one, recruiter, 'applications', [
    {
      assumedMasterState: null,
      newDocumentState: {
        id,
        updatedAt: 0,
        jobId: job.id,
        candidateId: person.id,
        stage: 'applied',
        stageHistory: [{ from: null, to: 'applied', by: 'x', at: nowIso(), recordedAt: nowIso() }],
        source: 'linkedin',
        createdBy: recruiter.user.id,
        createdAt: nowIso(),
        _deleted: false,
      },
    },
  ]);
  expect(created.rejections).toEqual([]);
  return { id, candidateId: person.id };
}

function composed(
  overrides: Partial<Message> & Pick<Message, 'id' | 'candidateId' | 'applicationId'>,
): Message {
  return {
    updatedAt: 0,
    kind: 'rejection',
    subject: 'Your application for Data Engineer',
    body: 'Dear Ada,\n\nThank you for your time.',
    status: 'queued',
    createdBy: recruiter.user.id,
    createdAt: nowIso(),
    ...overrides,
  };
}

describe('no candidate message unless a person chose one', () => {
  it('a sourced candidate walked through the whole pipeline, scheduled and rejected elsewhere, gets nothing', async () => {
    const email = 'quiet.candidate@example.org';
    const { id, candidateId } = await sourcedApplication(email);
    for (const stage of ['screening', 'interview', 'offer'] as const) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect((await move(one, id, stage, nowIso())).rejections).toEqual([]);
    }
    const stored = contentOf('applications', (await one.store.get('applications', id))!);
    const extended = {
      ...stored,
      offer: { baseSalary: 80_000, currency: 'EUR', status: 'accepted' as const },
    };
    expect(
      (
        await pushTo(one, recruiter, 'applications', [
          {
            assumedMasterState: { ...stored, _deleted: false },
            newDocumentState: { ...extended, _deleted: false },
          },
        ])
      ).rejections,
    ).toEqual([]);
    const interview = testInterview({
      applicationId: id,
      jobId: job.id,
      candidateId,
      interviewerIds: [interviewer.user.id],
    });
    expect(
      (
        await pushTo(one, recruiter, 'interviews', [
          { assumedMasterState: null, newDocumentState: { ...interview, _deleted: false } },
        ])
      ).rejections,
    ).toEqual([]);
    await settle(800);
    const outbox = await ensureOutboxDatabase(one.store);
    const all = (await outbox.list({ include_docs: true })).rows.flatMap((row) =>
      row.doc && isOutboxEntry(row.doc) ? [row.doc] : [],
    );
    expect(all.filter((entry) => entry.to.includes(email))).toEqual([]);
    expect(sentTo(email)).toEqual([]);
    expect(await one.store.find('messages', { selector: { candidateId }, limit: 10 })).toEqual([]);
    // The interviewer heard of the assignment: staff notifications stay.
    await waitFor('the interviewer’s invite', () => sentTo('ivy.interviewer@acme.example').length > 0);
  });
});

describe('a message written offline', () => {
  it('is sent exactly once when it syncs, before or after its change, with two instances racing', async () => {
    const email = 'offline.reject@example.org';
    const { id, candidateId } = await sourcedApplication(email);
    await settle(20);
    const rejectedAt = nowIso();
    const message = composed({
      id: 'msg-offline-1',
      candidateId,
      applicationId: id,
      stageChangeAt: rejectedAt,
    });
    // The laptop's message reaches instance two before its rejection reaches instance one.
    expect(
      (
        await pushTo(two, recruiter, 'messages', [
          { assumedMasterState: null, newDocumentState: { ...message, _deleted: false } },
        ])
      ).rejections,
    ).toEqual([]);
    await settle(400);
    expect(sentTo(email)).toEqual([]);
    const rejected = await move(one, id, 'rejected', rejectedAt, {
      rejection: { atStage: 'applied', reason: 'stronger-candidate' },
    });
    expect(rejected.rejections).toEqual([]);
    await waitFor('the rejection', () => sentTo(email).length > 0);
    await settle(600);
    expect(sentTo(email).map((entry) => entry._id)).toEqual([messageEntryId(message.id)]);
    expect(sentTo(email)[0]).toMatchObject({ subject: message.subject, text: `${message.body}\n` });
    const stored = contentOf('messages', (await one.store.get('messages', message.id))!);
    expect(stored).toMatchObject({ status: 'sent', sentTo: email });

    // Pushed again (a laptop that did not hear back), it is a conflict, and nothing is sent again.
    const again = await pushTo(one, recruiter, 'messages', [
      {
        assumedMasterState: { ...message, _deleted: false },
        newDocumentState: { ...message, body: 'Edited late.', _deleted: false },
      },
    ]);
    expect(again.conflicts).toHaveLength(1);
    const edited = await pushTo(one, recruiter, 'messages', [
      {
        assumedMasterState: { ...stored, _deleted: false },
        newDocumentState: { ...stored, body: 'Edited late.', _deleted: false },
      },
    ]);
    expect(edited.rejections.map((rejection) => rejection.code)).toEqual(['message_closed']);
    await settle(400);
    expect(sentTo(email)).toHaveLength(1);
  });

  it('is never sent when its move was taken back, and is cancelled once the application ends otherwise', async () => {
    const email = 'taken.back@example.org';
    const { id, candidateId } = await sourcedApplication(email);
    const message = composed({ id: 'msg-undone', candidateId, applicationId: id, stageChangeAt: nowIso() });
    await pushTo(one, recruiter, 'messages', [
      { assumedMasterState: null, newDocumentState: { ...message, _deleted: false } },
    ]);
    await settle(50);
    // Rejected later by another change: not the one the message was written for.
    await move(one, id, 'rejected', nowIso(), {
      rejection: { atStage: 'applied', reason: 'stronger-candidate' },
    });
    await waitFor(
      'the cancellation',
      async () => (await one.store.get('messages', message.id))?.['status'] === 'cancelled',
    );
    expect(sentTo(email)).toEqual([]);
  });

  it('a withdrawn message is not sent; an interviewer may neither write nor read messages', async () => {
    const email = 'withdrawn@example.org';
    const { id, candidateId } = await sourcedApplication(email);
    const rejectedAt = nowIso();
    const message = composed({
      id: 'msg-withdrawn',
      candidateId,
      applicationId: id,
      stageChangeAt: rejectedAt,
    });
    await pushTo(one, recruiter, 'messages', [
      { assumedMasterState: null, newDocumentState: { ...message, _deleted: false } },
    ]);
    const queued = contentOf('messages', (await one.store.get('messages', message.id))!);
    const withdrawn = await pushTo(one, recruiter, 'messages', [
      {
        assumedMasterState: { ...queued, _deleted: false },
        newDocumentState: { ...queued, status: 'withdrawn', _deleted: false },
      },
    ]);
    expect(withdrawn.rejections).toEqual([]);
    await move(one, id, 'rejected', rejectedAt, {
      rejection: { atStage: 'applied', reason: 'stronger-candidate' },
    });
    await settle(600);
    expect(sentTo(email)).toEqual([]);

    const byInterviewer = await pushTo(one, interviewer, 'messages', [
      {
        assumedMasterState: null,
        newDocumentState: {
          ...composed({
            id: 'msg-ivy',
            candidateId,
            applicationId: id,
            stageChangeAt: rejectedAt,
            createdBy: interviewer.user.id,
          }),
          _deleted: false,
        },
      },
    ]);
    expect(byInterviewer.rejections.map((rejection) => rejection.code)).toEqual(['forbidden_role']);
    const pulled = await one.inject({
      method: 'GET',
      url: '/api/sync/messages/pull',
      headers: interviewer.headers,
    });
    expect(pulled.json<{ documents: unknown[] }>().documents).toEqual([]);
    const asRecruiter = await one.inject({
      method: 'GET',
      url: '/api/sync/messages/pull?limit=500',
      headers: recruiter.headers,
    });
    expect(asRecruiter.json<{ documents: { id: string }[] }>().documents.map((doc) => doc.id)).toContain(
      message.id,
    );
  });
});

describe('staff notifications', () => {
  it('unrelated edits of an interview stored before notifications send nothing; a real change does', async () => {
    const person = testCandidate();
    await seed(one, 'candidates', person);
    const old: Interview = {
      ...testInterview({
        applicationId: applicationId(job.id, person.id),
        jobId: job.id,
        candidateId: person.id,
        interviewerIds: [interviewer.user.id],
      }),
      id: 'int-old',
      updatedAt: Date.now() - 86_400_000,
      createdAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    };
    await seed(one, 'interviews', old); // loaded in bulk long ago, as the demo is
    await settle(300);
    const before = sentTo(interviewer.user.email).length;
    const master = {
      ...contentOf('interviews', (await one.store.get('interviews', old.id))!),
      _deleted: false,
    };
    const scorecard = {
      interviewerId: interviewer.user.id,
      rating: 4,
      recommendation: 'yes',
      notes: 'Good.',
      submittedAt: nowIso(),
    };
    const pushed = await pushTo(one, interviewer, 'interviews', [
      {
        assumedMasterState: { ...master, scorecards: [] },
        newDocumentState: { ...master, scorecards: [scorecard] },
      },
    ]);
    expect(pushed.rejections).toEqual([]);
    await settle(600);
    expect(sentTo(interviewer.user.email)).toHaveLength(before);

    const current = {
      ...contentOf('interviews', (await one.store.get('interviews', old.id))!),
      _deleted: false,
    };
    const later = new Date(Date.parse(current.scheduledAt) + 3_600_000).toISOString();
    await pushTo(one, recruiter, 'interviews', [
      { assumedMasterState: current, newDocumentState: { ...current, scheduledAt: later } },
    ]);
    await waitFor('the reschedule', () => sentTo(interviewer.user.email).length === before + 1);
    expect(sentTo(interviewer.user.email).at(-1)?.subject).toMatch(/^Interview rescheduled/);
  });

  it('the e-mails about a candidate are listed on their page for those who read everything', async () => {
    const { id, candidateId } = await sourcedApplication('listed.about@example.org');
    const other = await sourcedApplication('listed.other@example.org');
    const interview = testInterview({
      applicationId: id,
      jobId: job.id,
      candidateId,
      interviewerIds: [interviewer.user.id],
    });
    const pushed = await pushTo(one, recruiter, 'interviews', [
      { assumedMasterState: null, newDocumentState: { ...interview, _deleted: false } },
    ]);
    expect(pushed.rejections).toEqual([]);
    const list = (account: TestAccount | null, candidate: string) =>
      two.inject({
        method: 'GET',
        url: `/api/candidates/${encodeURIComponent(candidate)}/notifications`,
        headers: account?.headers ?? {},
      });
    await waitFor('the interviewer’s invitation listed', async () => {
      const response = await list(recruiter, candidateId);
      return response.statusCode === 200 && response.json<{ entries: unknown[] }>().entries.length > 0;
    });
    const { entries } = (await list(admin, candidateId)).json<{
      entries: { template: string; to: string[]; subject: string; status: string; createdAt: number }[];
    }>();
    expect(entries).toEqual([
      expect.objectContaining({
        template: 'interview_scheduled',
        to: [interviewer.user.email],
        subject: expect.stringMatching(/^Interview scheduled/) as unknown,
      }),
    ]);
    expect(JSON.stringify(entries)).not.toContain('"text"');
    // Someone else's candidate lists nothing of this one; interviewers and strangers see nothing.
    expect((await list(recruiter, other.candidateId)).json()).toEqual({ entries: [] });
    expect((await list(interviewer, candidateId)).statusCode).toBe(403);
    expect((await list(null, candidateId)).statusCode).toBe(401);
    expect((await list(recruiter, 'cand-nobody')).statusCode).toBe(404);
    expect((await list(recruiter, '_all_docs')).statusCode).toBe(404);
    expect((await list(recruiter, 'x'.repeat(201))).statusCode).toBe(414);
  });

  it('a person who switched e-mail notifications off gets none; times are in their own zone', async () => {
    const quiet = await signUp(one, 'interviewer', 'quiet.interviewer@acme.example');
    const tokyo = await signUp(one, 'interviewer', 'tokyo.interviewer@acme.example');
    const off = await one.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: quiet.headers,
      payload: { emailNotifications: false },
    });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ id: quiet.user.id, emailNotifications: false });
    const zone = await one.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: tokyo.headers,
      payload: { timeZone: 'Asia/Tokyo' },
    });
    expect(zone.json()).toMatchObject({ timeZone: 'Asia/Tokyo' });
    const person = testCandidate({ firstName: 'Grace', lastName: 'Hopper' });
    await seed(one, 'candidates', person);
    await seed(one, 'applications', {
      id: applicationId(job.id, person.id),
      updatedAt: Date.now(),
      jobId: job.id,
      candidateId: person.id,
      stage: 'interview',
      stageHistory: [{ from: null, to: 'applied', by: recruiter.user.id, at: nowIso(), recordedAt: nowIso() }],
      createdBy: recruiter.user.id,
      createdAt: nowIso(),
    } satisfies Application);
    const interview = testInterview(
      {
        applicationId: applicationId(job.id, person.id),
        jobId: job.id,
        candidateId: person.id,
        interviewerIds: [quiet.user.id, tokyo.user.id],
      },
      { scheduledAt: '2030-06-03T09:00:00.000Z' },
    );
    const scheduled = await pushTo(one, recruiter, 'interviews', [
      { assumedMasterState: null, newDocumentState: { ...interview, _deleted: false } },
    ]);
    expect(scheduled.rejections).toEqual([]);
    await waitFor('the invite', () => sentTo('tokyo.interviewer@acme.example').length === 1);
    const [invite] = sentTo('tokyo.interviewer@acme.example');
    expect(invite?.subject).toBe('Interview scheduled: Grace Hopper, Monday 3 June 2030, 18:00 (Asia/Tokyo)');
    expect(invite?.invite?.ics).toContain('DTSTART;TZID=Asia/Tokyo:20300603T180000');
    await settle(300);
    expect(sentTo('quiet.interviewer@acme.example')).toEqual([]);
  });

  it('PATCH /api/auth/me takes only a person’s own preferences, and valid ones', async () => {
    const patch = (headers: Record<string, string>, payload: unknown) =>
      one.inject({
        method: 'PATCH',
        url: '/api/auth/me',
        headers,
        payload: payload as Record<string, unknown>,
      });
    expect((await patch(recruiter.headers, { timeZone: 'Mars/Olympus' })).statusCode).toBe(400);
    expect((await patch(recruiter.headers, { role: 'admin' })).statusCode).toBe(400);
    expect((await patch(recruiter.headers, { timeZone: 42 })).statusCode).toBe(400);
    expect((await patch({}, { timeZone: 'UTC' })).statusCode).toBe(401);
    const candidate = await signUp(one, 'candidate');
    expect((await patch(candidate.headers, { timeZone: 'UTC' })).statusCode).toBe(403);
    const user = contentOf('users', (await one.store.get('users', recruiter.user.id))!);
    expect(user.role).toBe('recruiter');
    expect(user.timeZone).toBeUndefined();
  });
});

describe('erasure', () => {
  it('blanks the messages on the candidate’s page', async () => {
    const email = 'erase.messages@example.org';
    const { id, candidateId } = await sourcedApplication(email);
    const message = composed({
      id: 'msg-erase',
      candidateId,
      applicationId: id,
      stageChangeAt: nowIso(),
      body: 'Dear Erin Erasable, …',
    });
    await pushTo(one, recruiter, 'messages', [
      { assumedMasterState: null, newDocumentState: { ...message, _deleted: false } },
    ]);
    const erased = await one.inject({
      method: 'POST',
      url: `/api/admin/candidates/${candidateId}/erase`,
      headers: admin.headers,
    });
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toMatchObject({ candidateMessages: 1 });
    const stored = contentOf('messages', (await one.store.get('messages', message.id))!);
    expect(stored).toMatchObject({ subject: 'Erased', body: 'Erased', status: 'cancelled' });
    expect(JSON.stringify(stored)).not.toContain('Erasable');
  });
  it('erases a message that changed while it was being erased (the change capture marking it, say)', async () => {
    const { id, candidateId } = await sourcedApplication('erase.race@example.org');
    const message = composed({
      id: 'msg-erase-race',
      candidateId,
      applicationId: id,
      stageChangeAt: nowIso(),
      body: 'Dear Rae Racer, …',
    });
    const pushed = await pushTo(one, recruiter, 'messages', [
      { assumedMasterState: null, newDocumentState: { ...message, _deleted: false } },
    ]);
    expect(pushed.rejections).toEqual([]);
    // Another writer changes each message right after erasure has read it, before erasure writes it.
    let hasRaced = false;
    const racing = new Proxy<CouchStore>(one.store, {
      get(target, property) {
        if (property === 'find') {
          return async (...args: Parameters<CouchStore['find']>) => {
            const docs = await target.find(...args);
            if (args[0] === 'messages' && !hasRaced) {
              hasRaced = true;
              expect(docs).toHaveLength(1);
              for (const doc of docs) {
                expect((await target.put('messages', { ...doc, updatedAt: Date.now() })).ok).toBe(true);
              }
            }
            return docs;
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]): unknown => {
          const result: unknown = Reflect.apply(value, target, args);
          return result;
        };
      },
    });
    const erased = await eraseCandidate(racing, candidateId, admin.user.id, Date.now(), { mailDirectory: null });
    expect(hasRaced).toBe(true);
    expect(erased).toMatchObject({ ok: true, value: { candidateMessages: 1 } });
    const stored = await one.store.db('messages').get(message.id, { conflicts: true });
    expect(stored['_conflicts']).toBeUndefined();
    expect(JSON.stringify(stored)).not.toContain('Racer');
    expect(contentOf('messages', (await one.store.get('messages', message.id))!)).toMatchObject({
      body: 'Erased',
      status: 'cancelled',
    });
  });
});
