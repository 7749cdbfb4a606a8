import { createTestUser } from './support/accounts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationId, type Application } from '#shared/domain/application/application-schema';
import { normalizeEmail } from '#shared/domain/common/schema-helpers';
import { seed, testCandidate, testJob } from './support/accounts';
import { testSettings } from './support/notification-fixture';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { ONE_TIME_TOKEN_DATABASE } from '../services/one-time-tokens';
import { randomId } from '../services/tokens';
import { hashPassword } from '../services/user-service';
import { toStored } from '../infra/stored-document';
import {
  ATTEMPT_SUBJECT,
  linkIn,
  mailsFor,
  RESET_SUBJECT,
  tokenIn,
  VERIFICATION_SUBJECT,
  waitForMail,
} from './support/mailbox';
import {
  bearer,
  buildTestApp,
  login,
  startTestStore,
  type Session,
  type TestStore,
} from './support/test-server';

let testStore: TestStore;
let smtp: SmtpSink;
let app: FastifyInstance;
let admin: Session;
const PASSWORD = 'correct-horse-battery';
const openJob = testJob({ title: 'Site Reliability Engineer' });
const otherJob = testJob({ title: 'Data Engineer' });

beforeAll(async () => {
  [testStore, smtp] = await Promise.all([startTestStore(), startSmtpSink()]);
  app = await buildTestApp(testStore, { notifications: testSettings({ smtpUrl: smtp.url }) });
  await createTestUser(
    app.store,
    { email: 'admin@acme.example', name: 'Ada Admin', role: 'admin', password: PASSWORD },
    Date.now(),
  );
  admin = await login(app, 'admin@acme.example', PASSWORD);
  for (const job of [openJob, otherJob]) await seed(app, 'jobs', job);
});

afterAll(async () => {
  await app.close();
  await Promise.all([testStore.stop(), smtp.close()]);
});

const post = (url: string, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload, headers });
const register = (email: string, password = PASSWORD, name = 'Pat Doe') =>
  post('/api/auth/register', { email, password, name });
const verify = (token: string, session: Session) => post('/api/auth/verify', { token }, bearer(session));
const apply = (session: Session, jobId: string) =>
  post(`/api/portal/jobs/${jobId}/apply`, {}, bearer(session));
const codeOf = (response: LightMyRequestResponse): string =>
  response.json<{ error: { code: string } }>().error.code;
const unique = (name: string): string =>
  `${name}-${randomId('', 4).replace(/[^A-Za-z0-9]/g, 'x')}@example.org`;

/** Everything an answer tells a client: status and body (the time is checked in its own test). */
const answer = (response: LightMyRequestResponse) => ({ status: response.statusCode, body: response.body });

/** Every live account with this address, read from the whole users database (no index). */
async function accountsWith(email: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const doc of app.store.all('users')) {
    if (doc.serverMeta?.emailKey === normalizeEmail(email) && !doc.serverMeta.deleted) ids.push(doc._id);
  }
  return ids;
}

/** The outbox entries addressed to `email`, straight from the outbox database. */
async function outboxTo(email: string): Promise<{ template: string; text: string }[]> {
  const db = app.store.server.use<{ to?: string[]; template: string; text: string }>(
    `${app.store.prefix}outbox`,
  );
  const { rows } = await db.list({ include_docs: true });
  return rows
    .map((row) => row.doc)
    .filter((doc): doc is NonNullable<typeof doc> => doc?.to?.includes(email) === true)
    .map((doc) => ({ template: doc.template, text: doc.text }));
}

describe('email verification', () => {
  it('a new account may sign in but not apply until it opens the mailed link, signed in', async () => {
    const email = unique('nina');
    expect(answer(await register(email))).toMatchObject({ status: 201 });
    const mail = await waitForMail(smtp, email, VERIFICATION_SUBJECT);
    const link = linkIn(mail);
    expect(link).toMatch(/^https:\/\/jobs\.acme\.example\/careers\/#\/verify\?token=[A-Za-z0-9_-]{43}$/);

    const session = await login(app, email, PASSWORD);
    expect(session.user).toMatchObject({ role: 'candidate', emailVerified: false });
    const refused = await apply(session, openJob.id);
    expect(refused.statusCode).toBe(403);
    expect(codeOf(refused)).toBe('email_not_verified');
    const listed = await app.inject({
      method: 'GET',
      url: '/api/portal/applications',
      headers: bearer(session),
    });
    expect(listed.json()).toEqual({ applications: [] });

    // Opening the link without signing in, or signed in as someone else, confirms nothing.
    expect((await post('/api/auth/verify', { token: tokenIn(link) })).statusCode).toBe(401);
    const otherEmail = unique('other');
    await register(otherEmail);
    const other = await login(app, otherEmail, PASSWORD);
    const foreign = await verify(tokenIn(link), other);
    expect(foreign.statusCode).toBe(400);
    expect(codeOf(foreign)).toBe('invalid_link');

    const resent = await post('/api/auth/verify/resend', {}, bearer(session));
    expect(resent.statusCode).toBe(202);
    const second = linkIn(await waitForMail(smtp, email, VERIFICATION_SUBJECT, 2));
    expect(tokenIn(second)).not.toBe(tokenIn(link));

    const verified = await verify(tokenIn(link), session);
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({ status: 'verified', email });
    const reused = await verify(tokenIn(link), session);
    expect(reused.statusCode).toBe(400);
    expect(codeOf(reused)).toBe('invalid_link');
    expect(codeOf(await post('/api/auth/verify/resend', {}, bearer(session)))).toBe('already_verified');

    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session) });
    expect(me.json()).toMatchObject({ email, emailVerified: true });
    expect((await apply(session, openJob.id)).statusCode).toBe(201);
  });

  it('refuses forged, malformed and expired verification links without a 5xx', async () => {
    const email = unique('vera');
    await register(email);
    const session = await login(app, email, PASSWORD);
    const token = tokenIn(linkIn(await waitForMail(smtp, email, VERIFICATION_SUBJECT)));
    // One character changed in the middle, where all six of its bits count (the last character of a
    // 32-byte base64url token carries two padding bits, and was 'A' already one time in sixteen).
    const oneOff = `${token.slice(0, 21)}${token.charAt(21) === 'A' ? 'B' : 'A'}${token.slice(22)}`;
    for (const forged of [
      'x',
      'A'.repeat(43),
      oneOff,
      `${token}A`,
      '../../_all_docs',
      '%00',
    ]) {
      const response = await verify(forged, session);
      expect(response.statusCode, forged).toBe(400);
    }
    for (const payload of [
      {},
      { token: 42 },
      { token: '' },
      { token: 'x'.repeat(201) },
      { token: [token] },
    ]) {
      expect((await post('/api/auth/verify', payload, bearer(session))).statusCode).toBe(400);
    }
    // A day later the link has expired: age its stored record as the clock would.
    const tokens = app.store.server.use<{ expiresAt: number }>(
      `${app.store.prefix}${ONE_TIME_TOKEN_DATABASE}`,
    );
    const { rows } = await tokens.list({ include_docs: true });
    for (const row of rows) {
      if (row.doc) await tokens.insert({ ...row.doc, expiresAt: Date.now() - 1 });
    }
    expect(codeOf(await verify(token, session))).toBe('invalid_link');
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session) });
    expect(me.json()).toMatchObject({ emailVerified: false });
  });
});

describe('nothing tells whether an address has an account', () => {
  it('register, sign-in and reset answer alike for unknown, candidate and staff addresses', async () => {
    const staffEmail = unique('rita.recruiter');
    await createTestUser(
      app.store,
      { email: staffEmail, name: 'Rita', role: 'recruiter', password: PASSWORD },
      Date.now(),
    );
    const candidateEmail = unique('carl');
    await register(candidateEmail);
    await waitForMail(smtp, candidateEmail, VERIFICATION_SUBJECT);
    const unknownEmail = unique('nobody');
    const neverRegistered = unique('never');
    const addresses = [unknownEmail, candidateEmail, staffEmail.toUpperCase()];

    const signIns = await Promise.all(
      [neverRegistered, candidateEmail, staffEmail].map((email) =>
        post('/api/auth/login', { email, password: 'a-guessed-password' }),
      ),
    );
    const resets = await Promise.all(
      [neverRegistered, candidateEmail, staffEmail].map((email) =>
        post('/api/auth/password-reset', { email }),
      ),
    );
    const registered = await Promise.all(
      addresses.map((email) => register(email, 'an-attacker-password', 'Mallory')),
    );
    for (const responses of [registered, signIns, resets]) {
      const answers = responses.map(answer);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    }
    expect(registered[0]?.statusCode).toBe(201);
    expect(signIns[0]?.statusCode).toBe(401);
    expect(resets[0]?.statusCode).toBe(202);

    // Owners hear of it; nothing else changed: one account each, the same passwords.
    for (const email of [candidateEmail, staffEmail]) {
      await waitForMail(smtp, email, ATTEMPT_SUBJECT);
      await waitForMail(smtp, email, RESET_SUBJECT);
      expect(await accountsWith(email)).toHaveLength(1);
      expect((await login(app, email, PASSWORD)).user.email).toBe(email);
      expect((await post('/api/auth/login', { email, password: 'an-attacker-password' })).statusCode).toBe(
        401,
      );
    }
    const staffSession = await login(app, staffEmail, PASSWORD);
    expect(staffSession.user).toMatchObject({ role: 'recruiter', name: 'Rita', emailVerified: true });
    expect(mailsFor(smtp, staffEmail, VERIFICATION_SUBJECT)).toHaveLength(0);
    // The unknown address got its new account and the verification mail; the never-registered one nothing.
    expect(await accountsWith(unknownEmail)).toHaveLength(1);
    await waitForMail(smtp, unknownEmail, VERIFICATION_SUBJECT);
    expect(await outboxTo(neverRegistered)).toEqual([]);
    expect(await accountsWith(neverRegistered)).toEqual([]);
  });

  it('an unknown address gets no mail at all from a reset request', async () => {
    const email = unique('ghost');
    expect((await post('/api/auth/password-reset', { email })).statusCode).toBe(202);
    expect(await outboxTo(email)).toEqual([]);
  });
});

describe('a stranger registering the address of a candidate the staff keep', () => {
  it('learns nothing, files nothing, and loses the account when the owner resets the password', async () => {
    const recruiter = await createTestUser(
      app.store,
      { email: unique('rex.recruiter'), name: 'Rex', role: 'recruiter', password: PASSWORD },
      Date.now(),
    );
    const grace = testCandidate({ email: 'Grace.Hopper@example.org', notes: 'SECRET staff notes' });
    await seed(app, 'candidates', grace);
    const kept: Application = {
      id: applicationId(openJob.id, grace.id),
      updatedAt: Date.now(),
      jobId: openJob.id,
      candidateId: grace.id,
      stage: 'screening',
      stageHistory: [
        {
          from: null,
          to: 'applied',
          by: recruiter.id,
          at: '2026-03-01T10:00:00.000Z',
          recordedAt: '2026-03-01T10:00:00.000Z',
        },
        {
          from: 'applied',
          to: 'screening',
          by: recruiter.id,
          at: '2026-03-02T10:00:00.000Z',
          recordedAt: '2026-03-02T10:00:00.000Z',
        },
      ],
      source: 'linkedin',
      createdBy: recruiter.id,
      createdAt: '2026-03-01T10:00:00.000Z',
    };
    await seed(app, 'applications', kept);
    const before = await app.store.get('candidates', grace.id);

    const stranger = await register('grace.hopper@EXAMPLE.org', 'mallory-chose-this');
    expect(answer(stranger)).toEqual(answer(await register(unique('fresh'), 'whatever-password')));
    const session = await login(app, 'grace.hopper@example.org', 'mallory-chose-this');
    expect(session.user.emailVerified).toBe(false);
    for (const jobId of [openJob.id, otherJob.id]) {
      const response = await apply(session, jobId);
      expect(response.statusCode).toBe(403);
      expect(codeOf(response)).toBe('email_not_verified');
      expect(response.body).not.toContain('already');
    }
    const listed = await app.inject({
      method: 'GET',
      url: '/api/portal/applications',
      headers: bearer(session),
    });
    expect(listed.json()).toEqual({ applications: [] });
    expect((await app.store.get('candidates', grace.id))?._rev).toBe(before?._rev);
    expect(await app.store.get('applications', applicationId(otherJob.id, grace.id))).toBeNull();
    expect(await app.store.get('candidates', `cand-${session.user.id}`)).toBeNull();

    // The verification mail reaches the real Grace. Opening it confirms nothing for the stranger.
    const link = linkIn(await waitForMail(smtp, 'grace.hopper@example.org', VERIFICATION_SUBJECT));
    expect((await post('/api/auth/verify', { token: tokenIn(link) })).statusCode).toBe(401);
    expect((await apply(session, otherJob.id)).statusCode).toBe(403);

    // Grace takes the account over with a reset link: the stranger's sessions and password end.
    await post('/api/auth/password-reset', { email: 'grace.hopper@example.org' });
    const reset = linkIn(await waitForMail(smtp, 'grace.hopper@example.org', RESET_SUBJECT));
    expect(reset).toMatch(/^https:\/\/jobs\.acme\.example\/careers\/#\/reset\?token=/);
    const confirmed = await post('/api/auth/password-reset/confirm', {
      token: tokenIn(reset),
      password: 'grace-owns-this',
    });
    expect(confirmed.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session) })).statusCode,
    ).toBe(401);
    expect((await post('/api/auth/refresh', { refreshToken: session.refreshToken })).statusCode).toBe(401);
    expect(
      (await post('/api/auth/login', { email: 'grace.hopper@example.org', password: 'mallory-chose-this' }))
        .statusCode,
    ).toBe(401);

    // Verified by the reset link, the owner alone learns she already applied, and applies into her record.
    const owner = await login(app, 'grace.hopper@example.org', 'grace-owns-this');
    expect(owner.user.emailVerified).toBe(true);
    const twice = await apply(owner, openJob.id);
    expect(twice.statusCode).toBe(409);
    expect(codeOf(twice)).toBe('already_applied');
    expect((await apply(owner, otherJob.id)).statusCode).toBe(201);
    expect(await app.store.get('applications', applicationId(otherJob.id, grace.id))).toMatchObject({
      candidateId: grace.id,
      createdBy: owner.user.id,
    });
  });
});

describe('password reset by mailed link', () => {
  it('for staff: a single-use link to the app that ends every session', async () => {
    const email = unique('sam.staff');
    await createTestUser(
      app.store,
      { email, name: 'Sam', role: 'hiring_manager', password: PASSWORD },
      Date.now(),
    );
    const laptop = await login(app, email, PASSWORD);
    const phone = await login(app, email, PASSWORD);
    expect((await post('/api/auth/password-reset', { email: email.toUpperCase() })).statusCode).toBe(202);
    const link = linkIn(await waitForMail(smtp, email, RESET_SUBJECT));
    expect(link).toMatch(/^https:\/\/jobs\.acme\.example\/app\/reset-password#token=[A-Za-z0-9_-]{43}$/);

    const short = await post('/api/auth/password-reset/confirm', { token: tokenIn(link), password: 'short' });
    expect(short.statusCode).toBe(400);
    const confirmed = await post('/api/auth/password-reset/confirm', {
      token: tokenIn(link),
      password: 'a-brand-new-password',
    });
    expect(confirmed.statusCode).toBe(204);
    for (const session of [laptop, phone]) {
      expect(
        (await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session) })).statusCode,
      ).toBe(401);
      expect((await post('/api/auth/refresh', { refreshToken: session.refreshToken })).statusCode).toBe(401);
    }
    expect((await post('/api/auth/login', { email, password: PASSWORD })).statusCode).toBe(401);
    expect((await login(app, email, 'a-brand-new-password')).user.role).toBe('hiring_manager');
    const again = await post('/api/auth/password-reset/confirm', {
      token: tokenIn(link),
      password: 'yet-another-password',
    });
    expect(again.statusCode).toBe(400);
    expect(codeOf(again)).toBe('invalid_link');
  });

  it('refuses a link issued before the password changed, and mails nothing for a deactivated account', async () => {
    const email = unique('olga');
    const user = await createTestUser(
      app.store,
      { email, name: 'Olga', role: 'recruiter', password: PASSWORD },
      Date.now(),
    );
    await post('/api/auth/password-reset', { email });
    const stale = tokenIn(linkIn(await waitForMail(smtp, email, RESET_SUBJECT)));
    const changed = await app.inject({
      method: 'POST',
      url: `/api/admin/users/${user.id}/password`,
      headers: bearer(admin),
      payload: { password: 'set-by-the-admin' },
    });
    expect(changed.statusCode).toBe(204);
    expect(
      codeOf(await post('/api/auth/password-reset/confirm', { token: stale, password: 'mine-now-please' })),
    ).toBe('invalid_link');
    expect((await login(app, email, 'set-by-the-admin')).user.id).toBe(user.id);

    await app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${user.id}`,
      headers: bearer(admin),
      payload: { active: false },
    });
    const entriesBefore = (await outboxTo(email)).length;
    expect((await post('/api/auth/password-reset', { email })).statusCode).toBe(202);
    expect(await outboxTo(email)).toHaveLength(entriesBefore);
  });

  it('never shows a usable token in the admin listing of the outbox', async () => {
    const email = unique('lia');
    await register(email);
    const token = tokenIn(linkIn(await waitForMail(smtp, email, VERIFICATION_SUBJECT)));
    const listing = await app.inject({
      method: 'GET',
      url: '/api/admin/notifications?limit=500',
      headers: bearer(admin),
    });
    const entry = listing
      .json<{ entries: { id: string; to: string[]; template: string }[] }>()
      .entries.find(
        (candidate) => candidate.to.includes(email) && candidate.template === 'email_verification',
      );
    expect(entry).toBeDefined();
    const detail = await app.inject({
      method: 'GET',
      url: `/api/admin/notifications/${encodeURIComponent(entry?.id ?? '')}`,
      headers: bearer(admin),
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.body).not.toContain(token);
    expect(detail.json<{ text: string }>().text).toContain('/careers/#/verify?token=[redacted]');
    expect(listing.body).not.toContain(token);
  });
});

describe('accounts from before reservations', () => {
  it('signs in an account written without a reservation, and still refuses a second one', async () => {
    const email = 'Legacy.Person@example.org';
    const id = `u-legacy-${randomId('', 4).replace(/[^A-Za-z0-9]/g, 'x')}`;
    await app.store.put('credentials', { _id: id, passwordHash: await hashPassword(PASSWORD) });
    const user = { id, updatedAt: Date.now(), name: 'Legacy Person', email, role: 'recruiter', active: true };
    expect((await app.store.put('users', toStored('users', user, {}))).ok).toBe(true);
    expect((await login(app, 'legacy.person@example.org', PASSWORD)).user.id).toBe(id);
    await register('LEGACY.person@example.org', 'someone-else-pw');
    await waitForMail(smtp, email, ATTEMPT_SUBJECT);
    expect(await accountsWith(email)).toEqual([id]);
  });
});

describe('candidate records from before reservations', () => {
  it('links a verified owner to a record written without a reservation, never to a duplicate', async () => {
    const legacy = testCandidate({ email: 'Old.Record@example.org', source: 'referral' });
    expect((await app.store.put('candidates', toStored('candidates', legacy, {}))).ok).toBe(true);
    await createTestUser(
      app.store,
      { email: 'old.record@EXAMPLE.org', name: 'Old Record', role: 'candidate', password: PASSWORD },
      Date.now(),
    );
    const session = await login(app, 'old.record@example.org', PASSWORD);
    await post('/api/auth/verify/resend', {}, bearer(session));
    const token = tokenIn(linkIn(await waitForMail(smtp, 'old.record@example.org', VERIFICATION_SUBJECT)));
    expect((await verify(token, session)).statusCode).toBe(200);
    const applied = await apply(session, otherJob.id);
    expect(applied.statusCode).toBe(201);
    expect(applied.json<{ id: string }>().id).toBe(applicationId(otherJob.id, legacy.id));
    const records: string[] = [];
    for await (const doc of app.store.all('candidates')) {
      if (doc.serverMeta?.emailKey === 'old.record@example.org') records.push(doc._id);
    }
    expect(records).toEqual([legacy.id]);
  });
});

describe('where links point', () => {
  it('uses the request’s own origin only for a host that can be trusted', async () => {
    const local = await buildTestApp(testStore, {
      notifications: testSettings({ smtpUrl: smtp.url, publicUrl: null }),
    });
    try {
      const outbox = async (email: string) => {
        const db = local.store.server.use<{ to?: string[]; text: string }>(`${local.store.prefix}outbox`);
        const { rows } = await db.list({ include_docs: true });
        return rows.filter((row) => row.doc?.to?.includes(email)).map((row) => row.doc?.text ?? '');
      };
      const trusted = unique('local');
      const viaLoopback = await local.inject({
        method: 'POST',
        url: '/api/auth/register',
        headers: { host: '127.0.0.1:4000' },
        payload: { email: trusted, password: PASSWORD, name: 'Lou' },
      });
      expect(viaLoopback.statusCode).toBe(201);
      expect((await outbox(trusted)).join('\n')).toMatch(
        /http:\/\/127\.0\.0\.1:4000\/careers\/#\/verify\?token=/,
      );

      const target = unique('victim');
      const viaForgedHost = await local.inject({
        method: 'POST',
        url: '/api/auth/register',
        headers: { host: 'evil.example' },
        payload: { email: target, password: PASSWORD, name: 'Vic' },
      });
      expect(answer(viaForgedHost)).toEqual(answer(viaLoopback));
      expect(await outbox(target)).toEqual([]);
      await local.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        headers: { host: 'evil.example:443' },
        payload: { email: trusted },
      });
      expect((await outbox(trusted)).join('\n')).not.toContain('evil.example');
    } finally {
      await local.close();
    }
  });
});

describe('answers that reveal nothing take the same minimum time', () => {
  it('registering or resetting a known address takes as long as an unknown one', async () => {
    const floorMs = 300;
    const timed = await buildTestApp(testStore, {
      notifications: testSettings({ smtpUrl: smtp.url }),
      identityResponseFloorMs: floorMs,
    });
    try {
      const known = unique('known');
      await timed.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email: known, password: PASSWORD, name: 'K' },
      });
      const time = async (url: string, payload: Record<string, unknown>): Promise<number> => {
        const started = performance.now();
        const response = await timed.inject({ method: 'POST', url, payload });
        expect(response.statusCode).toBeLessThan(300);
        return performance.now() - started;
      };
      const median = (values: number[]): number =>
        [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
      for (const url of ['/api/auth/register', '/api/auth/password-reset']) {
        const knownTimes: number[] = [];
        const unknownTimes: number[] = [];
        for (let round = 0; round < 3; round += 1) {
          knownTimes.push(await time(url, { email: known, password: PASSWORD, name: 'K' }));
          unknownTimes.push(await time(url, { email: unique('unknown'), password: PASSWORD, name: 'U' }));
        }
        for (const elapsed of [...knownTimes, ...unknownTimes])
          expect(elapsed, url).toBeGreaterThanOrEqual(floorMs - 1);
        expect(Math.abs(median(knownTimes) - median(unknownTimes)), url).toBeLessThan(250);
      }
    } finally {
      await timed.close();
    }
  });
});
