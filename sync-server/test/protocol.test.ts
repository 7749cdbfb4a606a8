import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '#shared/domain/collections';
import { API_PATHS } from '#shared/sync/protocol';
import { ADMIN_PATHS } from '#shared/sync/admin-protocol';
import { buildTestApp, startTestStore, type TestStore } from './support/test-server';

let testStore: TestStore;
let app: FastifyInstance;

beforeAll(async () => {
  testStore = await startTestStore();
  app = await buildTestApp(testStore);
});

afterAll(async () => {
  await app.close();
  await testStore.stop();
});

/** Every call the app makes, by the paths of the shared protocol. */
const CALLS: readonly { method: 'GET' | 'POST' | 'PUT' | 'PATCH'; url: string }[] = [
  { method: 'POST', url: API_PATHS.login },
  { method: 'POST', url: API_PATHS.refresh },
  { method: 'POST', url: API_PATHS.logout },
  { method: 'GET', url: API_PATHS.me },
  { method: 'POST', url: API_PATHS.passwordReset },
  { method: 'POST', url: API_PATHS.passwordResetConfirm },
  { method: 'GET', url: API_PATHS.stream },
  ...COLLECTIONS.flatMap((collection) => [
    { method: 'GET' as const, url: API_PATHS.pull(collection) },
    { method: 'POST' as const, url: API_PATHS.push(collection) },
  ]),
  { method: 'GET', url: API_PATHS.resume('cand-1') },
  { method: 'PUT', url: API_PATHS.resume('cand-1') },
  // The admin console (the notifications listing exists only with notification settings).
  { method: 'GET', url: ADMIN_PATHS.users },
  { method: 'POST', url: ADMIN_PATHS.users },
  { method: 'PATCH', url: ADMIN_PATHS.user('u-1') },
  { method: 'POST', url: ADMIN_PATHS.revokeSessions('u-1') },
  { method: 'POST', url: ADMIN_PATHS.password('u-1') },
  { method: 'POST', url: ADMIN_PATHS.passwordReset('u-1') },
  { method: 'GET', url: ADMIN_PATHS.audit },
  { method: 'GET', url: ADMIN_PATHS.auditExport },
  { method: 'POST', url: ADMIN_PATHS.erase('cand-1') },
  { method: 'GET', url: ADMIN_PATHS.erasure('cand-1') },
  { method: 'GET', url: ADMIN_PATHS.export },
  { method: 'PATCH', url: ADMIN_PATHS.preferences },
];

describe('the shared protocol and the server agree', () => {
  it.each(CALLS)('$method $url is a route of the server', async ({ method, url }) => {
    const response = await app.inject({ method, url, payload: method === 'GET' ? undefined : {} });
    const body = response.json<{ error?: { message?: string } }>();
    expect(body.error?.message ?? '').not.toMatch(/^No route for/);
  });
});
