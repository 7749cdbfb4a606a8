import type { CouchStore } from '../../infra/couch-store';
import type { FastifyInstance } from 'fastify';
import { freshPrefix, type TestStore } from './test-server';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { Role } from '#shared/domain/common/roles';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { Job } from '#shared/domain/job/job-schema';
import type { User } from '#shared/domain/user/user-schema';
import type { CollectionName } from '#shared/domain/collections';
import { buildApp, type AppConfig } from '../../app';
import { openSession } from '../../services/session-service';
import { randomId } from '../../services/tokens';
import { reserve } from '../../services/reservations';
import { createAccount, markEmailVerified } from '../../services/user-service';
import { toStored } from '../../infra/stored-document';

/**
 * Test support for the portal, files and notifications suites: one real embedded store per suite,
 * and apps built with the server's own `buildApp` on fresh databases (a random prefix each).
 */
// One embedded store per suite and a fresh database prefix per app: the server's own test support.
export { freshPrefix, startTestStore, type TestStore } from './test-server';

const JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

/**
 * Builds the real app on fresh databases, lets `register` add the plugin under test, then `ready()`.
 */
export async function buildTestApp(
  store: TestStore,
  register: (app: FastifyInstance) => Promise<void> = () => Promise.resolve(),
  prefix = freshPrefix(),
  config: Partial<AppConfig> = {},
): Promise<FastifyInstance> {
  const app = await buildApp({
    couchUrl: store.store.url,
    dbPrefix: prefix,
    jwtSecret: JWT_SECRET,
    logger: false,
    ...config,
  });
  await register(app);
  await app.ready();
  return app;
}

/** A signed-in account of the given role, with its bearer header. */
export interface TestAccount {
  readonly user: User;
  readonly headers: { authorization: string };
}

/**
 * A new account with a session. A candidate account has confirmed its address (as by the mailed link)
 * unless `verified: false`.
 */
export async function signUp(
  app: FastifyInstance,
  role: Role,
  email = `${role}-${randomId('', 4)}@example.com`,
  options: { verified?: boolean } = {},
): Promise<TestAccount> {
  const user = await createTestUser(
    app.store,
    { email, name: `Test ${role}`, role, password: 'Password123!' },
    Date.now(),
  );
  if (options.verified !== false) await markEmailVerified(app.store, user.id, Date.now());
  const tokens = await openSession(app.store, app.jwtSecret, user, Date.now());
  return { user, headers: { authorization: `Bearer ${tokens.accessToken}` } };
}

/**
 * Writes a replicated document straight into the store (test setup, as the demo loader does). A
 * candidate's email is reserved for it first, as the server does for every candidate it stores.
 */
export async function seed(
  app: FastifyInstance,
  collection: CollectionName,
  document: { readonly id: string; readonly [field: string]: unknown },
): Promise<void> {
  const email = document['email'];
  if (collection === 'candidates' && typeof email === 'string') {
    const holds = () => Promise.resolve('holds' as const);
    const reserved = await reserve(app.store, 'candidate-email', email, document.id, holds, Date.now());
    if (!reserved.ok) throw new Error(`could not reserve ${email} for candidates/${document.id}`);
  }
  const written = await app.store.put(collection, toStored(collection, document, {}));
  if (!written.ok) throw new Error(`could not seed ${collection}/${document.id}`);
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function testJob(overrides: Partial<Job> = {}): Job {
  const now = Date.now();
  return {
    id: `job-${randomId('', 4).replace(/[^A-Za-z0-9]/g, 'x')}`,
    updatedAt: now,
    title: 'Senior Backend Engineer',
    department: 'Engineering',
    location: 'Berlin',
    employmentType: 'full_time',
    description: 'Build the services our customers rely on.',
    requirements: ['TypeScript'],
    salaryMin: 80_000,
    salaryMax: 100_000,
    currency: 'EUR',
    status: 'open',
    recruiterIds: [],
    createdBy: 'seed',
    createdAt: iso(now - 86_400_000),
    ...overrides,
  };
}

export function testCandidate(overrides: Partial<Candidate> = {}): Candidate {
  const now = Date.now();
  const id = `cand-${randomId('', 4).replace(/[^A-Za-z0-9]/g, 'x')}`;
  return {
    id,
    updatedAt: now,
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: `${id.toLowerCase()}@example.org`,
    skills: [],
    source: 'linkedin',
    tags: [],
    createdBy: 'seed',
    createdAt: iso(now - 86_400_000),
    ...overrides,
  };
}

export function testInterview(
  base: { applicationId: string; jobId: string; candidateId: string; interviewerIds: string[] },
  overrides: Partial<Interview> = {},
): Interview {
  const now = Date.now();
  return {
    id: `int-${randomId('', 4).replace(/[^A-Za-z0-9]/g, 'x')}`,
    updatedAt: now,
    ...base,
    type: 'technical',
    scheduledAt: iso(now + 2 * 86_400_000),
    durationMinutes: 60,
    location: 'Room 1',
    status: 'scheduled',
    scorecards: [],
    createdBy: 'seed',
    createdAt: iso(now - 3_600_000),
    ...overrides,
  };
}

/** Creates an account straight in the store (test set-up); throws when the email is taken. */
export async function createTestUser(
  store: CouchStore,
  input: { email: string; name: string; role: Role; password: string },
  now = Date.now(),
): Promise<User> {
  const created = await createAccount(store, input, now);
  if (!created.ok) throw new Error(`could not create ${input.email}: ${created.message}`);
  return created.value;
}
