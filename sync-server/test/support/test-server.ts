import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type AppConfig } from '../../app';
import { loadDemoIfEmpty } from '../../demo/load-demo';
import { buildDemoOrganisation, DEMO_PASSWORD, type DemoOrganisation } from '../../demo/demo-organisation';
import { CouchStore } from '../../infra/couch-store';
import { startEmbeddedStore, type EmbeddedStore } from '../../infra/embedded-store';
import { randomId } from '../../services/tokens';

export const TEST_JWT_SECRET = 'test-secret-of-at-least-thirty-two-characters!';

/**
 * `SHORTLIST_TEST_COUCHDB_URL` (with credentials, e.g. `http://admin:pw@127.0.0.1:5984`): the server
 * suite runs against that CouchDB instead of an embedded store per file. Every suite still gets its
 * own databases (a fresh prefix), deleted when its store "stops".
 */
export const EXTERNAL_COUCHDB_URL: string | null = process.env['SHORTLIST_TEST_COUCHDB_URL'] || null;
/** Whether the suite runs against an external CouchDB (for `it.skipIf`). */
export const isExternalStore = EXTERNAL_COUCHDB_URL !== null;
/** Why a test skips against an external CouchDB. */
export const NEEDS_EMBEDDED_STORE =
  'needs the embedded store process (it kills, restarts or reconfigures it); skipped against SHORTLIST_TEST_COUCHDB_URL';

/** One embedded store process per test file, in a temporary folder (or the external CouchDB). */
export interface TestStore {
  readonly store: EmbeddedStore;
  readonly directory: string;
  stop(): Promise<void>;
}

const prefixesMade = new Set<string>();

/** The external CouchDB as a `TestStore`: it cannot be killed; stopping deletes the suite's databases. */
function externalTestStore(url: string): TestStore {
  const store: EmbeddedStore = {
    url,
    restarts: () => 0,
    killForTest: () => {
      throw new Error(`An external CouchDB cannot be killed by a test (${NEEDS_EMBEDDED_STORE}).`);
    },
    stop: async () => {
      const couch = new CouchStore(url);
      const names = await couch.server.db.list();
      const mine = names.filter((name) => [...prefixesMade].some((prefix) => name.startsWith(prefix)));
      for (const name of mine) await couch.server.db.destroy(name).catch(() => undefined);
    },
  };
  return { store, directory: '', stop: () => store.stop() };
}

/** Starts a store for one test file; `requestTimeoutMs` is the embedded store's (see `EmbeddedStoreOptions`). */
export async function startTestStore(options: { requestTimeoutMs?: number } = {}): Promise<TestStore> {
  if (EXTERNAL_COUCHDB_URL) return externalTestStore(EXTERNAL_COUCHDB_URL);
  const directory = mkdtempSync(path.join(os.tmpdir(), 'shortlist-test-'));
  const store = await startEmbeddedStore({ directory, ...options });
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
  const prefix = `t${randomId('', 6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}_`;
  prefixesMade.add(prefix);
  return prefix;
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
  user: {
    id: string;
    email: string;
    name: string;
    role: string;
    emailVerified: boolean;
    organisationId: string;
    organisationSlug: string;
    organisationName: string;
  };
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
