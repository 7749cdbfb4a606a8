import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../demo/load-demo';
import { IDEMPOTENCY_TTL_MS, purgeExpiredIdempotencyRecords } from '../services/idempotency-records';
import { codeOf, listAll, v1 } from './support/v1-client';
import {
  buildTestApp,
  freshPrefix,
  login,
  startTestStore,
  type Session,
  type TestStore,
} from './support/test-server';

/** Two server instances on one store (one prefix), as several processes behind a load balancer. */
let testStore: TestStore;
let first: FastifyInstance;
let second: FastifyInstance;
let recruiter: Session;
let manager: Session;

beforeAll(async () => {
  testStore = await startTestStore();
  const prefix = freshPrefix();
  first = await buildTestApp(testStore, { dbPrefix: prefix });
  second = await buildTestApp(testStore, { dbPrefix: prefix });
  await loadDemoIfEmpty(first.store, Date.now());
  [recruiter, manager] = await Promise.all([
    login(first, 'recruiter1@example.com'),
    login(second, 'hr.manager@example.com'),
  ]);
});

afterAll(async () => {
  await Promise.all([first.close(), second.close()]);
  await testStore.stop();
});

const jobBody = (title: string) => ({
  title,
  department: 'Engineering',
  location: 'Remote',
  employmentType: 'full_time',
  description: 'Races.',
});

async function countTitled(title: string): Promise<number> {
  const { items } = await listAll(first, recruiter, '/jobs?limit=200');
  return items.filter((item) => item['title'] === title).length;
}

describe('Idempotency-Key', () => {
  it('answers a repeat with the first answer, and makes one job', async () => {
    const headers = { 'idempotency-key': `create-${Date.now()}` };
    const title = `Idempotent ${Date.now()}`;
    const once = await v1(first, recruiter, 'POST', '/jobs', jobBody(title), headers);
    expect(once.statusCode, once.body).toBe(201);
    const again = await v1(second, recruiter, 'POST', '/jobs', jobBody(title), headers);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(once.json());
    expect(again.headers['etag']).toBe(once.headers['etag']);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await countTitled(title)).toBe(1);
    // The same key with another body is a mistake, not a new request.
    const other = await v1(first, recruiter, 'POST', '/jobs', jobBody(`${title} (other)`), headers);
    expect([other.statusCode, codeOf(other)]).toEqual([422, 'idempotency_key_reused']);
    // Another person's key of the same text is theirs alone.
    const theirs = await v1(first, manager, 'POST', '/jobs', jobBody(title), headers);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json<{ id: string }>().id).not.toBe(once.json<{ id: string }>().id);
    for (const key of ['', 'x'.repeat(256), 'with space', 'tab\there']) {
      expect(
        (await v1(first, recruiter, 'POST', '/jobs', jobBody(title), { 'idempotency-key': key })).statusCode,
        key,
      ).toBe(400);
    }
  });

  it('gives one write for two concurrent requests with one key on two instances', async () => {
    for (let round = 0; round < 4; round += 1) {
      const headers = { 'idempotency-key': `race-${round}-${Date.now()}` };
      const title = `Raced ${round} ${Date.now()}`;
      const [a, b] = await Promise.all([
        v1(first, recruiter, 'POST', '/jobs', jobBody(title), headers),
        v1(second, recruiter, 'POST', '/jobs', jobBody(title), headers),
      ]);
      expect([a.statusCode, b.statusCode], `${a.body} ${b.body}`).toEqual([201, 201]);
      expect(a.json()).toEqual(b.json());
      expect(await countTitled(title)).toBe(1);
    }
  });

  it('replays a refusal too, and makes one stage move', async () => {
    const open = (await listAll(first, recruiter, '/applications?stage=applied')).items[0]!;
    const headers = { 'idempotency-key': `move-${Date.now()}` };
    const [a, b] = await Promise.all([
      v1(first, recruiter, 'PATCH', `/applications/${open.id}/stage`, { stage: 'screening' }, headers),
      v1(second, recruiter, 'PATCH', `/applications/${open.id}/stage`, { stage: 'screening' }, headers),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const history = (await v1(first, recruiter, 'GET', `/applications/${open.id}/history`)).json<{
      data: unknown[];
    }>();
    expect(history.data.filter((entry) => (entry as { to: string }).to === 'screening')).toHaveLength(1);
    const refusedKey = { 'idempotency-key': `refused-${Date.now()}` };
    const refused = await v1(
      first,
      recruiter,
      'PATCH',
      `/applications/${open.id}/stage`,
      { stage: 'hired' },
      refusedKey,
    );
    const replayed = await v1(
      second,
      recruiter,
      'PATCH',
      `/applications/${open.id}/stage`,
      { stage: 'hired' },
      refusedKey,
    );
    expect([refused.statusCode, replayed.statusCode]).toEqual([422, 422]);
    expect(replayed.json()).toEqual(refused.json());
  });
});

describe('Idempotency-Key after a crash', () => {
  it('runs a repeat whose first run died after its write, finding that write instead of making another', async () => {
    const headers = { 'idempotency-key': `crash-${Date.now()}` };
    const title = `Crashed ${Date.now()}`;
    const original = await v1(first, recruiter, 'POST', '/jobs', jobBody(title), headers);
    expect(original.statusCode).toBe(201);
    // As if the instance died after writing the job and before recording its answer: the claim stays
    // pending, and goes stale.
    const records = first.store.server.use<Record<string, unknown>>(`${first.store.prefix}idempotency`);
    const listed = await records.list({ include_docs: true });
    const record = listed.rows
      .map((row) => row.doc)
      .find((doc) => doc?.['state'] === 'done' && JSON.stringify(doc).includes(title));
    expect(record).toBeDefined();
    await records.insert({ ...record, state: 'pending', claimedAt: Date.now() - 60_000, answer: undefined });
    const repeat = await v1(second, recruiter, 'POST', '/jobs', jobBody(title), headers);
    expect(repeat.statusCode, repeat.body).toBe(201);
    expect(repeat.json<{ id: string }>().id).toBe(original.json<{ id: string }>().id);
    expect(await countTitled(title)).toBe(1);
  });
});

describe('Idempotency records', () => {
  it('are deleted once their key may be used again, and only then', async () => {
    const headers = { 'idempotency-key': `old-${Date.now()}` };
    const title = `Old key ${Date.now()}`;
    expect((await v1(first, recruiter, 'POST', '/jobs', jobBody(title), headers)).statusCode).toBe(201);
    const now = Date.now();
    expect(await purgeExpiredIdempotencyRecords(first.store, now)).toBe(0);
    expect(
      (await v1(second, recruiter, 'POST', '/jobs', jobBody(title), headers)).headers['idempotent-replayed'],
    ).toBe('true');
    expect(
      await purgeExpiredIdempotencyRecords(first.store, now + IDEMPOTENCY_TTL_MS + 1_000),
    ).toBeGreaterThan(0);
    const records = await first.store.server.use(`${first.store.prefix}idempotency`).list();
    expect(records.rows.filter((row) => !row.id.startsWith('_design/'))).toEqual([]);
  });
});

describe('If-Match', () => {
  it('lets one of two concurrent changes of one version through, on two instances', async () => {
    const created = await v1(first, recruiter, 'POST', '/jobs', jobBody(`Contended ${Date.now()}`));
    const id = created.json<{ id: string }>().id;
    for (let round = 0; round < 4; round += 1) {
      const etag = (await v1(first, recruiter, 'GET', `/jobs/${id}`)).headers['etag'] as string;
      const [a, b] = await Promise.all([
        v1(first, recruiter, 'PATCH', `/jobs/${id}`, { title: `A ${round}` }, { 'if-match': etag }),
        v1(second, manager, 'PATCH', `/jobs/${id}`, { title: `B ${round}` }, { 'if-match': etag }),
      ]);
      expect([a.statusCode, b.statusCode].sort(), `${a.body} ${b.body}`).toEqual([200, 412]);
      const winner = a.statusCode === 200 ? a : b;
      expect((await v1(second, recruiter, 'GET', `/jobs/${id}`)).json()).toEqual(winner.json());
    }
  });

  it('without it, two concurrent stage moves are judged one after the other', async () => {
    const open = (await listAll(first, recruiter, '/applications?stage=applied')).items[0]!;
    const [a, b] = await Promise.all([
      v1(first, recruiter, 'PATCH', `/applications/${open.id}/stage`, { stage: 'screening' }),
      v1(second, manager, 'PATCH', `/applications/${open.id}/stage`, { stage: 'screening' }),
    ]);
    expect([codeOf(a), codeOf(b)].sort()).toEqual(['history_mismatch', 'ok'].sort());
    const history = (await v1(first, recruiter, 'GET', `/applications/${open.id}/history`)).json<{
      data: unknown[];
    }>();
    expect(history.data).toHaveLength(2);
  });
});
