import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentScope } from 'nano';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationId, type Application } from '#shared/domain/application/application-schema';
import { acknowledgementId, type Message } from '#shared/domain/message/message-schema';
import { messageEntryId } from './message-capture';
import { mentionEntryId, mentionMessage } from './comment-capture';
import { contentOf, toStored } from '../../infra/stored-document';
import type { StoredDoc } from '../../infra/couch-store';
import {
  buildTestApp,
  seed,
  signUp,
  startTestStore,
  testCandidate,
  testJob,
  type TestAccount,
  type TestStore,
} from '../../test/support/accounts';
import { fileTransport, smtpTransport, type MailTransport } from './mail-transport';
import { NotificationWorker } from './notification-worker';
import { notificationsPlugin } from './plugin';
import { ensureOutboxDatabase, getOutboxDoc, putOutboxDoc } from '../../services/outbox-database';
import { eraseNotificationsFor } from '../../services/outbox-erasure';
import { newEntry, type OutboxEntry } from '../../services/outbox-entry';
import {
  FAST_TIMING,
  mailsTo,
  testSettings,
  waitFor,
  queuedAcknowledgement,
} from '../../test/support/notification-fixture';
import { headerOf, startSmtpSink, type SmtpSink } from '../../test/support/smtp-sink';

let store: TestStore;
let smtp: SmtpSink;
let app: FastifyInstance;
let outbox: DocumentScope<StoredDoc>;
let recruiter: TestAccount;
let mailDirectory: string;
const job = testJob({ title: 'Site Reliability Engineer' });
const workers: NotificationWorker[] = [];

beforeAll(async () => {
  [store, smtp] = await Promise.all([startTestStore(), startSmtpSink()]);
  mailDirectory = mkdtempSync(path.join(os.tmpdir(), 'shortlist-mail-'));
  // The plugin without its in-process worker: these tests drive workers themselves.
  app = await buildTestApp(store, async (built) => {
    await built.register(notificationsPlugin, {
      prefix: '/api/admin/notifications',
      settings: testSettings({ runWorker: false, smtpUrl: smtp.url }),
    });
  });
  outbox = await ensureOutboxDatabase(app.store);
  recruiter = await signUp(app, 'recruiter');
  await seed(app, 'jobs', job);
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await app.close();
  await Promise.all([store.stop(), smtp.close()]);
  rmSync(mailDirectory, { recursive: true, force: true });
});

async function worker(transport: MailTransport, leaseMs = 300): Promise<NotificationWorker> {
  const created = await NotificationWorker.create(app.store, {
    settings: testSettings({ smtpUrl: smtp.url }),
    timing: { ...FAST_TIMING, leaseMs },
    transport,
  });
  await created.prepare();
  workers.push(created);
  return created;
}

/**
 * An application just received, for a new candidate with this email, with its acknowledgement queued
 * (as the server writes it for a portal application).
 */
async function applicationFor(email: string): Promise<string> {
  const person = testCandidate({ email });
  await seed(app, 'candidates', person);
  const now = new Date().toISOString();
  const id = applicationId(job.id, person.id);
  await seed(app, 'applications', {
    id,
    updatedAt: Date.now(),
    jobId: job.id,
    candidateId: person.id,
    stage: 'applied',
    stageHistory: [{ from: null, to: 'applied', by: recruiter.user.id, at: now, recordedAt: now }],
    createdBy: recruiter.user.id,
    createdAt: now,
  } satisfies Application);
  await seed(app, 'messages', queuedAcknowledgement(id, person.id, job.title));
  return id;
}

/** The outbox id of the acknowledgement of application `id`. */
const acknowledgementEntry = (id: string): string => messageEntryId(acknowledgementId(id));

/** A transport that counts sends around another one. */
function counting(inner: MailTransport): MailTransport & { sends: string[] } {
  const sends: string[] = [];
  return {
    kind: inner.kind,
    sends,
    send: async (entry) => {
      sends.push(entry._id);
      return inner.send(entry);
    },
    wasDelivered: (entry) => inner.wasDelivered(entry),
    close: () => inner.close(),
  };
}

const entryOf = async (id: string): Promise<OutboxEntry | null> => getOutboxDoc<OutboxEntry>(outbox, id);

/** `entry` as a worker that died mid-send left it at `at`: claimed (`sending`), its lease run out. */
const claimedByDeadWorker = (entry: OutboxEntry, at: number): OutboxEntry => ({
  ...entry,
  status: 'sending',
  attempts: 1,
  claimedBy: 'worker-dead',
  claimedAt: at,
  nextAttemptAt: at,
});

describe('a worker crash mid-send', () => {
  it('SMTP: a message sent by a worker that died before marking it is never sent again', async () => {
    let resume: () => void = () => undefined;
    const hung = new Promise<void>((resolve) => {
      resume = resolve;
    });
    const real = smtpTransport(smtp.url, 'Acme <jobs@acme.example>');
    // Sends for real, then "crashes": never comes back to mark the entry sent.
    const crashing: MailTransport = {
      ...real,
      send: async (entry) => real.send(entry).then(async () => hung.then(() => ({}))),
    };
    const first = await worker(crashing);
    const second = await worker(counting(smtpTransport(smtp.url, 'Acme <jobs@acme.example>')));

    const id = await applicationFor('crash.smtp@example.org');
    const round = first.runOnce();
    await waitFor('the first send', () => mailsTo(smtp.received, 'crash.smtp@example.org').length === 1);
    const entryId = acknowledgementEntry(id);
    expect((await entryOf(entryId))?.status).toBe('sending');

    await new Promise((resolve) => setTimeout(resolve, 350)); // the dead worker's lease runs out
    await second.runOnce();
    await second.runOnce();
    const settled = await entryOf(entryId);
    expect(settled?.status).toBe('uncertain');
    expect(settled?.lastError).toContain('not resent automatically');

    resume(); // the "dead" worker wakes up: it must not overwrite the recovery
    await round;
    await second.runOnce();
    expect((await entryOf(entryId))?.status).toBe('uncertain');
    expect(mailsTo(smtp.received, 'crash.smtp@example.org')).toHaveLength(1);

    const admin = await signUp(app, 'admin');
    const requeued = await app.inject({
      method: 'POST',
      url: `/api/admin/notifications/${entryId}/requeue`,
      headers: admin.headers,
    });
    expect(requeued.statusCode).toBe(200);
    await second.runOnce();
    const resent = mailsTo(smtp.received, 'crash.smtp@example.org');
    expect(resent).toHaveLength(2);
    expect(headerOf(resent[1]!.raw, 'Message-ID')).toBe(headerOf(resent[0]!.raw, 'Message-ID'));
  });

  it('files: a claim that died before writing is sent once; one that died after is only marked sent', async () => {
    const files = counting(fileTransport(mailDirectory, 'Acme <jobs@acme.example>'));
    const recoverer = await worker(files);
    const past = Date.now() - 1_000;
    const claimed = (id: string): OutboxEntry =>
      claimedByDeadWorker(
        newEntry(
          id,
          {
            template: 'application_received',
            to: [`${id}@example.org`],
            subject: `Subject ${id}`,
            text: 'Hello',
          },
          { collection: 'applications', id },
          'jobs@acme.example',
          past,
        ),
        past,
      );
    const beforeWrite = claimed('died-before-write');
    const afterWrite = claimed('died-after-write');
    await files.send(afterWrite); // the dead worker had written this one
    files.sends.length = 0;
    await putOutboxDoc(outbox, beforeWrite);
    await putOutboxDoc(outbox, afterWrite);

    await recoverer.runOnce();
    await recoverer.runOnce();
    expect(files.sends).toEqual(['died-before-write']);
    expect((await entryOf('died-before-write'))?.status).toBe('sent');
    expect((await entryOf('died-after-write'))?.status).toBe('sent');
    const written = readdirSync(mailDirectory).filter((name) => name.startsWith('died-'));
    expect(written).toHaveLength(2);
  });

  it('files: a mention notice whose worker died after claiming it is asked again, and cancelled once taken back', async () => {
    const files = counting(fileTransport(mailDirectory, 'Acme <jobs@acme.example>'));
    const recoverer = await worker(files);
    const manager = await signUp(app, 'hiring_manager');
    const person = testCandidate({ firstName: 'Lin', lastName: 'Crashley' });
    await seed(app, 'candidates', person);
    const past = Date.now() - 1_000;
    const commentOn = (id: string, body: string) => ({
      id,
      updatedAt: past,
      candidateId: person.id,
      body,
      mentions: [manager.user.id],
      createdBy: recruiter.user.id,
      createdAt: new Date(past).toISOString(),
    });
    /** The notice as the dead worker left it. */
    const claimedNotice = (comment: ReturnType<typeof commentOn>): OutboxEntry =>
      claimedByDeadWorker(
        newEntry(
          mentionEntryId(comment.id, manager.user.id),
          mentionMessage(
            {
              to: manager.user.email,
              name: manager.user.name,
              authorName: recruiter.user.name,
              candidateName: 'Lin Crashley',
              body: comment.body,
            },
            { organisation: 'Acme', publicUrl: null, timeZone: 'Europe/Berlin' },
          ),
          { collection: 'comments', id: comment.id },
          'jobs@acme.example',
          past,
        ),
        past,
      );
    const taken = commentOn('comment-crash-taken-back', `@${manager.user.name} crash-word-1 call them`);
    const kept = commentOn('comment-crash-kept', `@${manager.user.name} crash-word-2 call them`);
    await seed(app, 'comments', taken);
    await seed(app, 'comments', kept);
    // While the worker lay dead, the author deleted the first comment.
    const stored = await app.store.get('comments', taken.id);
    const deleted = await app.store.put(
      'comments',
      toStored(
        'comments',
        { ...contentOf('comments', stored!), updatedAt: Date.now() },
        {
          previous: stored,
          deleted: true,
          write: { id: 'w-crash-1', at: Date.now(), userId: recruiter.user.id, action: 'delete' },
        },
      ),
    );
    expect(deleted.ok).toBe(true);
    await putOutboxDoc(outbox, claimedNotice(taken));
    await putOutboxDoc(outbox, claimedNotice(kept));

    await recoverer.runOnce();
    await recoverer.runOnce();
    const takenId = mentionEntryId(taken.id, manager.user.id);
    const keptId = mentionEntryId(kept.id, manager.user.id);
    expect(files.sends).toEqual([keptId]);
    expect(await entryOf(takenId)).toMatchObject({
      status: 'cancelled',
      lastError: 'The comment was deleted.',
    });
    expect(await entryOf(keptId)).toMatchObject({ status: 'sent' });
    const written = readdirSync(mailDirectory).filter((name) =>
      readFileSync(path.join(mailDirectory, name), 'utf8').includes('crash-word-'),
    );
    expect(written).toHaveLength(1);
  });
});

describe('idempotence', () => {
  it('two workers racing send each message once, and replaying the feed adds nothing', async () => {
    const files = counting(fileTransport(mailDirectory, 'Acme <jobs@acme.example>'));
    // Leases longer than any send, as in production: only a dead worker's claim runs out.
    const one = await worker(files, 60_000);
    const two = await worker(files, 60_000);
    const ids = await Promise.all([1, 2, 3, 4, 5].map((n) => applicationFor(`race${n}@example.org`)));
    await Promise.all([one.runOnce(), two.runOnce(), one.runOnce(), two.runOnce()]);
    const expected = ids.map(acknowledgementEntry).sort();
    expect(files.sends.filter((id) => expected.includes(id)).sort()).toEqual(expected);

    // Replay every feed from the start: the deterministic ids are already there.
    for (const collection of ['applications', 'interviews', 'messages']) {
      const checkpoint = await getOutboxDoc(outbox, `capture-checkpoint:${collection}`);
      if (checkpoint) await putOutboxDoc(outbox, { ...checkpoint, seq: '0' });
    }
    const sendsBefore = files.sends.length;
    await one.runOnce();
    expect(files.sends.length).toBe(sendsBefore);
  });
});

describe('erasure', () => {
  it('an erasure while a message is on its way: marking it sent keeps nothing of the person', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let isSending = false;
    const slow: MailTransport = {
      ...fileTransport(mailDirectory, 'Acme <jobs@acme.example>'),
      send: async () => {
        isSending = true;
        await held;
        return {};
      },
    };
    const sender = await worker(slow, 60_000);
    await putOutboxDoc(
      outbox,
      newEntry(
        'erase-mid-send',
        {
          template: 'application_received',
          to: ['mid.send@example.org'],
          subject: 'Hello Mid Send',
          text: 'Dear Mid Send',
        },
        { collection: 'applications', id: 'x' },
        'jobs@acme.example',
        Date.now(),
      ),
    );
    const round = sender.runOnce();
    await waitFor('the send to be under way', () => isSending);
    expect(await eraseNotificationsFor(app.store, 'mid.send@example.org')).toBe(1);
    release();
    await round;
    expect(await entryOf('erase-mid-send')).toMatchObject({
      status: 'sent',
      to: ['erased@erased.invalid'],
      subject: 'Erased',
      text: '',
    });
  });

  it('blanks and cancels the messages of an erased recipient', async () => {
    const now = Date.now();
    const pending = newEntry(
      'erase-me',
      {
        template: 'application_received',
        to: ['Erase.Me@example.org'],
        subject: 'Hello Erase',
        text: 'Dear Erase',
      },
      { collection: 'applications', id: 'x' },
      'jobs@acme.example',
      now + 3_600_000,
    );
    await putOutboxDoc(outbox, pending);
    expect(await eraseNotificationsFor(app.store, 'erase.me@example.org')).toBe(1);
    expect(await entryOf('erase-me')).toMatchObject({
      to: ['erased@erased.invalid'],
      subject: 'Erased',
      text: '',
      status: 'cancelled',
    });
  });
});

describe('without SMTP', () => {
  it('writes .eml files in the data directory and lists them for admins', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'shortlist-eml-'));
    const fileApp = await buildTestApp(store, async (built) => {
      await built.register(notificationsPlugin, {
        prefix: '/api/admin/notifications',
        settings: testSettings({ mailDirectory: directory }),
        timing: FAST_TIMING,
      });
    });
    try {
      const admin = await signUp(fileApp, 'admin');
      const staff = await signUp(fileApp, 'recruiter');
      await seed(fileApp, 'jobs', job);
      const person = testCandidate({ email: 'eml.reader@example.org' });
      await seed(fileApp, 'candidates', person);
      const now = new Date().toISOString();
      await seed(fileApp, 'applications', {
        id: applicationId(job.id, person.id),
        updatedAt: Date.now(),
        jobId: job.id,
        candidateId: person.id,
        stage: 'applied',
        stageHistory: [{ from: null, to: 'applied', by: staff.user.id, at: now, recordedAt: now }],
        createdBy: staff.user.id,
        createdAt: now,
      } satisfies Application);
      await seed(fileApp, 'messages', {
        id: 'msg-eml',
        updatedAt: Date.now(),
        candidateId: person.id,
        applicationId: applicationId(job.id, person.id),
        kind: 'acknowledgement',
        subject: 'We received your application for Site Reliability Engineer',
        body: 'Dear Ada,\n\nThank you.',
        status: 'queued',
        createdBy: 'system',
        createdAt: now,
      } satisfies Message);
      const [file] = await waitFor(
        'the .eml file',
        () =>
          readdirSync(directory).filter((name) => name.endsWith('.eml')).length > 0 &&
          readdirSync(directory).filter((name) => name.endsWith('.eml')),
      );
      const raw = readFileSync(path.join(directory, file!), 'utf8');
      expect(headerOf(raw, 'To')).toBe('eml.reader@example.org');
      expect(headerOf(raw, 'Subject')).toBe('We received your application for Site Reliability Engineer');

      const listing = await waitFor('the listing', async () => {
        const response = await fileApp.inject({
          method: 'GET',
          url: '/api/admin/notifications',
          headers: admin.headers,
        });
        const body = response.json<{
          delivery: string;
          mailDirectory: string;
          entries: { status: string; file?: string; to: string[] }[];
        }>();
        return body.entries.some((entry) => entry.status === 'sent') && body;
      });
      expect(listing).toMatchObject({ delivery: 'file', mailDirectory: directory });
      expect(listing.entries[0]).toMatchObject({
        status: 'sent',
        to: ['eml.reader@example.org'],
        file: path.join(directory, file!),
      });
    } finally {
      await fileApp.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
