import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownDatabase } from '../infra/own-database';
import { OUTBOX_DATABASE } from '../services/outbox-database';
import { signAccessToken } from '../services/tokens';
import { openStream } from './support/event-stream';
import { candidateDoc, jobDoc } from './support/fixtures';
import { samplePdf } from './support/sample-files';
import { create, pull, pullAll, push, type Doc } from './support/sync-client';
import { createTestUser } from './support/accounts';
import { waitFor } from './support/notification-fixture';
import { codeOf, v1 } from './support/v1-client';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';
import {
  bearer,
  buildTestApp,
  json,
  login,
  startTestStore,
  TEST_JWT_SECRET,
  type Session,
  type TestStore,
} from './support/test-server';

const OPERATOR = { email: 'operator@platform.example', password: 'operator-password-1' };
const PASSWORD = 'Password123!';
/** Acme's admin changes their password by a mailed link half-way through. */
let acmePassword = PASSWORD;
const ACME_PASSWORD = (): string => acmePassword;

let testStore: TestStore;
let app: FastifyInstance;
let operator: Session;
/** The admin of the deployment's first organisation (slug `demo`). */
let firstAdmin: Session;
/** The admin of a second organisation, `acme`. */
let acmeAdmin: Session;
let acmeId: string;
/** Acme's API key, made by its admin (the integration API's tests). */
let acmeKey = '';
let receiver: WebhookReceiver;

interface OrganisationAnswer {
  id: string;
  slug: string;
  name: string;
  suspended: boolean;
}

const asOperator = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) =>
  app.inject({ method, url, headers: bearer(operator), ...(payload ? { payload } : {}) });

async function createOrganisation(slug: string, adminEmail: string, name = `Org ${slug}`) {
  return asOperator('POST', '/api/platform/organisations', {
    name,
    slug,
    admin: { email: adminEmail, name: `Admin of ${slug}`, password: PASSWORD },
  });
}

beforeAll(async () => {
  [testStore, receiver] = await Promise.all([startTestStore(), startWebhookReceiver()]);
  app = await buildTestApp(testStore, {
    operator: OPERATOR,
    webhooks: { allowPrivateTargets: true, timing: { pollMs: 50, baseDelayMs: 100, maxDelayMs: 400 } },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  await createTestUser(app.store, {
    email: 'first-admin@example.com',
    name: 'First',
    role: 'admin',
    password: PASSWORD,
  });
  firstAdmin = await login(app, 'first-admin@example.com', PASSWORD);
  operator = await login(app, OPERATOR.email, OPERATOR.password);
  const created = await createOrganisation('acme', 'admin@acme.example', 'Acme Staffing');
  expect(created.statusCode, created.body).toBe(201);
  acmeId = json<OrganisationAnswer>(created).id;
  acmeAdmin = await login(app, 'admin@acme.example', ACME_PASSWORD());
});

afterAll(async () => {
  await app.close();
  await Promise.all([testStore.stop(), receiver.close()]);
});

describe('the operator', () => {
  it('signs in like anyone, belongs to the platform, and reads no organisation’s documents', async () => {
    expect(operator.user).toMatchObject({ role: 'operator', organisationId: 'platform' });
    for (const url of [
      '/api/sync/jobs/pull',
      '/api/admin/users',
      '/api/admin/export',
      '/api/portal/applications',
    ]) {
      const answer = await app.inject({ method: 'GET', url, headers: bearer(operator) });
      expect(answer.statusCode, url).toBe(403);
    }
    const stream = await app.inject({
      method: 'GET',
      url: `/api/sync/stream?access_token=${operator.accessToken}`,
    });
    expect(stream.statusCode).toBe(403);
    const me = json<Record<string, unknown>>(
      await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(operator) }),
    );
    expect(me).toMatchObject({ role: 'operator', organisationId: 'platform' });
  });

  it('is the only one who may manage organisations', async () => {
    for (const session of [firstAdmin, acmeAdmin]) {
      const answer = await app.inject({
        method: 'GET',
        url: '/api/platform/organisations',
        headers: bearer(session),
      });
      expect(answer.statusCode).toBe(403);
    }
    expect((await app.inject({ method: 'GET', url: '/api/platform/organisations' })).statusCode).toBe(401);
  });

  it('lists the organisations, the first one included', async () => {
    const list = json<OrganisationAnswer[]>(await asOperator('GET', '/api/platform/organisations'));
    expect(list.map((organisation) => organisation.slug)).toEqual(['demo', 'acme']);
    expect(list[1]).toMatchObject({ id: acmeId, name: 'Acme Staffing', suspended: false });
  });

  it('refuses taken, reserved and malformed slugs, and a taken admin address, creating nothing', async () => {
    const before = json<OrganisationAnswer[]>(await asOperator('GET', '/api/platform/organisations')).length;
    const taken = await createOrganisation('acme', 'someone@else.example');
    expect(taken.statusCode).toBe(409);
    expect(json<{ error: { code: string } }>(taken).error.code).toBe('slug_taken');
    for (const slug of ['api', 'jobs', 'platform']) {
      expect((await createOrganisation(slug, `x-${slug}@else.example`)).statusCode, slug).toBe(409);
    }
    for (const slug of ['Acme', 'a', '-acme', 'acme-', 'ac me', 'ac/me', 'x'.repeat(51), '']) {
      expect((await createOrganisation(slug, 'y@else.example')).statusCode, slug).toBe(400);
    }
    // An address with an account in any organisation, or the operator's own.
    for (const email of ['first-admin@example.com', 'ADMIN@acme.example', OPERATOR.email]) {
      const answer = await createOrganisation('fresh-one', email);
      expect(answer.statusCode, email).toBe(409);
      expect(json<{ error: { code: string } }>(answer).error.code).toBe('email_taken');
    }
    const bodies: unknown[] = [
      {},
      { name: 'N', slug: 'n1' },
      { name: 'N', slug: 'n1', admin: { email: 'not-an-email', name: 'A', password: PASSWORD } },
      { name: 'N', slug: 'n1', admin: { email: 'a@b.example', name: 'A', password: 'short' } },
      { name: 7, slug: 'n1', admin: { email: 'a@b.example', name: 'A', password: PASSWORD } },
      { name: ' ', slug: 'n1', admin: { email: 'a@b.example', name: 'A', password: PASSWORD } },
    ];
    for (const payload of bodies) {
      const answer = await app.inject({
        method: 'POST',
        url: '/api/platform/organisations',
        headers: bearer(operator),
        payload: payload as Record<string, unknown>,
      });
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const after = json<OrganisationAnswer[]>(await asOperator('GET', '/api/platform/organisations')).length;
    expect(after).toBe(before);
  });

  it('makes one organisation of two creations of one slug at the same moment', async () => {
    const answers = await Promise.all([
      createOrganisation('twin', 'one@twin.example'),
      createOrganisation('twin', 'two@twin.example'),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    const list = json<OrganisationAnswer[]>(await asOperator('GET', '/api/platform/organisations'));
    expect(list.filter((organisation) => organisation.slug === 'twin')).toHaveLength(1);
    // The loser's admin was never made: the address is free.
    const loser = answers.find((answer) => answer.statusCode === 409);
    const loserEmail = answers.indexOf(loser!) === 0 ? 'one@twin.example' : 'two@twin.example';
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: loserEmail, password: PASSWORD },
    });
    expect(login.statusCode).toBe(401);
  });

  it('renames an organisation, and refuses empty, unknown and malformed changes', async () => {
    const renamed = await asOperator('PATCH', `/api/platform/organisations/${acmeId}`, {
      name: 'Acme Staffing Ltd',
    });
    expect(renamed.statusCode).toBe(200);
    expect(json<OrganisationAnswer>(renamed).name).toBe('Acme Staffing Ltd');
    expect((await asOperator('PATCH', `/api/platform/organisations/${acmeId}`, {})).statusCode).toBe(400);
    expect(
      (await asOperator('PATCH', `/api/platform/organisations/${acmeId}`, { suspended: 'yes' })).statusCode,
    ).toBe(400);
    expect(
      (await asOperator('PATCH', `/api/platform/organisations/${acmeId}`, { slug: 'other' })).statusCode,
    ).toBe(400);
    expect((await asOperator('PATCH', '/api/platform/organisations/nope', { name: 'X' })).statusCode).toBe(
      404,
    );
    const me = json<Record<string, unknown>>(
      await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(acmeAdmin) }),
    );
    expect(me).toMatchObject({
      organisationId: acmeId,
      organisationSlug: 'acme',
      organisationName: 'Acme Staffing Ltd',
    });
  });
});

describe('sign-in', () => {
  it('finds each account’s organisation from its email, deployment-wide', () => {
    expect(firstAdmin.user).toMatchObject({ organisationId: 'first', organisationSlug: 'demo' });
    expect(acmeAdmin.user).toMatchObject({ organisationId: acmeId, organisationSlug: 'acme', role: 'admin' });
  });

  it('keeps emails unique per deployment: no organisation can give an address another one uses', async () => {
    for (const [admin, email] of [
      [acmeAdmin, 'first-admin@example.com'],
      [firstAdmin, 'admin@acme.example'],
      [acmeAdmin, OPERATOR.email],
    ] as const) {
      const answer = await app.inject({
        method: 'POST',
        url: '/api/admin/users',
        headers: bearer(admin),
        payload: { email, name: 'Copy', role: 'recruiter', password: PASSWORD },
      });
      expect(answer.statusCode, email).toBe(409);
    }
  });

  it('refuses a refresh token whose organisation was changed, and an access token naming another one', async () => {
    const parts = acmeAdmin.refreshToken.split('.');
    const forged = [parts[0], parts[1], 'first'].join('.');
    const refreshed = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: forged },
    });
    expect(refreshed.statusCode).toBe(401);
    // Signed with the server's secret (as a leaked one would be), naming the first organisation with acme's ids.
    const claims = JSON.parse(Buffer.from(acmeAdmin.accessToken.split('.')[1]!, 'base64url').toString()) as {
      sub: string;
      sid: string;
    };
    const crossed = signAccessToken(TEST_JWT_SECRET, { sub: claims.sub, sid: claims.sid, org: 'first' });
    expect(
      (await app.inject({ method: 'GET', url: '/api/sync/jobs/pull', headers: bearer(crossed) })).statusCode,
    ).toBe(401);
    for (const org of ['platform', '../x', 'Acme', 42]) {
      const token = signAccessToken(TEST_JWT_SECRET, { sub: claims.sub, sid: claims.sid, org: String(org) });
      const answer = await app.inject({ method: 'GET', url: '/api/sync/jobs/pull', headers: bearer(token) });
      expect(answer.statusCode, String(org)).toBeGreaterThanOrEqual(401);
      expect(answer.statusCode, String(org)).toBeLessThan(404);
    }
    const fresh = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: acmeAdmin.refreshToken },
    });
    expect(fresh.statusCode).toBe(200);
    acmeAdmin = { ...acmeAdmin, ...json<{ accessToken: string; refreshToken: string }>(fresh) };
  });
});

describe('isolation', () => {
  // The same ids in both organisations: nothing may find the other's by id.
  const job = jobDoc({ id: 'job-shared-id', title: 'First’s job' });
  const candidate = candidateDoc({
    id: 'cand-shared-id',
    email: 'same.person@example.org',
    firstName: 'First',
  });

  beforeAll(async () => {
    for (const [session, title, firstName] of [
      [firstAdmin, 'First’s job', 'First'],
      [acmeAdmin, 'Acme’s job', 'Acme'],
    ] as const) {
      const jobs = await create(app, session, 'jobs', { ...job, title });
      expect(jobs.rejections).toEqual([]);
      const candidates = await create(app, session, 'candidates', { ...candidate, firstName });
      expect(candidates.rejections).toEqual([]);
    }
  });

  it('pulls only one’s own organisation’s documents, even with the same ids and emails', async () => {
    const first = await pullAll(app, firstAdmin, 'jobs');
    const acme = await pullAll(app, acmeAdmin, 'jobs');
    expect(first.documents.filter((doc) => doc.id === job.id).map((doc) => doc['title'])).toEqual([
      'First’s job',
    ]);
    expect(acme.documents.map((doc) => doc['title'])).toEqual(['Acme’s job']);
    const acmeCandidates = await pullAll(app, acmeAdmin, 'candidates');
    expect(acmeCandidates.documents.map((doc) => doc['firstName'])).toEqual(['Acme']);
  });

  it('restarts a checkpoint of another organisation instead of reading from it', async () => {
    const first = await pullAll(app, firstAdmin, 'jobs');
    const acme = await pull(app, acmeAdmin, 'jobs', first.checkpoint);
    expect(acme.documents.map((doc) => doc['title'])).toEqual(['Acme’s job']);
  });

  it('pushes into one’s own organisation only: an edit of the other’s version is a new document here', async () => {
    const firstJob = (await pullAll(app, firstAdmin, 'jobs')).documents.find((doc) => doc.id === job.id)!;
    const answer = await push(app, acmeAdmin, 'jobs', [
      { assumedMasterState: firstJob, newDocumentState: { ...firstJob, title: 'Hijacked' } },
    ]);
    // Acme's server version is not the first organisation's: a conflict, answered with acme's own.
    expect(answer.conflicts.map((doc: Doc) => doc['title'])).toEqual(['Acme’s job']);
    const again = (await pullAll(app, firstAdmin, 'jobs')).documents.find((doc) => doc.id === job.id)!;
    expect(again['title']).toBe('First’s job');
  });

  it('keeps files apart', async () => {
    const upload = await app.inject({
      method: 'PUT',
      url: `/api/files/candidates/${candidate.id}/resume?fileName=cv.pdf`,
      headers: { ...bearer(firstAdmin), 'content-type': 'application/pdf' },
      payload: samplePdf(),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const own = await app.inject({
      method: 'GET',
      url: `/api/files/candidates/${candidate.id}/resume`,
      headers: bearer(firstAdmin),
    });
    expect(own.statusCode).toBe(200);
    const other = await app.inject({
      method: 'GET',
      url: `/api/files/candidates/${candidate.id}/resume`,
      headers: bearer(acmeAdmin),
    });
    expect(other.statusCode).toBe(404);
  });

  it('exports, audits, reports and lists users of one’s own organisation only', async () => {
    const exported = await app.inject({
      method: 'GET',
      url: '/api/admin/export',
      headers: bearer(acmeAdmin),
    });
    const lines = exported.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { collection: string; document: Doc });
    const titles = lines.filter((line) => line.collection === 'jobs').map((line) => line.document['title']);
    expect(titles).toEqual(['Acme’s job']);
    expect(exported.body).not.toContain('first-admin@example.com');
    const users = json<{ email: string }[]>(
      await app.inject({ method: 'GET', url: '/api/admin/users', headers: bearer(acmeAdmin) }),
    );
    expect(users.map((user) => user.email)).toEqual(['admin@acme.example']);
    const audit = json<{ entries: { docId: string; userId: string }[] }>(
      await app.inject({ method: 'GET', url: '/api/admin/audit?limit=1000', headers: bearer(acmeAdmin) }),
    );
    expect(audit.entries.length).toBeGreaterThan(0);
    expect(audit.entries.every((entry) => entry.userId === acmeAdmin.user.id)).toBe(true);
    const stats = json<{ jobsByStatus: Record<string, number> }>(
      await app.inject({ method: 'GET', url: '/api/admin/stats', headers: bearer(acmeAdmin) }),
    );
    expect(Object.values(stats.jobsByStatus).reduce((sum, count) => sum + count, 0)).toBe(1);
  });

  it('streams an organisation’s changes to its own people only', async () => {
    const acmeStream = await openStream(app, acmeAdmin);
    const firstStream = await openStream(app, firstAdmin);
    try {
      await acmeStream.next((event) => event.type === 'RESYNC', 0);
      const from = firstStream.mark();
      await create(app, acmeAdmin, 'candidates', candidateDoc());
      await acmeStream.next((event) => event.type === 'change' && event.collection === 'candidates', 0);
      await create(app, firstAdmin, 'jobs', jobDoc());
      await firstStream.next((event) => event.type === 'change' && event.collection === 'jobs', from);
      // The first organisation's stream heard its own jobs change, never acme's candidates.
      expect(firstStream.events.slice(from).some((event) => event.collection === 'candidates')).toBe(false);
    } finally {
      acmeStream.close();
      firstStream.close();
    }
  });

  it('erases a candidate in one organisation and leaves the other’s of the same id alone', async () => {
    const erased = await app.inject({
      method: 'POST',
      url: `/api/admin/candidates/${candidate.id}/erase`,
      headers: bearer(acmeAdmin),
    });
    expect(erased.statusCode, erased.body).toBe(200);
    const first = (await pullAll(app, firstAdmin, 'candidates')).documents.find(
      (doc) => doc.id === candidate.id,
    )!;
    expect(first['email']).toBe('same.person@example.org');
    expect(first['firstName']).toBe('First');
  });
});

describe('careers pages and portals', () => {
  let acmeJobId: string;

  beforeAll(async () => {
    const open = jobDoc({ title: 'Acme open role', status: 'open' });
    acmeJobId = open.id;
    expect((await create(app, acmeAdmin, 'jobs', open)).rejections).toEqual([]);
  });

  it('serves each organisation’s careers page at its slug, and 404 for an unknown one', async () => {
    const page = await app.inject({ method: 'GET', url: '/careers/acme/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('careers.js');
    expect((await app.inject({ method: 'GET', url: '/careers/acme/careers.js' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/careers/acme/secret.txt' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/careers/acme/../../package.json' })).statusCode).toBe(
      404,
    );
    const bare = await app.inject({ method: 'GET', url: '/careers/acme' });
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe('acme/');
    for (const url of ['/careers/nope/', '/careers/nope', '/careers/NOPE/careers.js']) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
    expect((await app.inject({ method: 'GET', url: '/careers/' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/careers/careers.js' })).statusCode).toBe(200);
  });

  it('lists each organisation’s open jobs at its portal, the first one’s unprefixed', async () => {
    const acme = json<{ jobs: { id: string; title: string }[] }>(
      await app.inject({ method: 'GET', url: '/api/portal/acme/jobs' }),
    );
    expect(acme.jobs.map((job) => job.title).sort()).toEqual(['Acme open role', 'Acme’s job']);
    const first = json<{ jobs: { title: string }[] }>(
      await app.inject({ method: 'GET', url: '/api/portal/jobs' }),
    );
    expect(first.jobs.map((job) => job.title)).not.toContain('Acme open role');
    const viaSlug = json<{ jobs: { title: string }[] }>(
      await app.inject({ method: 'GET', url: '/api/portal/demo/jobs' }),
    );
    expect(viaSlug.jobs).toEqual(first.jobs);
    expect((await app.inject({ method: 'GET', url: `/api/portal/jobs/${acmeJobId}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/portal/acme/jobs/${acmeJobId}` })).statusCode).toBe(
      200,
    );
    expect((await app.inject({ method: 'GET', url: '/api/portal/nope/jobs' })).statusCode).toBe(404);
    expect(
      json<OrganisationAnswer>(await app.inject({ method: 'GET', url: '/api/portal/acme/organisation' })),
    ).toMatchObject({
      slug: 'acme',
      name: 'Acme Staffing Ltd',
    });
  });

  it('registers a candidate with the organisation of the careers page, who applies there and nowhere else', async () => {
    const registered = await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'pat@candidates.example', password: PASSWORD, name: 'Pat', organisation: 'acme' },
    });
    expect(registered.statusCode).toBe(201);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'sam@candidates.example', password: PASSWORD, name: 'Sam', organisation: 'nope' },
    });
    expect(unknown.statusCode).toBe(404);
    const candidate = await login(app, 'pat@candidates.example', PASSWORD);
    expect(candidate.user).toMatchObject({ role: 'candidate', organisationSlug: 'acme' });
    // The address is the person's across the deployment: registering it again anywhere changes nothing.
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'pat@candidates.example', password: 'another-password', name: 'Pat' },
    });
    expect(again.statusCode).toBe(201);
    expect((await login(app, 'pat@candidates.example', PASSWORD)).user.organisationSlug).toBe('acme');
    const ownApplications = await app.inject({
      method: 'GET',
      url: '/api/portal/acme/applications',
      headers: bearer(candidate),
    });
    expect(ownApplications.statusCode).toBe(200);
    for (const url of ['/api/portal/applications', '/api/portal/demo/applications']) {
      const answer = await app.inject({ method: 'GET', url, headers: bearer(candidate) });
      expect(answer.statusCode, url).toBe(403);
      expect(json<{ error: { code: string } }>(answer).error.code).toBe('other_organisation');
    }
    const elsewhere = await app.inject({
      method: 'POST',
      url: `/api/portal/jobs/${acmeJobId}/apply`,
      headers: bearer(candidate),
      payload: {},
    });
    expect(elsewhere.statusCode).toBe(403);
  });
});

describe('mailed links', () => {
  /** The one-time link of the newest account mail to `to` in `organisationId`'s outbox. */
  async function mailedLink(organisationId: string, to: string, template: string): Promise<string> {
    const organisation = await app.organisations.byId(organisationId);
    const outbox = ownDatabase(app.organisations.storeOf(organisation!), OUTBOX_DATABASE);
    const { rows } = await outbox.list({ include_docs: true });
    const texts = rows
      .map((row) => row.doc)
      .filter((doc) => doc?.['template'] === template && JSON.stringify(doc['to']).includes(to))
      .sort((a, b) => Number(b?.['createdAt']) - Number(a?.['createdAt']))
      .map((doc) => String(doc?.['text']));
    const link = /https?:\/\/\S*[?#&]token=[A-Za-z0-9_-]+/.exec(texts[0] ?? '')?.[0];
    if (!link) throw new Error(`no ${template} link to ${to}: ${texts.join('\n')}`);
    return link;
  }

  it('confirm an address and reset a password in the account’s own organisation, from its own careers page', async () => {
    const email = 'lee@candidates.example';
    await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email, password: PASSWORD, name: 'Lee', organisation: 'acme' },
    });
    const verify = await mailedLink(acmeId, email, 'email_verification');
    expect(verify).toContain('/careers/acme/#/verify?token=');
    const candidate = await login(app, email, PASSWORD);
    const token = new URL(verify.replace('#/verify', '')).searchParams.get('token');
    // The link is the account's own: the first organisation's people cannot use it, nor a forged copy.
    const tampered = `${token!.slice(0, 43)}first`;
    const refused = await app.inject({
      method: 'POST',
      url: '/api/auth/verify',
      headers: bearer(candidate),
      payload: { token: tampered },
    });
    expect(refused.statusCode).toBe(400);
    const verified = await app.inject({
      method: 'POST',
      url: '/api/auth/verify',
      headers: bearer(candidate),
      payload: { token },
    });
    expect(verified.statusCode, verified.body).toBe(200);

    const asked = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: 'admin@acme.example' },
    });
    expect(asked.statusCode).toBe(202);
    const reset = await mailedLink(acmeId, 'admin@acme.example', 'password_reset');
    const resetToken = new URL(
      reset.replace('/app/reset-password#', '/app/reset-password?'),
    ).searchParams.get('token');
    const confirmed = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: resetToken, password: 'a-new-acme-password' },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(204);
    acmePassword = 'a-new-acme-password';
    acmeAdmin = await login(app, 'admin@acme.example', acmePassword);
  });
});

describe('the integration API', () => {
  const createKey = async (admin: Session) => {
    const answer = await app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: bearer(admin),
      payload: { name: 'HR suite', role: 'admin' },
    });
    expect(answer.statusCode, answer.body).toBe(201);
    return json<{ key: string }>(answer).key;
  };

  it('answers an API key with its own organisation’s documents only, and refuses a key moved to another', async () => {
    acmeKey = await createKey(acmeAdmin);
    const firstKey = await createKey(firstAdmin);
    expect(acmeKey).toMatch(new RegExp(`^slk_${acmeId}_`));
    expect(firstKey).toMatch(/^slk_default_/);

    const acmeJobs = await v1(app, acmeKey, 'GET', '/jobs');
    expect(acmeJobs.statusCode, acmeJobs.body).toBe(200);
    const acmeTitles = json<{ data: { title: string }[] }>(acmeJobs).data.map((job) => job.title);
    expect(acmeTitles).toContain('Acme’s job');
    expect(acmeTitles).not.toContain('First’s job');
    const firstJobs = json<{ data: { title: string }[] }>(await v1(app, firstKey, 'GET', '/jobs')).data;
    expect(firstJobs.map((job) => job.title)).not.toContain('Acme’s job');
    // The same id names a different document in each organisation.
    const shared = await v1(app, acmeKey, 'GET', '/jobs/job-shared-id');
    expect(json<{ title: string }>(shared).title).toBe('Acme’s job');

    // A key whose organisation segment is swapped (or made up) is no key at all.
    const [, , keyId, secret] = /^slk_([a-z0-9-]+)_([a-f0-9]{24})_(.+)$/.exec(acmeKey) ?? [];
    for (const forged of [
      `slk_default_${keyId}_${secret}`,
      `slk_nosuchorg_${keyId}_${secret}`,
      `slk_${acmeId}_${keyId}_${'A'.repeat(43)}`,
    ]) {
      const answer = await v1(app, forged, 'GET', '/jobs');
      expect(answer.statusCode, forged).toBe(401);
    }
    // An admin lists only their own organisation's keys.
    const listed = await app.inject({ method: 'GET', url: '/api/admin/api-keys', headers: bearer(firstAdmin) });
    expect(json<{ id: string }[]>(listed).map((key) => key.id)).not.toContain(keyId);
  });

  it('writes through a key into its own organisation, with the same email free in the other', async () => {
    const created = await v1(app, acmeKey, 'POST', '/candidates', {
      firstName: 'Keyed',
      lastName: 'Person',
      email: 'keyed.person@example.org',
      source: 'other',
    });
    expect(created.statusCode, created.body).toBe(201);
    const again = await v1(app, acmeKey, 'POST', '/candidates', {
      firstName: 'Keyed',
      lastName: 'Again',
      email: 'KEYED.person@example.org',
      source: 'other',
    });
    expect(codeOf(again)).toBe('duplicate_email');
    const elsewhere = await v1(app, firstAdmin, 'POST', '/candidates', {
      firstName: 'Keyed',
      lastName: 'Person',
      email: 'keyed.person@example.org',
      source: 'other',
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    const acmeCandidates = await pullAll(app, acmeAdmin, 'candidates');
    expect(acmeCandidates.documents.map((doc) => doc['email'])).toContain('keyed.person@example.org');
  });

  it('delivers an organisation’s webhooks for its own events only', async () => {
    const subscribed = await app.inject({
      method: 'POST',
      url: '/api/admin/webhooks',
      headers: bearer(acmeAdmin),
      payload: { url: receiver.url, events: ['application.created'] },
    });
    expect(subscribed.statusCode, subscribed.body).toBe(201);
    const applied = async (caller: Session, firstName: string) => {
      const candidate = await v1(app, caller, 'POST', '/candidates', {
        firstName,
        lastName: 'Hooked',
        email: `${firstName.toLowerCase()}.hooked@example.org`,
        source: 'other',
      });
      expect(candidate.statusCode, candidate.body).toBe(201);
      const application = await v1(app, caller, 'POST', '/applications', {
        jobId: 'job-shared-id',
        candidateId: json<{ id: string }>(candidate).id,
      });
      expect(application.statusCode, application.body).toBe(201);
      return json<{ id: string }>(application).id;
    };
    const firstApplication = await applied(firstAdmin, 'Firsthook');
    const acmeApplication = await applied(acmeAdmin, 'Acmehook');
    await waitFor(
      'acme’s delivery',
      () => Promise.resolve(receiver.received.find((hook) => hook.body.includes(acmeApplication)) ?? null),
      10_000,
    );
    // The first organisation subscribed to nothing: its application is sent nowhere.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received.some((hook) => hook.body.includes(firstApplication))).toBe(false);
  });
});

describe('suspension', () => {
  it('refuses a suspended organisation’s people on their next request, ends their streams, and keeps their data', async () => {
    const stream = await openStream(app, acmeAdmin);
    await stream.next((event) => event.type === 'RESYNC', 0);
    const suspended = await asOperator('PATCH', `/api/platform/organisations/${acmeId}`, { suspended: true });
    expect(json<OrganisationAnswer>(suspended).suspended).toBe(true);
    await waitFor('the stream to end', () => Promise.resolve(stream.ended || null), 5_000);
    for (const [method, url] of [
      ['GET', '/api/sync/jobs/pull'],
      ['GET', '/api/admin/users'],
      ['GET', '/api/auth/me'],
    ] as const) {
      const answer = await app.inject({ method, url, headers: bearer(acmeAdmin) });
      expect(answer.statusCode, url).toBe(403);
      expect(json<{ error: { code: string } }>(answer).error.code).toBe('organisation_suspended');
    }
    const refreshed = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: acmeAdmin.refreshToken },
    });
    expect(refreshed.statusCode).toBe(403);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@acme.example', password: acmePassword },
    });
    expect(signIn.statusCode).toBe(403);
    // A wrong password still says only that it is wrong.
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@acme.example', password: 'wrong-password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/portal/acme/jobs' })).statusCode).toBe(403);
    const keyed = await v1(app, acmeKey, 'GET', '/jobs');
    expect([keyed.statusCode, codeOf(keyed)]).toEqual([403, 'organisation_suspended']);
    // Other organisations go on.
    expect(
      (await app.inject({ method: 'GET', url: '/api/sync/jobs/pull', headers: bearer(firstAdmin) }))
        .statusCode,
    ).toBe(200);

    await asOperator('PATCH', `/api/platform/organisations/${acmeId}`, { suspended: false });
    const back = await pullAll(app, acmeAdmin, 'jobs');
    expect(back.documents.map((doc) => doc['title'])).toContain('Acme’s job');
  });
});

describe('a second instance on the same store', () => {
  it('serves an organisation the first one created after it started, live, and ends its streams on suspension', async () => {
    const second = await buildTestApp(testStore, {
      dbPrefix: app.organisations.platform.prefix.replace(/platform_$/, ''),
    });
    await second.listen({ port: 0, host: '127.0.0.1' });
    try {
      const created = await createOrganisation('late', 'admin@late.example');
      expect(created.statusCode).toBe(201);
      const lateId = json<OrganisationAnswer>(created).id;
      const onSecond = await login(second, 'admin@late.example', PASSWORD);
      const onFirst = await login(app, 'admin@late.example', PASSWORD);
      const stream = await openStream(second, onSecond);
      await stream.next((event) => event.type === 'RESYNC', 0);
      await create(app, onFirst, 'jobs', jobDoc());
      await stream.next((event) => event.type === 'change' && event.collection === 'jobs', 0);
      await asOperator('PATCH', `/api/platform/organisations/${lateId}`, { suspended: true });
      await waitFor(
        'the other instance to end the stream',
        () => Promise.resolve(stream.ended || null),
        8_000,
      );
      const refused = await second.inject({
        method: 'GET',
        url: '/api/sync/jobs/pull',
        headers: bearer(onSecond),
      });
      expect(refused.statusCode).toBe(403);
    } finally {
      await second.close();
    }
  });
});

describe('the operator account', () => {
  it('is updated from the configuration on the next start: the configured password works again', async () => {
    const second = await buildTestApp(testStore, {
      dbPrefix: app.organisations.platform.prefix.replace(/platform_$/, ''),
      operator: { email: OPERATOR.email, password: 'a-new-operator-password' },
    });
    try {
      expect((await login(second, OPERATOR.email, 'a-new-operator-password')).user.role).toBe('operator');
      const old = await second.inject({ method: 'POST', url: '/api/auth/login', payload: OPERATOR });
      expect(old.statusCode).toBe(401);
      // Another instance sees the organisations this one made.
      expect((await login(second, 'admin@acme.example', acmePassword)).user.organisationId).toBe(acmeId);
    } finally {
      await second.close();
    }
  });

  it('cannot take an address an organisation uses', async () => {
    await expect(
      buildTestApp(testStore, {
        dbPrefix: app.organisations.platform.prefix.replace(/platform_$/, ''),
        operator: { email: 'admin@acme.example', password: 'whatever-password' },
      }),
    ).rejects.toThrow(/SHORTLIST_OPERATOR_EMAIL/);
  });
});
