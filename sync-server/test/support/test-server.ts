import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type AppConfig } from '../../app';
import { loadDemoIfEmpty } from '../../demo/load-demo';
import { buildDemoOrganisation, DEMO_PASSWORD, type DemoOrganisation } from '../../demo/demo-organisation';
import { CouchStore } from '../../store/couch-store';
import { startEmbeddedStore, type EmbeddedStore } from '../../store/embedded-store';
import { randomId } from '../../services/tokens';

export const TEST_JWT_SECRET = 'test-secret-of-at-least-thirty-two-characters!';

/** One embedded store process per test file, in a temporary folder. */
export interface TestStore {
  readonly store: EmbeddedStore;
  readonly directory: string;
  stop(): Promise<void>;
}

export async function startTestStore(): Promise<TestStore> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'shortlist-test-'));
  const store = await startEmbeddedStore({ directory });
  return {
    store,
    directory,
    stop: async () => {
      await store.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * For tests of services below the HTTP layer: starts a store process before the file's tests, with a
 * CouchStore on fresh databases of it (every database and index created), and stops it after them.
 * Answers a getter for that CouchStore.
 */
export function useSchemaStore(): () => CouchStore {
  let started: { testStore: TestStore; store: CouchStore } | null = null;
  beforeAll(async () => {
    const testStore = await startTestStore();
    const store = new CouchStore(testStore.store.url, freshPrefix());
    await store.ensureSchema();
    started = { testStore, store };
  });
  afterAll(async () => {
    await started?.testStore.stop();
  });
  return () => {
    if (!started) throw new Error('The test store is not started yet.');
    return started.store;
  };
}

/** A fresh database prefix: each suite (or test) gets its own databases on the shared store. */
export function freshPrefix(): string {
  return `t${randomId('', 6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}_`;
}

const generous = { perAddress: 10_000, perAccount: 10_000, windowMs: 60_000 };
/** Limits no test reaches unless it sets its own. */
export const GENEROUS_IDENTITY_LIMITS = {
  register: generous,
  passwordReset: generous,
  linkUse: generous,
  resend: generous,
};

/**
 * Builds an app on fresh databases of `store`, quiet, with generous sign-in and identity limits and no
 * minimum answer time unless told otherwise.
 */
export async function buildTestApp(
  store: TestStore,
  overrides: Partial<AppConfig> = {},
): Promise<FastifyInstance> {
  const app = await buildApp({
    couchUrl: store.store.url,
    dbPrefix: freshPrefix(),
    jwtSecret: TEST_JWT_SECRET,
    logger: false,
    heartbeatMs: 500,
    loginLimits: { perAddress: 10_000, perAccount: 10_000, windowMs: 60_000 },
    identityLimits: GENEROUS_IDENTITY_LIMITS,
    identityResponseFloorMs: 0,
    rendererDist: path.join(os.tmpdir(), 'no-such-renderer-build'),
    ...overrides,
  });
  await app.ready();
  return app;
}

/** An app with the demo organisation loaded; `organisation` is what was loaded. */
export async function buildDemoApp(
  store: TestStore,
  overrides: Partial<AppConfig> = {},
): Promise<{ app: FastifyInstance; organisation: DemoOrganisation; now: number }> {
  const app = await buildTestApp(store, overrides);
  const now = Date.now();
  await loadDemoIfEmpty(app.store, now);
  return { app, organisation: buildDemoOrganisation(now), now };
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; name: string; role: string; emailVerified: boolean };
}

export function json<T>(response: LightMyRequestResponse): T {
  return response.json<T>();
}

/** Signs in through the API. */
export async function login(app: FastifyInstance, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200)
    throw new Error(`login of ${email} failed: ${response.statusCode} ${response.body}`);
  return json<Session>(response);
}

export function bearer(session: Session | string): { authorization: string } {
  return { authorization: `Bearer ${typeof session === 'string' ? session : session.accessToken}` };
}
