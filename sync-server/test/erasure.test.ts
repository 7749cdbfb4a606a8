import { createTestUser } from './support/accounts';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isTombstone } from '../infra/stored-document';
import { samplePdf } from './support/sample-files';
import { testSettings, waitFor } from './support/notification-fixture';
import { DELIVERY_RECORD_INTERVAL_MS } from '../services/deliveries';
import { advanced, applicationDoc, candidateDoc, interviewDoc } from './support/fixtures';
import { create, edit, pullAll, type Doc } from './support/sync-client';
import {
  bearer,
  buildDemoApp,
  login,
  startTestStore,
  type Session,
  type TestStore,
} from './support/test-server';

let testStore: TestStore;
let app: FastifyInstance;
let mailDirectory: string;
let admin: Session;
let recruiter: Session;
let interviewer: Session;

const PERSON = { firstName: 'Grace', lastName: 'Hopperlind', email: 'grace.hopperlind@example.org' };
/** What must appear nowhere after erasure (lower case). */
const TRACES = ['hopperlind', 'grace.hopperlind'];

beforeAll(async () => {
  testStore = await startTestStore();
  mailDirectory = mkdtempSync(path.join(os.tmpdir(), 'shortlist-erasure-mail-'));
  ({ app } = await buildDemoApp(testStore, {
    notifications: { ...testSettings({ mailDirectory }), runWorker: true },
  }));
  admin = await login(app, 'admin@example.com');
  recruiter = await login(app, 'recruiter1@example.com');
  interviewer = await login(app, 'interviewer1@example.com');
});

afterAll(async () => {
  await app.close();
  await testStore.stop();
  rmSync(mailDirectory, { recursive: true, force: true });
});

/** Every document of every database of this app, deleted ones included, as text (lower case). */
async function everythingStored(): Promise<string> {
  const names = (await app.store.server.db.list()).filter((name) => name.startsWith(app.store.prefix));
  const texts: string[] = [];
  for (const name of names) {
    const changes: unknown = await app.store.server.request({
      db: name,
      path: '_changes',
      qs: { include_docs: 'true', style: 'all_docs', attachments: 'true' },
    });
    texts.push(`${name} ${JSON.stringify(changes)}`);
  }
  return texts.join('\n').toLowerCase();
}

function mailFilesText(): string {
  return readdirSync(mailDirectory)
    .map((name) => readFileSync(path.join(mailDirectory, name), 'utf8'))
    .join('\n')
    .toLowerCase();
}

async function outboxCount(): Promise<number> {
  const list = await app.inject({
    method: 'GET',
    url: '/api/admin/notifications?limit=500',
    headers: bearer(admin),
  });
  return list.json<{ entries: unknown[] }>().entries.length;
}

/** A candidate in a pipeline, with a résumé, notes, an offer, an interview with a scorecard, a comment and messages sent. */
async function personInPipeline(): Promise<{ candidate: Doc; application: Doc; interview: Doc }> {
  const candidate = candidateDoc({
    ...PERSON,
    notes: 'Grace Hopperlind met us at the fair.',
    phone: '+49 30 999',
  });
  expect((await create(app, recruiter, 'candidates', candidate)).rejections).toEqual([]);
  const job = (await pullAll(app, recruiter, 'jobs')).documents.find((doc) => doc['status'] === 'open');
  if (!job) throw new Error('no open demo job');
  const application = applicationDoc(job.id, candidate.id);
  expect((await create(app, recruiter, 'applications', application)).rejections).toEqual([]);
  for (const to of ['screening', 'interview']) {
    const moved = await edit(app, recruiter, 'applications', application.id, (doc) =>
      advanced(doc, to, {
        stageHistory: [
          ...(doc['stageHistory'] as unknown[]),
          {
            from: doc['stage'],
            to,
            by: 'x',
            at: new Date().toISOString(),
            recordedAt: new Date().toISOString(),
            note: 'Grace Hopperlind was great',
          },
        ],
      }),
    );
    expect(moved.rejections).toEqual([]);
  }
  const interview = interviewDoc(application, [interviewer.user.id]);
  expect((await create(app, recruiter, 'interviews', interview)).rejections).toEqual([]);
  const comment = {
    id: `comment-${candidate.id}`,
    updatedAt: Date.now(),
    candidateId: candidate.id,
    body: '@Priya Raman Grace Hopperlind could start in May.',
    mentions: ['user-hr-manager'],
    createdBy: recruiter.user.id,
    createdAt: new Date().toISOString(),
  };
  expect((await create(app, recruiter, 'comments', comment)).rejections).toEqual([]);
  const upload = await app.inject({
    method: 'PUT',
    url: `/api/files/candidates/${candidate.id}/resume?fileName=grace-hopperlind.pdf`,
    headers: bearer(recruiter),
    payload: samplePdf('Grace Hopperlind, résumé'),
  });
  expect(upload.statusCode, upload.body).toBe(200);
  await createTestUser(
    app.store,
    { email: PERSON.email, name: 'Grace Hopperlind', role: 'candidate', password: 'candidate-password' },
    Date.now(),
  );
  // The messages (to the candidate, and the invite naming her to the interviewer) are written.
  await waitFor('mail files naming the candidate', () => mailFilesText().includes('hopperlind'));
  await waitFor('the mention notice naming the candidate', () =>
    mailFilesText().includes('could start in may'),
  );
  return { candidate, application, interview };
}

describe('GDPR erasure leaves nothing behind', () => {
  it('removes the person from every database, revision, message and mail file, and sends nothing', async () => {
    const { candidate } = await personInPipeline();
    const oldRev = (await app.store.get('candidates', candidate.id))?._rev;
    const { checkpoint } = await pullAll(app, recruiter, 'candidates');
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the worker settle what it sends
    const messagesBefore = await outboxCount();

    const response = await app.inject({
      method: 'POST',
      url: `/api/admin/candidates/${candidate.id}/erase`,
      headers: bearer(admin),
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<{
      messages: number;
      mailFiles: number;
      portalAccount: boolean;
      receipt: { devices: { userId: string; hasErasure: boolean }[] };
    }>();
    expect(report).toMatchObject({ portalAccount: true });
    expect(report.messages).toBeGreaterThan(0);
    expect(report.mailFiles).toBeGreaterThan(0);
    expect(report.receipt.devices.find((device) => device.userId === recruiter.user.id)).toMatchObject({
      hasErasure: false,
    });

    const stored = await everythingStored();
    for (const trace of TRACES) expect(stored, trace).not.toContain(trace);
    expect(mailFilesText()).not.toContain('hopperlind');
    const old = await app.inject({
      method: 'GET',
      url: `/api/files/candidates/${candidate.id}/resume`,
      headers: bearer(recruiter),
    });
    expect(old.statusCode).toBe(404);
    await expect(app.store.db('candidates').get(candidate.id, { rev: oldRev })).rejects.toThrow();
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: PERSON.email, password: 'candidate-password' },
    });
    expect(signIn.statusCode).toBe(401);

    // The recruiter's laptop pulls the erased version; the receipt then says so.
    const after = await pullAll(app, recruiter, 'candidates', checkpoint);
    expect(after.documents.find((doc) => doc.id === candidate.id)).toMatchObject({ firstName: 'Erased' });
    await waitFor(
      'the receipt to show the recruiter’s laptop has the erasure',
      async () => {
        const receipt = await app.inject({
          method: 'GET',
          url: `/api/admin/candidates/${candidate.id}/erasure`,
          headers: bearer(admin),
        });
        const devices = receipt.json<{ devices: { userId: string; hasErasure: boolean }[] }>().devices;
        return devices.find((device) => device.userId === recruiter.user.id)?.hasErasure;
      },
      DELIVERY_RECORD_INTERVAL_MS + 3_000,
    );

    // Erasure is news to nobody: after the worker's next rounds, the outbox holds no new message.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await outboxCount()).toBe(messagesBefore);
  });

  it('erases a comment edited at the very moment of the erasure: the edit does not survive it', async () => {
    const candidate = candidateDoc({ firstName: 'Ada', lastName: 'Racewood', email: 'ada.racewood@example.org' });
    expect((await create(app, recruiter, 'candidates', candidate)).rejections).toEqual([]);
    const comment = {
      id: `comment-${candidate.id}`,
      updatedAt: Date.now(),
      candidateId: candidate.id,
      body: 'Ada Racewood asked for a later start.',
      mentions: [],
      createdBy: recruiter.user.id,
      createdAt: new Date().toISOString(),
    };
    expect((await create(app, recruiter, 'comments', comment)).rejections).toEqual([]);
    // The author's edit lands between the erasure's read of the comment and its write.
    const { store } = app;
    const put = store.put.bind(store);
    let isEdited = false;
    const spy = vi.spyOn(store, 'put').mockImplementation(async (key, doc) => {
      if (key === 'comments' && doc._id === comment.id && !isEdited) {
        isEdited = true;
        const current = await store.get('comments', comment.id);
        if (!current) throw new Error('the comment is not stored');
        const edited = { ...current, body: 'Ada Racewood asked for a later start, in June.' };
        expect((await put('comments', edited)).ok).toBe(true);
      }
      return put(key, doc);
    });
    try {
      const response = await app.inject({
        method: 'POST',
        url: `/api/admin/candidates/${candidate.id}/erase`,
        headers: bearer(admin),
      });
      expect(response.statusCode, response.body).toBe(200);
    } finally {
      spy.mockRestore();
    }
    expect(isEdited).toBe(true);
    const stored = await app.store.get('comments', comment.id);
    expect(stored && isTombstone(stored)).toBe(true);
    expect(await everythingStored()).not.toContain('racewood');
  });

  it('erases a candidate that was deleted earlier, whose tombstone keeps nothing either', async () => {
    const candidate = candidateDoc({
      firstName: 'Deleted',
      lastName: 'Hopperlind',
      email: 'deleted.hopperlind@example.org',
    });
    await create(app, recruiter, 'candidates', candidate);
    const deleted = await edit(app, admin, 'candidates', candidate.id, (doc) => ({ ...doc, _deleted: true }));
    expect(deleted.rejections).toEqual([]);
    const response = await app.inject({
      method: 'POST',
      url: `/api/admin/candidates/${candidate.id}/erase`,
      headers: bearer(admin),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await everythingStored()).not.toContain('hopperlind');
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/admin/candidates/nobody-here/erase',
          headers: bearer(admin),
        })
      ).statusCode,
    ).toBe(404);
  });
});
