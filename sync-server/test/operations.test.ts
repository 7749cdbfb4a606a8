import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../app';
import { CouchStore } from '../infra/couch-store';
import { waitUntilAnswering } from '../infra/embedded-store';
import { advanced, applicationDoc, candidateDoc, jobDoc } from './support/fixtures';
import { create, push, serverDoc } from './support/sync-client';
import {
  bearer,
  buildDemoApp,
  buildTestApp,
  isExternalStore,
  login,
  NEEDS_EMBEDDED_STORE,
  startTestStore,
  type Session,
  type TestStore,
} from './support/test-server';

let testStore: TestStore;
let app: FastifyInstance;
let recruiter: Session;
let admin: Session;

beforeAll(async () => {
  testStore = await startTestStore();
  ({ app } = await buildDemoApp(testStore));
  recruiter = await login(app, 'recruiter1@example.com');
  admin = await login(app, 'admin@example.com');
});

afterAll(async () => {
  await app.close();
  await testStore.stop();
});

describe('operations', () => {
  it('answers health and readiness', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ method: 'GET', url: '/api/ready' })).json()).toEqual({ status: 'ready' });
    expect(await new CouchStore('http://127.0.0.1:9', 'x_').ping()).toBe(false);
  });

  it('keeps access tokens out of logged URLs', () => {
    expect(redactUrl('/api/sync/stream?access_token=secret.jwt.value&x=1')).toBe(
      '/api/sync/stream?access_token=[redacted]&x=1',
    );
    expect(redactUrl('/api/health')).toBe('/api/health');
  });

  it('serves OpenAPI and its UI, generated from the routes', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    for (const route of [
      '/api/auth/login',
      '/api/sync/jobs/pull',
      '/api/sync/interviews/push',
      '/api/sync/stream',
      '/api/admin/users/{id}',
      '/api/admin/export',
      '/api/ready',
    ]) {
      expect(document.paths, route).toHaveProperty([route]);
    }
    const ui = await app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('answers unknown routes with the error body, sets security headers and allows only the app’s origins', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) as unknown } });
    const health = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'http://localhost:5173' },
    });
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const electron = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'app://shortlist' },
    });
    expect(electron.headers['access-control-allow-origin']).toBe('app://shortlist');
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/sync/jobs/push',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('Authorization');
    const evil = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the renderer build with client-side routes, or says how to build it', async () => {
    const notBuilt = await app.inject({ method: 'GET', url: '/app/' });
    expect(notBuilt.statusCode).toBe(200);
    expect(notBuilt.body).toContain('npm run build');
    const dist = mkdtempSync(path.join(os.tmpdir(), 'shortlist-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Shortlist app</title>');
    writeFileSync(path.join(dist, 'assets', 'main.js'), 'console.log("app")');
    const withBuild = await buildTestApp(testStore, { rendererDist: dist });
    try {
      expect((await withBuild.inject({ method: 'GET', url: '/app/' })).body).toContain('Shortlist app');
      expect((await withBuild.inject({ method: 'GET', url: '/app/pipeline/job-1' })).body).toContain(
        'Shortlist app',
      );
      const asset = await withBuild.inject({ method: 'GET', url: '/app/assets/main.js' });
      expect(asset.body).toContain('console.log');
      expect(asset.headers['content-type']).toContain('javascript');
    } finally {
      await withBuild.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

/** Reads Server-Sent Events from a real port until `until` matches one. */
function readEvents(
  url: string,
  until: (events: unknown[]) => boolean,
): { events: unknown[]; done: Promise<unknown[]>; close: () => void } {
  const events: unknown[] = [];
  let request: http.ClientRequest | undefined;
  const done = new Promise<unknown[]>((resolve, reject) => {
    request = http.get(url, (response) => {
      if (response.statusCode !== 200) reject(new Error(`stream answered ${response.statusCode}`));
      let buffer = '';
      response.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        for (const block of blocks) {
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)));
          if (block.startsWith(': heartbeat')) events.push('heartbeat');
        }
        if (until(events)) resolve(events);
      });
      response.on('end', () => resolve(events));
    });
    request.on('error', reject);
  });
  return { events, done, close: () => request?.destroy() };
}

describe('change stream', () => {
  it('sends RESYNC, heartbeats, the collections that change, and wipe', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}/api/sync/stream`;
    const refused = await fetch(base);
    expect(refused.status).toBe(401);

    const stream = readEvents(
      `${base}?access_token=${recruiter.accessToken}`,
      (events) =>
        events.some((event) => (event as { collection?: string }).collection === 'jobs') &&
        events.includes('heartbeat'),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await create(app, recruiter, 'jobs', jobDoc({ status: 'draft' }));
    const events = await stream.done;
    stream.close();
    expect(events[0]).toEqual({ type: 'RESYNC' });
    expect(events).toContainEqual({ type: 'change', collection: 'jobs' });

    const victim = await login(app, 'interviewer2@example.com');
    const wiped = readEvents(`${base}?access_token=${victim.accessToken}`, (seen) =>
      seen.some((event) => (event as { type?: string }).type === 'wipe'),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await app.inject({
      method: 'POST',
      url: `/api/admin/users/${victim.user.id}/revoke-sessions`,
      headers: bearer(admin),
      payload: { wipe: true },
    });
    expect(await wiped.done).toContainEqual({ type: 'wipe' });
    wiped.close();
  });
});

describe('several server instances on one store', () => {
  it('notifies the clients of every instance of a change made through another', async () => {
    const other = await buildTestApp(testStore, { dbPrefix: app.store.prefix });
    try {
      await other.listen({ port: 0, host: '127.0.0.1' });
      const { port } = other.server.address() as AddressInfo;
      const stream = readEvents(
        `http://127.0.0.1:${port}/api/sync/stream?access_token=${recruiter.accessToken}`,
        (events) => events.some((event) => (event as { collection?: string }).collection === 'candidates'),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      await create(app, recruiter, 'candidates', candidateDoc());
      expect(await stream.done).toContainEqual({ type: 'change', collection: 'candidates' });
      stream.close();
    } finally {
      await other.close();
    }
  });

  it('lets exactly one of two racing writes win, without duplicate history', async () => {
    const other = await buildTestApp(testStore, { dbPrefix: app.store.prefix });
    try {
      const manager = await login(app, 'hr.manager@example.com');
      for (let round = 0; round < 4; round += 1) {
        const job = jobDoc();
        await create(app, manager, 'jobs', job);
        const candidate = candidateDoc();
        await create(app, recruiter, 'candidates', candidate);
        const application = applicationDoc(job.id, candidate.id);
        await create(app, recruiter, 'applications', application);
        const assumed = await serverDoc(app, recruiter, 'applications', application.id);
        if (!assumed) throw new Error('missing');
        const [viaFirst, viaSecond] = await Promise.all([
          push(app, recruiter, 'applications', [
            { assumedMasterState: assumed, newDocumentState: advanced(assumed, 'screening') },
          ]),
          push(other, recruiter, 'applications', [
            {
              assumedMasterState: assumed,
              newDocumentState: advanced(assumed, 'rejected', {
                rejection: { atStage: 'applied', reason: 'stronger-candidate' },
              }),
            },
          ]),
        ]);
        const winners = [viaFirst, viaSecond].filter((result) => result.conflicts.length === 0);
        expect(winners).toHaveLength(1);
        expect([...viaFirst.rejections, ...viaSecond.rejections]).toEqual([]);
        const final = await serverDoc(other, recruiter, 'applications', application.id);
        const history = final?.['stageHistory'] as { to: string }[];
        expect(history).toHaveLength(2);
        expect(history[1]?.to).toBe(final?.['stage']);
      }
    } finally {
      await other.close();
    }
  });
});

describe.skipIf(isExternalStore)(`embedded store supervision (${NEEDS_EMBEDDED_STORE})`, () => {
  it('refuses requests that lack the store’s credentials', async () => {
    const { origin } = new URL(testStore.store.url);
    expect((await fetch(`${origin}/_all_dbs`)).status).toBe(401);
    const wrong = await fetch(`${origin}/_all_dbs`, {
      headers: { authorization: `Basic ${Buffer.from('shortlist:guess').toString('base64')}` },
    });
    expect(wrong.status).toBe(401);
  });

  it('restarts a dead store on the same port, with the data intact', async () => {
    const before = await serverDoc(app, recruiter, 'jobs', 'job-senior-backend-engineer');
    expect(before).toMatchObject({ title: 'Senior Backend Engineer' });
    testStore.store.killForTest();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const down = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(down.statusCode).toBe(503);
    const login_ = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@example.com', password: 'x' },
    });
    expect(login_.statusCode).toBe(503);
    expect(login_.json()).toEqual({
      error: { code: 'store_unavailable', message: expect.any(String) as unknown },
    });
    await waitUntilAnswering(testStore.store.url);
    expect(testStore.store.restarts()).toBe(1);
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(await serverDoc(app, recruiter, 'jobs', 'job-senior-backend-engineer')).toEqual(before);
  });
});
