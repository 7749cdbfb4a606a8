import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../demo/load-demo';
import { smtpTransport } from '../modules/notifications/mail-transport';
import { addNewEntries, ensureOutboxDatabase, getOutboxDoc } from '../services/outbox-database';
import { newEntry, type OutboxEntry } from '../services/outbox-entry';
import { OutboxSender } from '../modules/notifications/outbox-sender';
import { testSettings } from './support/notification-fixture';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { CouchHttp, isRecord } from '../infra/couch-http';
import { CouchStore } from '../infra/couch-store';
import { advanced, applicationDoc, candidateDoc, jobDoc } from './support/fixtures';
import { startClusterProxy, type ClusterProxy } from './support/cluster-proxy';
import { create, push, serverDoc } from './support/sync-client';
import {
  buildTestApp,
  freshPrefix,
  isExternalStore,
  login,
  NEEDS_EMBEDDED_STORE,
  startTestStore,
  type Session,
  type TestStore,
} from './support/test-server';

/**
 * Two server instances (two `buildApp`s on one store and prefix) behind a proxy that behaves like a
 * CouchDB cluster under stress: writes answered 202, and a write the store refuses as stale written
 * as a sibling leaf instead (a second node that had not seen the other write), so both instances
 * "win" at first. Each race must still end with exactly one winner and no hidden conflict.
 */
let testStore: TestStore;
let proxy: ClusterProxy;
let smtp: SmtpSink;
let direct: CouchHttp;

beforeAll(async () => {
  [testStore, smtp] = await Promise.all([startTestStore(), startSmtpSink()]);
  proxy = await startClusterProxy(testStore.store.url);
  direct = new CouchHttp(testStore.store.url);
});

afterAll(async () => {
  await proxy.close();
  await Promise.all([testStore.stop(), smtp.close()]);
});

function cluster(rank: 'high' | 'low'): void {
  proxy.answerAccepted(true);
  proxy.makeSiblings(rank);
}

function healthy(): void {
  proxy.answerAccepted(false);
  proxy.makeSiblings(null);
}

async function conflictsOf(db: string, id: string): Promise<unknown> {
  const answer = await direct.request({
    method: 'GET',
    path: `${encodeURIComponent(db)}/${encodeURIComponent(id)}`,
    qs: { conflicts: 'true' },
  });
  return isRecord(answer.body) ? answer.body['_conflicts'] : `status ${answer.status}`;
}

describe.skipIf(isExternalStore)(
  `two instances on a cluster (${NEEDS_EMBEDDED_STORE}: the proxy fronts it)`,
  () => {
    let prefix: string;
    let first: FastifyInstance;
    let second: FastifyInstance;
    let recruiter: Session;
    let manager: Session;

    beforeAll(async () => {
      prefix = freshPrefix();
      first = await buildTestApp(testStore, { couchUrl: proxy.url, dbPrefix: prefix });
      second = await buildTestApp(testStore, { couchUrl: proxy.url, dbPrefix: prefix });
      await loadDemoIfEmpty(first.store, Date.now());
      recruiter = await login(first, 'recruiter1@example.com');
      manager = await login(first, 'hr.manager@example.com');
    });

    afterAll(async () => {
      healthy();
      await Promise.all([first.close(), second.close()]);
    });

    it('accepts exactly one of two racing stage moves, answers the other as a conflict, and leaves no leaf', async () => {
      for (const rank of ['high', 'low', 'high', 'low'] as const) {
        healthy();
        const job = jobDoc();
        await create(first, manager, 'jobs', job);
        const candidate = candidateDoc();
        await create(first, recruiter, 'candidates', candidate);
        const application = applicationDoc(job.id, candidate.id);
        await create(first, recruiter, 'applications', application);
        const assumed = await serverDoc(first, recruiter, 'applications', application.id);
        if (!assumed) throw new Error('missing application');

        cluster(rank);
        // Both instances read the application before either writes.
        void proxy.gather({ method: 'POST', path: new RegExp(`^/${prefix}applications/_bulk_get`) }, 2);
        const [viaFirst, viaSecond] = await Promise.all([
          push(first, recruiter, 'applications', [
            { assumedMasterState: assumed, newDocumentState: advanced(assumed, 'screening') },
          ]),
          push(second, recruiter, 'applications', [
            {
              assumedMasterState: assumed,
              newDocumentState: advanced(assumed, 'rejected', {
                rejection: { atStage: 'applied', reason: 'stronger-candidate' },
              }),
            },
          ]),
        ]);
        healthy();
        const accepted = [viaFirst, viaSecond].filter((result) => result.conflicts.length === 0);
        expect(accepted, `siblings ${rank}`).toHaveLength(1);
        expect([...viaFirst.rejections, ...viaSecond.rejections]).toEqual([]);
        const final = await serverDoc(first, recruiter, 'applications', application.id);
        const loser = viaFirst.conflicts.length > 0 ? viaFirst : viaSecond;
        // The loser is answered with the winner's version, so its laptop converges on it.
        expect(loser.conflicts[0]).toEqual(final);
        expect(final?.['stage']).toBe(viaFirst.conflicts.length === 0 ? 'screening' : 'rejected');
        expect((final?.['stageHistory'] as unknown[]).length).toBe(2);
        expect(await conflictsOf(`${prefix}applications`, application.id)).toBeUndefined();
      }
    });

    it('sends an outbox entry claimed by both instances’ workers exactly once', async () => {
      healthy();
      const outboxes = [
        await ensureOutboxDatabase(new CouchStore(proxy.url, prefix)),
        await ensureOutboxDatabase(new CouchStore(proxy.url, prefix)),
      ] as const;
      const settings = testSettings({ smtpUrl: smtp.url });
      for (const rank of ['high', 'low'] as const) {
        const id = `message-race-${rank}-${Date.now()}`;
        const to = `race-${rank}-${Date.now()}@example.org`;
        const entry = newEntry(
          id,
          { template: 'application_received', to: [to], subject: 'Thank you', text: 'We got it.' },
          { collection: 'applications', id: 'app-1' },
          settings.mailFrom,
          Date.now(),
        );
        expect(await addNewEntries(outboxes[0], [entry])).toBe(1);
        const senders = outboxes.map(
          (outbox, index) =>
            new OutboxSender(
              outbox,
              smtpTransport(smtp.url, settings.mailFrom),
              {
                workerId: `worker-${index}`,
                leaseMs: 60_000,
                baseDelayMs: 100,
                maxDelayMs: 1_000,
                maxAttempts: 3,
                batchSize: 10,
              },
              Date.now,
            ),
        );
        cluster(rank);
        // Both workers see the entry pending before either claims it.
        void proxy.gather({ method: 'POST', path: /outbox\/_find/, body: /"pending"/ }, 2);
        const rounds = await Promise.all(senders.map((sender) => sender.runOnce()));
        healthy();
        expect(rounds.map((round) => round.sent).sort()).toEqual([0, 1]);
        expect(smtp.received.filter((mail) => mail.recipients.includes(to))).toHaveLength(1);
        const stored = await getOutboxDoc<OutboxEntry>(outboxes[0], id);
        expect(stored).toMatchObject({ status: 'sent', attempts: 1 });
        expect(await conflictsOf(`${prefix}outbox`, id)).toBeUndefined();
      }
    });

    it('rotates a refresh token used through both instances at once for one of them only', async () => {
      healthy();
      const session = await login(first, 'recruiter2@example.com');
      cluster('high');
      void proxy.gather({ method: 'GET', path: new RegExp(`^/${prefix}sessions/[^_]`) }, 2);
      const answers = await Promise.all(
        [first, second].map((app) =>
          app.inject({
            method: 'POST',
            url: '/api/auth/refresh',
            payload: { refreshToken: session.refreshToken },
          }),
        ),
      );
      healthy();
      const statuses = answers.map((answer) => answer.statusCode).sort();
      expect(statuses).toEqual([200, 401]);
      const loser = answers.find((answer) => answer.statusCode === 401);
      expect(loser?.json<{ error: { code: string } }>().error.code).toBe('refresh_token_superseded');
      const winner = answers.find((answer) => answer.statusCode === 200)?.json<{ refreshToken: string }>();
      // The winner's new token is the session's: it works, and the session was not ended.
      const again = await second.inject({
        method: 'POST',
        url: '/api/auth/refresh',
        payload: { refreshToken: winner?.refreshToken },
      });
      expect(again.statusCode).toBe(200);
    });

    it('answers a spent token presented again through the other instance with a fresh pair', async () => {
      healthy();
      const session = await login(first, 'recruiter2@example.com');
      const refresh = (app: FastifyInstance, refreshToken: string) =>
        app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
      const lost = await refresh(first, session.refreshToken);
      expect(lost.statusCode).toBe(200);
      const replay = await refresh(second, session.refreshToken);
      expect(replay.statusCode).toBe(200);
      const next = await refresh(first, replay.json<{ refreshToken: string }>().refreshToken);
      expect(next.statusCode).toBe(200);
      // The successor the replay spent is reuse on either instance.
      const stale = await refresh(second, lost.json<{ refreshToken: string }>().refreshToken);
      expect(stale.json<{ error: { code: string } }>().error.code).toBe('refresh_token_reused');
      expect((await refresh(first, next.json<{ refreshToken: string }>().refreshToken)).statusCode).toBe(401);
    });

    it('replays a spent token presented through both instances at once for one of them only', async () => {
      const refresh = (app: FastifyInstance, refreshToken: string) =>
        app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
      for (const rank of ['high', 'low'] as const) {
        healthy();
        const session = await login(first, 'recruiter2@example.com');
        const lost = await refresh(first, session.refreshToken);
        expect(lost.statusCode).toBe(200);
        cluster(rank);
        void proxy.gather({ method: 'GET', path: new RegExp(`^/${prefix}sessions/[^_]`) }, 2);
        const answers = await Promise.all([first, second].map((app) => refresh(app, session.refreshToken)));
        healthy();
        expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 401]);
        const loser = answers.find((answer) => answer.statusCode === 401);
        expect(loser?.json<{ error: { code: string } }>().error.code).toBe('refresh_token_superseded');
        const sid = session.refreshToken.split('.')[0] ?? '';
        expect(await conflictsOf(`${prefix}sessions`, sid)).toBeUndefined();
        const winner = answers.find((answer) => answer.statusCode === 200)?.json<{ refreshToken: string }>();
        const next = await refresh(second, winner?.refreshToken ?? '');
        expect(next.statusCode).toBe(200);
        // The successor the winning replay spent is reuse: the session ends.
        const stale = await refresh(first, lost.json<{ refreshToken: string }>().refreshToken);
        expect(stale.json<{ error: { code: string } }>().error.code).toBe('refresh_token_reused');
        expect((await refresh(second, next.json<{ refreshToken: string }>().refreshToken)).statusCode).toBe(
          401,
        );
      }
    });
  },
);

describe.skipIf(isExternalStore)(`start-up (${NEEDS_EMBEDDED_STORE}: the proxy fronts it)`, () => {
  it('starts four instances at once on an empty store, whoever makes each database and index', async () => {
    const prefix = freshPrefix();
    proxy.raceIndexes(true);
    try {
      const apps = await Promise.all(
        Array.from({ length: 4 }, () =>
          buildTestApp(testStore, {
            couchUrl: proxy.url,
            dbPrefix: prefix,
            notifications: testSettings({ runWorker: false }),
          }),
        ),
      );
      try {
        for (const app of apps) {
          expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
        }
        const indexes = await direct.request({ method: 'GET', path: `${prefix}outbox/_index` });
        expect(JSON.stringify(indexes.body)).toContain('by-status-due');
        const users = await direct.request({ method: 'GET', path: `${prefix}users/_index` });
        expect(JSON.stringify(users.body)).toContain('by-email');
        const design = await direct.request({ method: 'GET', path: `${prefix}interviews/_design/scope` });
        expect(design.status).toBe(200);
        // A proof the race happened: the proxy refused some creations as CouchDB does.
        expect(
          proxy.requests.filter((request) => request.path === `/${prefix}users/_index`).length,
        ).toBeGreaterThan(1);
      } finally {
        await Promise.all(apps.map((app) => app.close()));
      }
    } finally {
      proxy.raceIndexes(false);
    }
  });
});
