import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../app';
import { loadDemoIfEmpty } from '../demo/load-demo';
import { DEMO_USER_IDS } from '../demo/demo-users';
import { applicationDoc, candidateDoc } from './support/fixtures';
import { create } from './support/sync-client';
import { codeOf, listAll, v1 } from './support/v1-client';
import {
  DELIVERY_LOG_DAYS,
  ensureWebhookDatabases,
  purgeOldDeliveries,
  recentDeliveries,
} from '../services/webhook-store';
import {
  eventually,
  startWebhookReceiver,
  verifySignature,
  type WebhookReceiver,
} from './support/webhook-receiver';
import {
  bearer,
  buildTestApp,
  freshPrefix,
  login,
  startTestStore,
  type Session,
  type TestStore,
} from './support/test-server';

let testStore: TestStore;
let receiver: WebhookReceiver;
const apps: FastifyInstance[] = [];

const FAST = {
  pollMs: 50,
  leaseMs: 5_000,
  timeoutMs: 2_000,
  baseDelayMs: 100,
  maxDelayMs: 400,
  maxAttempts: 6,
  disableAfter: 100,
  batchSize: 25,
};

beforeAll(async () => {
  [testStore, receiver] = await Promise.all([startTestStore(), startWebhookReceiver()]);
});

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
  receiver.received.length = 0;
  receiver.answerWith(200);
});

afterAll(async () => {
  await Promise.all([testStore.stop(), receiver.close()]);
});

/** An app on `prefix` (a fresh one by default) with the demo organisation, delivering fast. */
async function start(
  prefix = freshPrefix(),
  webhooks: AppConfig['webhooks'] = {},
): Promise<{ app: FastifyInstance; prefix: string; admin: Session; recruiter: Session }> {
  const app = await buildTestApp(testStore, {
    dbPrefix: prefix,
    webhooks: { allowPrivateTargets: true, timing: FAST, ...webhooks },
  });
  apps.push(app);
  await loadDemoIfEmpty(app.store, Date.now());
  const [admin, recruiter] = await Promise.all([
    login(app, 'admin@example.com'),
    login(app, 'recruiter1@example.com'),
  ]);
  return { app, prefix, admin, recruiter };
}

interface Created {
  id: string;
  secret: string;
}

async function subscribe(
  app: FastifyInstance,
  admin: Session,
  events: string[],
  url = receiver.url,
): Promise<Created> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/admin/webhooks',
    headers: bearer(admin),
    payload: { url, events },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Created>();
}

interface Delivered {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

const bodies = () => receiver.received.map((hook) => JSON.parse(hook.body) as Delivered);

async function openApplication(app: FastifyInstance, recruiter: Session): Promise<string> {
  const job = (await v1(app, recruiter, 'GET', '/jobs?status=open')).json<{ data: { id: string }[] }>()
    .data[0]!;
  const candidate = await v1(app, recruiter, 'POST', '/candidates', {
    firstName: 'Hook',
    lastName: 'Person',
    email: `hook-${Math.random().toString(36).slice(2)}@example.org`,
    source: 'other',
  });
  const created = await v1(app, recruiter, 'POST', '/applications', {
    jobId: job.id,
    candidateId: candidate.json<{ id: string }>().id,
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: string }>().id;
}

describe('webhook subscriptions', () => {
  it('refuse targets on loopback, private and link-local networks unless allowed', async () => {
    const { app, admin } = await start(freshPrefix(), { allowPrivateTargets: false });
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://localhost:9/x',
      'http://[::1]:9/x',
      'http://169.254.169.254/latest/meta-data',
      'http://10.1.2.3/x',
      'http://172.16.0.1/x',
      'http://192.168.1.1/x',
      'http://100.64.0.1/x',
      'http://[fd00::1]/x',
      'http://[fe80::1]/x',
      'http://[::ffff:127.0.0.1]/x',
      'http://0.0.0.0/x',
      'http://2130706433/x',
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/admin/webhooks',
        headers: bearer(admin),
        payload: { url, events: ['application.hired'] },
      });
      expect([response.statusCode, codeOf(response)], url).toEqual([422, 'private_target']);
    }
    for (const payload of [
      { url: 'ftp://example.org/x', events: ['application.hired'] },
      { url: 'not a url', events: ['application.hired'] },
      { url: 'https://user:pw@example.org/x', events: ['application.hired'] },
      { url: 'https://example.org/x', events: [] },
      { url: 'https://example.org/x', events: ['job.deleted'] },
      { url: 'https://example.org/x', events: ['application.hired', 'application.hired'] },
      { url: 5, events: ['application.hired'] },
      { url: 'https://example.org/x' },
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/admin/webhooks',
        headers: bearer(admin),
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const recruiter = await login(app, 'recruiter1@example.com');
    expect(
      (await app.inject({ method: 'GET', url: '/api/admin/webhooks', headers: bearer(recruiter) }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/admin/webhooks/wh_000000000000000000000000/deliveries',
          headers: bearer(admin),
        })
      ).statusCode,
    ).toBe(404);
  });

  it('refuse at delivery a name that resolves inside the network since (DNS rebinding)', async () => {
    let lookups = 0;
    const port = new URL(receiver.url).port;
    const { app, admin, recruiter } = await start(freshPrefix(), {
      allowPrivateTargets: false,
      // The first answer (at creation) is public; every later one points at the loopback receiver.
      resolve: () =>
        Promise.resolve([{ address: lookups++ === 0 ? '93.184.216.34' : '127.0.0.1', family: 4 }]),
    });
    const hook = await subscribe(
      app,
      admin,
      ['application.created'],
      `http://hooks.example.test:${port}/hooks`,
    );
    await openApplication(app, recruiter);
    const deliveries = await eventually(async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/admin/webhooks/${hook.id}/deliveries`,
        headers: bearer(admin),
      });
      const list = response.json<{ attempts: number; lastError: string | null }[]>();
      return list[0] && list[0].attempts >= 2 ? list : null;
    });
    expect(deliveries[0]?.lastError).toMatch(/private/);
    expect(receiver.received).toEqual([]);
  });
});

describe('webhook deliveries', () => {
  it('are signed, say which event, carry only ids, stages and times, for the API’s and replication’s writes', async () => {
    const { app, admin, recruiter } = await start();
    const hook = await subscribe(app, admin, [
      'application.created',
      'application.stage_changed',
      'application.hired',
      'interview.scheduled',
      'scorecard.submitted',
    ]);
    const listed = await app.inject({ method: 'GET', url: '/api/admin/webhooks', headers: bearer(admin) });
    expect(listed.body).not.toContain(hook.secret);
    // By the API:
    const applicationId = await openApplication(app, recruiter);
    await v1(app, recruiter, 'PATCH', `/applications/${applicationId}/stage`, { stage: 'screening' });
    // By replication (a laptop's push):
    const job = (await v1(app, recruiter, 'GET', '/jobs?status=open')).json<{ data: { id: string }[] }>()
      .data[0]!;
    const candidate = candidateDoc();
    await create(app, recruiter, 'candidates', candidate);
    await create(app, recruiter, 'applications', applicationDoc(job.id, candidate.id));
    const pushedId = `${job.id}__${candidate.id}`;
    // An interview and a scorecard:
    const interview = await v1(app, recruiter, 'POST', '/interviews', {
      applicationId,
      type: 'phone',
      scheduledAt: new Date(Date.now() - 60_000).toISOString(),
      durationMinutes: 30,
      interviewerIds: [DEMO_USER_IDS.interviewer1],
    });
    const interviewer = await login(app, 'interviewer1@example.com');
    const interviewId = interview.json<{ id: string }>().id;
    await v1(app, interviewer, 'POST', `/interviews/${interviewId}/scorecards`, {
      rating: 4,
      recommendation: 'yes',
      notes: 'Confidential notes',
    });

    await eventually(() => bodies().length >= 5, 10_000, 'five deliveries');
    const types = bodies().map((body) => `${body.type}:${JSON.stringify(body.data['applicationId'])}`);
    expect(types.sort()).toEqual(
      [
        `application.created:${JSON.stringify(applicationId)}`,
        `application.stage_changed:${JSON.stringify(applicationId)}`,
        `application.created:${JSON.stringify(pushedId)}`,
        `interview.scheduled:${JSON.stringify(applicationId)}`,
        `scorecard.submitted:${JSON.stringify(applicationId)}`,
      ].sort(),
    );
    for (const hookRequest of receiver.received) {
      const body = JSON.parse(hookRequest.body) as Delivered;
      expect(Object.keys(body).sort()).toEqual(['createdAt', 'data', 'id', 'type']);
      expect(hookRequest.headers['shortlist-event']).toBe(body.type);
      expect(hookRequest.headers['shortlist-delivery']).toBe(body.id);
      expect(hookRequest.headers['content-type']).toBe('application/json');
      expect(
        verifySignature(hook.secret, hookRequest.headers['shortlist-signature'] as string, hookRequest.body),
      ).toBe(true);
      expect(
        verifySignature(
          'whsec_wrong',
          hookRequest.headers['shortlist-signature'] as string,
          hookRequest.body,
        ),
      ).toBe(false);
      // No personal data: no names, emails, notes.
      expect(hookRequest.body).not.toMatch(/Hook|Person|example\.org|Confidential/);
    }
    const moved = bodies().find((body) => body.type === 'application.stage_changed')!;
    expect(moved.data).toMatchObject({
      applicationId,
      from: 'applied',
      to: 'screening',
      by: DEMO_USER_IDS.recruiter1,
    });
    const log = await app.inject({
      method: 'GET',
      url: `/api/admin/webhooks/${hook.id}/deliveries`,
      headers: bearer(admin),
    });
    expect(
      log
        .json<{ status: string; lastStatus: number }[]>()
        .every((item) => item.status === 'delivered' && item.lastStatus === 200),
    ).toBe(true);
  });

  it('announce a hire and an erasure, the erasure with ids only', async () => {
    const { app, admin, recruiter } = await start();
    await subscribe(app, admin, ['application.hired', 'candidate.erased']);
    const manager = await login(app, 'hr.manager@example.com');
    const applicationId = await openApplication(app, recruiter);
    for (const stage of ['screening', 'interview', 'offer']) {
      expect(
        (await v1(app, recruiter, 'PATCH', `/applications/${applicationId}/stage`, { stage })).statusCode,
      ).toBe(200);
    }
    await v1(app, recruiter, 'PATCH', `/applications/${applicationId}`, {
      offer: { baseSalary: 1, currency: 'EUR', status: 'accepted' },
    });
    expect(
      (await v1(app, manager, 'PATCH', `/applications/${applicationId}/stage`, { stage: 'hired' }))
        .statusCode,
    ).toBe(200);
    // After the job's id and the first separator: a random candidate id may itself hold '__'.
    const candidateId = applicationId.slice(applicationId.indexOf('__') + 2);
    const erased = await app.inject({
      method: 'POST',
      url: `/api/admin/candidates/${candidateId}/erase`,
      headers: bearer(admin),
    });
    expect(erased.statusCode, erased.body).toBe(200);
    await eventually(() => bodies().length >= 2, 10_000, 'two deliveries');
    const hired = bodies().find((body) => body.type === 'application.hired');
    expect(hired?.data).toMatchObject({
      applicationId,
      from: 'offer',
      to: 'hired',
      by: DEMO_USER_IDS.hiringManager,
    });
    const erasure = bodies().find((body) => body.type === 'candidate.erased');
    expect(Object.keys(erasure?.data ?? {}).sort()).toEqual(['candidateId', 'erasedAt']);
    expect(erasure?.data['candidateId']).toBe(candidateId);
    // The stage moves before it were not subscribed to; the erasure's rewrites announce nothing else.
    expect(
      bodies()
        .map((body) => body.type)
        .sort(),
    ).toEqual(['application.hired', 'candidate.erased']);
  });

  it('are retried with backoff after a failed delivery, with the same event id', async () => {
    const { app, admin, recruiter } = await start();
    const hook = await subscribe(app, admin, ['application.created']);
    receiver.answerWith(500, 503, 200);
    await openApplication(app, recruiter);
    await eventually(
      () => receiver.received.some((item) => item.status === 200),
      10_000,
      'a successful attempt',
    );
    expect(receiver.received.map((item) => item.status)).toEqual([500, 503, 200]);
    expect(new Set(receiver.received.map((item) => item.headers['shortlist-delivery'])).size).toBe(1);
    const log = await app.inject({
      method: 'GET',
      url: `/api/admin/webhooks/${hook.id}/deliveries`,
      headers: bearer(admin),
    });
    expect(log.json()).toEqual([
      expect.objectContaining({ status: 'delivered', attempts: 3, lastStatus: 200 }),
    ]);
  });

  it('survive a restart: queued before, delivered after, and writes made while down are announced', async () => {
    const first = await start();
    await subscribe(first.app, first.admin, ['application.created', 'application.stage_changed']);
    receiver.answerWith(500);
    const applicationId = await openApplication(first.app, first.recruiter);
    await eventually(() => receiver.received.length >= 1, 10_000, 'a failed attempt');
    await first.app.close();
    apps.splice(apps.indexOf(first.app), 1);
    // While no worker runs, a write is made (an instance without the worker, e.g. a busy API node).
    const quiet = await buildTestApp(testStore, { dbPrefix: first.prefix, webhooks: { runWorker: false } });
    const recruiter = await login(quiet, 'recruiter1@example.com');
    expect(
      (await v1(quiet, recruiter, 'PATCH', `/applications/${applicationId}/stage`, { stage: 'screening' }))
        .statusCode,
    ).toBe(200);
    await quiet.close();
    receiver.answerWith(200);
    const before = receiver.received.length;
    await start(first.prefix);
    await eventually(
      () => {
        const delivered = receiver.received.slice(before).filter((item) => item.status === 200);
        return delivered.length >= 2 ? delivered : null;
      },
      10_000,
      'deliveries after the restart',
    );
    const types = receiver.received
      .filter((item) => item.status === 200)
      .map((item) => item.headers['shortlist-event']);
    expect(types.sort()).toEqual(['application.created', 'application.stage_changed']);
  });

  it('are sent again when the instance sending one died mid-request (its claim ran out)', async () => {
    const { app, admin } = await start();
    const hook = await subscribe(app, admin, ['candidate.erased']);
    const deliveries = app.store.server.use<Record<string, unknown>>(`${app.store.prefix}webhook_deliveries`);
    const body = JSON.stringify({
      id: 'evt-crashed',
      type: 'candidate.erased',
      createdAt: new Date().toISOString(),
      data: { candidateId: 'c-1' },
    });
    // What a killed instance leaves: a claim, in `sending`, whose lease has run out.
    await deliveries.insert({
      _id: `${hook.id}:evt-crashed`,
      kind: 'delivery',
      subscriptionId: hook.id,
      eventId: 'evt-crashed',
      type: 'candidate.erased',
      body,
      status: 'sending',
      attempts: 1,
      claimedBy: 'webhooks-dead/1',
      nextAttemptAt: Date.now() - 1,
      createdAt: Date.now() - 10_000,
    });
    const hookRequest = await eventually(
      () => receiver.received.find((item) => item.headers['shortlist-delivery'] === 'evt-crashed'),
      10_000,
      'the retried delivery',
    );
    expect(hookRequest.body).toBe(body);
    expect(
      verifySignature(hook.secret, hookRequest.headers['shortlist-signature'] as string, hookRequest.body),
    ).toBe(true);
    const log = await eventually(async () => {
      const list = (
        await app.inject({
          method: 'GET',
          url: `/api/admin/webhooks/${hook.id}/deliveries`,
          headers: bearer(admin),
        })
      ).json<{ status: string; attempts: number }[]>();
      return list[0]?.status === 'delivered' ? list : null;
    });
    expect(log[0]?.attempts).toBe(2);
  });

  it('leave the log after 30 days once done, never while due', async () => {
    const { app, admin, recruiter } = await start();
    const hook = await subscribe(app, admin, ['application.created']);
    receiver.answerWith(500);
    await openApplication(app, recruiter);
    await eventually(() => receiver.received.length >= 1, 10_000, 'a failed attempt');
    receiver.answerWith(200);
    await openApplication(app, recruiter);
    const log = () =>
      app
        .inject({ method: 'GET', url: `/api/admin/webhooks/${hook.id}/deliveries`, headers: bearer(admin) })
        .then((response) => response.json<{ status: string }[]>());
    await eventually(
      async () => (await log()).some((item) => item.status === 'delivered'),
      10_000,
      'a delivered one',
    );
    await apps[0]!.close();
    apps.length = 0;
    const databases = await ensureWebhookDatabases(app.store);
    // One still due, however old: it stays.
    await databases.deliveries.insert({
      _id: `${hook.id}:evt-due`,
      kind: 'delivery',
      subscriptionId: hook.id,
      eventId: 'evt-due',
      type: 'application.created',
      body: '{}',
      status: 'pending',
      attempts: 3,
      nextAttemptAt: Date.now(),
      createdAt: Date.now() - 1_000,
    });
    const later = Date.now() + (DELIVERY_LOG_DAYS + 1) * 86_400_000;
    expect(await purgeOldDeliveries(databases, Date.now())).toBe(0);
    const statuses = (await recentDeliveries(databases, hook.id, 10)).map((item) => item.status).sort();
    expect(await purgeOldDeliveries(databases, later)).toBe(
      statuses.filter((status) => status === 'delivered' || status === 'failed').length,
    );
    const left = (await recentDeliveries(databases, hook.id, 10)).map((item) => item.status);
    expect(left).toContain('pending');
    expect(left.every((status) => status === 'pending' || status === 'sending')).toBe(true);
    expect(left.length).toBe(
      statuses.length - statuses.filter((status) => status === 'delivered' || status === 'failed').length,
    );
  });

  it('are made once per event with two instances', async () => {
    const prefix = freshPrefix();
    const first = await start(prefix);
    await start(prefix);
    await subscribe(first.app, first.admin, ['application.created', 'application.stage_changed']);
    const ids = await Promise.all([0, 1, 2].map(() => openApplication(first.app, first.recruiter)));
    for (const id of ids)
      await v1(first.app, first.recruiter, 'PATCH', `/applications/${id}/stage`, { stage: 'screening' });
    await eventually(() => receiver.received.length >= 6, 15_000, 'six deliveries');
    // Both workers follow the same feed and race for each claim; give them time to misbehave.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const eventIds = receiver.received.map((item) => item.headers['shortlist-delivery']);
    expect(eventIds).toHaveLength(6);
    expect(new Set(eventIds).size).toBe(6);
  });

  it('disable a webhook after repeated failures, and admins see why', async () => {
    const { app, admin, recruiter } = await start(freshPrefix(), {
      allowPrivateTargets: true,
      timing: { ...FAST, disableAfter: 3, maxAttempts: 10 },
    });
    const hook = await subscribe(app, admin, ['application.created']);
    receiver.answerWith(500);
    await openApplication(app, recruiter);
    const disabled = await eventually(
      async () => {
        const list = (
          await app.inject({ method: 'GET', url: '/api/admin/webhooks', headers: bearer(admin) })
        ).json<{ id: string; disabledAt: string | null; disabledReason: string | null }[]>();
        const found = list.find((item) => item.id === hook.id);
        return found?.disabledAt ? found : null;
      },
      10_000,
      'the webhook disabled',
    );
    expect(disabled.disabledReason).toMatch(/3 failed delivery attempts in a row.*HTTP 500/);
    const attempts = receiver.received.length;
    await openApplication(app, recruiter);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(receiver.received.length).toBe(attempts);
    const deleted = await app.inject({
      method: 'DELETE',
      url: `/api/admin/webhooks/${hook.id}`,
      headers: bearer(admin),
    });
    expect(deleted.statusCode).toBe(204);
    expect((await listAll(app, recruiter, '/jobs')).ids.length).toBeGreaterThan(0);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/admin/webhooks/${hook.id}`, headers: bearer(admin) }))
        .statusCode,
    ).toBe(404);
  });
});
