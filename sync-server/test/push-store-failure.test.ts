import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadDemoIfEmpty } from '../demo/load-demo';
import { candidateDoc } from './support/fixtures';
import { startHoldingProxy, type ProxyBehaviour } from './support/server-process';
import { push, type Doc } from './support/sync-client';
import { codeOf, v1 } from './support/v1-client';
import {
  freshPrefix,
  login,
  startTestStore,
  TEST_JWT_SECRET,
  type Session,
  type TestStore,
} from './support/test-server';

let testStore: TestStore;
let proxy: Awaited<ReturnType<typeof startHoldingProxy>>;
let app: FastifyInstance;
let recruiter: Session;
let behaviour: (url: string, method: string) => ProxyBehaviour = () => 'pass';

beforeAll(async () => {
  testStore = await startTestStore();
  proxy = await startHoldingProxy(testStore.store.url, (request) =>
    behaviour(request.url ?? '', request.method ?? ''),
  );
  app = await buildApp({
    couchUrl: proxy.url,
    dbPrefix: freshPrefix(),
    jwtSecret: TEST_JWT_SECRET,
    logger: false,
  });
  await app.ready();
  await loadDemoIfEmpty(app.store, Date.now());
  recruiter = await login(app, 'recruiter1@example.com');
});

afterAll(async () => {
  await app.close();
  await proxy.close();
  await testStore.stop();
});

const rowsOf = (docs: Doc[]) =>
  docs.map((doc) => ({ assumedMasterState: null, newDocumentState: { ...doc, _deleted: false } }));

describe('a push whose store connection dies mid-write', () => {
  it('answers exactly which rows are stored, and a repeat of the push is harmless', async () => {
    const docs = [candidateDoc(), candidateDoc(), candidateDoc()];
    let cut = false;
    behaviour = (url, method) => {
      // The store writes the batch; its answer never reaches the server.
      if (!cut && method === 'POST' && url.includes('candidates/_bulk_docs')) {
        cut = true;
        return 'cut-answer';
      }
      return 'pass';
    };
    const result = await push(app, recruiter, 'candidates', rowsOf(docs));
    expect(cut).toBe(true);
    expect(result).toEqual({ conflicts: [], rejections: [] });
    for (const doc of docs) expect(await app.store.get('candidates', doc.id)).not.toBeNull();

    behaviour = () => 'pass';
    const again = await push(app, recruiter, 'candidates', rowsOf(docs));
    expect(again.rejections).toEqual([]);
    // The laptop gets the server's versions back: the same content it pushed.
    for (const doc of docs) {
      const { updatedAt: _u, ...content } = again.conflicts.find((conflict) => conflict.id === doc.id) ?? {
        id: '',
      };
      const { updatedAt: _v, ...sent } = doc;
      expect({ ...content, createdBy: sent['createdBy'] }).toEqual({
        ...sent,
        createdBy: sent['createdBy'],
        _deleted: false,
      });
    }
  });

  it('fails whole (503) when the store cannot even be read back, storing what it stored once', async () => {
    const docs = [candidateDoc(), candidateDoc()];
    let cut = false;
    behaviour = (url, method) => {
      if (!cut && method === 'POST' && url.includes('candidates/_bulk_docs')) {
        cut = true;
        return 'cut-answer';
      }
      return cut && url.includes('candidates/_bulk_get') ? 'cut-answer' : 'pass';
    };
    const response = await app.inject({
      method: 'POST',
      url: '/api/sync/candidates/push',
      headers: { authorization: `Bearer ${recruiter.accessToken}` },
      payload: rowsOf(docs),
    });
    expect(response.statusCode).toBe(503);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('store_unavailable');
    behaviour = () => 'pass';
    const retry = await push(app, recruiter, 'candidates', rowsOf(docs));
    expect(retry.rejections).toEqual([]);
    expect(retry.conflicts.map((doc) => doc.id).sort()).toEqual(docs.map((doc) => doc.id).sort());
  });
});

describe('a store that refuses what the server asks', () => {
  const pushAnswer = () =>
    app.inject({
      method: 'POST',
      url: '/api/sync/candidates/push',
      headers: { authorization: `Bearer ${recruiter.accessToken}` },
      payload: rowsOf([candidateDoc()]),
    });

  it('answers 503 when the store cannot open a database (out of files: no_db_file), not a 4xx', async () => {
    behaviour = (url) =>
      url.includes('candidates/') ? { status: 404, body: { error: 'not_found', reason: 'no_db_file' } } : 'pass';
    const response = await pushAnswer();
    behaviour = () => 'pass';
    expect(response.statusCode).toBe(503);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('store_unavailable');
  });

  it('answers 500, not the store’s 4xx, when the store refuses a request the server made', async () => {
    behaviour = (url) =>
      url.includes('candidates/') ? { status: 400, body: { error: 'bad_request', reason: 'invalid' } } : 'pass';
    const response = await pushAnswer();
    behaviour = () => 'pass';
    // The laptop did nothing wrong: a 4xx would tell it to drop the row.
    expect(response.statusCode).toBe(500);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('internal_error');
  });
});

describe('an integration API write whose store connection dies mid-write', () => {
  it('answers exactly: stored, with the document, and a repeat with its key is the same answer', async () => {
    const application = (await v1(app, recruiter, 'GET', '/applications?stage=applied')).json<{
      data: { id: string }[];
    }>().data[0]!;
    let cut = false;
    behaviour = (url, method) => {
      if (!cut && method === 'POST' && url.includes('applications/_bulk_docs')) {
        cut = true;
        return 'cut-answer';
      }
      return 'pass';
    };
    const headers = { 'idempotency-key': `cut-${Date.now()}` };
    const moved = await v1(
      app,
      recruiter,
      'PATCH',
      `/applications/${application.id}/stage`,
      { stage: 'screening' },
      headers,
    );
    expect(cut).toBe(true);
    expect([moved.statusCode, codeOf(moved)], moved.body).toEqual([200, 'ok']);
    expect(moved.json()).toMatchObject({ id: application.id, stage: 'screening' });
    behaviour = () => 'pass';
    const again = await v1(
      app,
      recruiter,
      'PATCH',
      `/applications/${application.id}/stage`,
      { stage: 'screening' },
      headers,
    );
    expect(again.json()).toEqual(moved.json());
    const history = (await v1(app, recruiter, 'GET', `/applications/${application.id}/history`)).json<{
      data: unknown[];
    }>();
    expect(history.data).toHaveLength(2);
  });
});
