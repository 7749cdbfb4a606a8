import { defaultSettings } from '#shared/domain/settings/settings-schema';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_SCHEMAS, COLLECTIONS, type CollectionName } from '#shared/domain/collections';
import { neutralTombstone } from '#shared/sync/removal';
import { applicationDoc, candidateDoc, interviewDoc, jobDoc, uniqueId } from './support/fixtures';
import { create, edit, push, serverDoc, type Doc } from './support/sync-client';
import { buildDemoApp, login, startTestStore, type Session, type TestStore } from './support/test-server';

let testStore: TestStore;
let app: FastifyInstance;
let manager: Session;
let interviewerId: string;

beforeAll(async () => {
  testStore = await startTestStore();
  ({ app } = await buildDemoApp(testStore));
  manager = await login(app, 'hr.manager@example.com');
  interviewerId = (await login(app, 'interviewer1@example.com')).user.id;
});

afterAll(async () => {
  await app.close();
  await testStore.stop();
});

/** The parts of a JSON Schema the wrong values are derived from. */
interface SchemaNode {
  type?: string;
  anyOf?: SchemaNode[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
}

/** A value of a type the node does not allow (arrays and objects get a string; strings get a number…). */
function wrongValue(node: SchemaNode): unknown {
  const types = node.anyOf ? node.anyOf.map((branch) => branch.type) : [node.type];
  if (!types.includes('string')) return 'abc';
  if (!types.includes('number') && !types.includes('integer')) return 123;
  return [1, 2, 3];
}

/** Every field path of a document, nested objects and array items included, with a wrong value for it. */
function wrongFields(
  node: SchemaNode,
  path: (string | number)[] = [],
): { path: (string | number)[]; value: unknown }[] {
  const here = path.length > 0 ? [{ path, value: wrongValue(node) }] : [];
  if (node.type === 'object' && node.properties) {
    return [
      ...here,
      ...Object.entries(node.properties).flatMap(([field, child]) => wrongFields(child, [...path, field])),
    ];
  }
  if (node.type === 'array' && node.items) return [...here, ...wrongFields(node.items, [...path, 0])];
  return here;
}

/** `doc` with the value at `path` replaced (missing containers on the way are created). */
function withValue(doc: Doc, path: readonly (string | number)[], value: unknown): Doc {
  const copy = structuredClone(doc);
  let target: Record<string | number, unknown> = copy;
  for (const [index, key] of path.entries()) {
    if (index === path.length - 1) {
      target[key] = value;
      break;
    }
    const next = target[key];
    if (typeof next !== 'object' || next === null)
      target[key] = typeof path[index + 1] === 'number' ? [{}] : {};
    target = target[key] as Record<string | number, unknown>;
  }
  return copy;
}

/** A valid new document of each collection, with what it refers to created first. */
async function validDocument(collection: CollectionName): Promise<Doc> {
  if (collection === 'settings') return { ...defaultSettings(0) };
  if (collection === 'users')
    return {
      id: uniqueId('u'),
      updatedAt: 0,
      name: 'N',
      email: 'n@example.org',
      role: 'recruiter',
      active: true,
    };
  const job = jobDoc();
  if (collection === 'jobs') return job;
  const candidate = candidateDoc();
  if (collection === 'candidates') return candidate;
  expect((await create(app, manager, 'jobs', job)).rejections).toEqual([]);
  expect((await create(app, manager, 'candidates', candidate)).rejections).toEqual([]);
  if (collection === 'comments')
    return {
      id: uniqueId('comment'),
      updatedAt: 0,
      candidateId: candidate.id,
      body: 'Strong on systems design.',
      mentions: [],
      createdBy: manager.user.id,
      createdAt: new Date().toISOString(),
    };
  const application = applicationDoc(job.id, candidate.id);
  if (collection === 'applications') return application;
  expect((await create(app, manager, 'applications', application)).rejections).toEqual([]);
  if (collection === 'messages') {
    const at = new Date().toISOString();
    return {
      id: uniqueId('msg'),
      updatedAt: 0,
      candidateId: candidate.id,
      applicationId: application.id,
      kind: 'rejection',
      subject: 'Your application',
      body: 'Dear N, thank you.',
      status: 'queued',
      stageChangeAt: at,
      createdBy: manager.user.id,
      createdAt: at,
    };
  }
  return interviewDoc(application, [interviewerId], {
    scorecards: [
      { interviewerId, rating: 4, recommendation: 'yes', notes: 'n', submittedAt: new Date().toISOString() },
    ],
  });
}

describe('a push is judged whole: a wrongly typed field in any row of any collection', () => {
  it.each(COLLECTIONS)(
    '%s: every field refused by name, the rest of the batch stored, nothing echoed',
    async (collection) => {
      const base = await validDocument(collection);
      const cases = wrongFields(COLLECTION_SCHEMAS[collection] as SchemaNode).filter(
        ({ path }) => path[0] !== 'id',
      );
      expect(cases.length).toBeGreaterThan(3);
      const badRows = cases.map(({ path, value }) => ({
        path,
        doc: withValue({ ...base, id: uniqueId('bad') }, path, value),
      }));
      const good =
        collection === 'applications' || collection === 'settings'
          ? base
          : { ...base, id: uniqueId('good'), ...(collection === 'interviews' ? { scorecards: [] } : {}) };
      const response = await app.inject({
        method: 'POST',
        url: `/api/sync/${collection}/push`,
        headers: { authorization: `Bearer ${manager.accessToken}` },
        payload: [
          ...badRows.map(({ doc }) => ({
            assumedMasterState: null,
            newDocumentState: { ...doc, _deleted: false },
          })),
          { assumedMasterState: null, newDocumentState: { ...good, _deleted: false } },
        ],
      });
      expect(response.statusCode, response.body).toBe(200);
      const result = response.json<{
        conflicts: Doc[];
        rejections: { id: string; code: string; message: string }[];
      }>();
      for (const { path, doc } of badRows) {
        const rejection = result.rejections.find((entry) => entry.id === doc.id);
        expect(rejection?.code, path.join('.')).toBe('validation_failed');
        expect(rejection?.message, path.join('.')).toContain(String(path[0]));
        // The answer for a document the server never had is a neutral tombstone, never the client's own.
        const answer = result.conflicts.find((entry) => entry.id === doc.id);
        const { updatedAt: _a, ...content }: Doc = answer ?? { id: 'missing' };
        const { updatedAt: _b, ...neutral } = neutralTombstone(collection, doc.id, 0);
        expect(content, path.join('.')).toEqual(neutral);
      }
      if (collection === 'users') {
        expect(result.rejections.find((entry) => entry.id === good.id)?.code).toBe('read_only_collection');
      } else if (collection === 'settings') {
        // Every store has its settings: a creation of them is a conflict, answered with the server's.
        expect(result.conflicts.find((entry) => entry.id === good.id)).toMatchObject({ _deleted: false });
      } else {
        expect(result.rejections.find((entry) => entry.id === good.id)).toBeUndefined();
        expect(await serverDoc(app, manager, collection, good.id)).toBeDefined();
      }
      for (const { doc } of badRows) expect(await app.store.get(collection, doc.id)).toBeNull();
    },
  );

  it('a wrongly typed edit of an existing document gets the server’s version back, unchanged', async () => {
    const job = jobDoc();
    await create(app, manager, 'jobs', job);
    for (const broken of [
      { requirements: 'abc' },
      { salaryMin: 'abc' },
      { updatedAt: 'yesterday' },
      { status: 7 },
    ]) {
      const result = await edit(app, manager, 'jobs', job.id, (doc) => ({ ...doc, ...broken }));
      expect(result.rejections[0]?.code).toBe('validation_failed');
      expect(result.conflicts[0]).toMatchObject({ id: job.id, title: job['title'], _deleted: false });
    }
    expect(await serverDoc(app, manager, 'jobs', job.id)).toMatchObject({
      requirements: job['requirements'],
    });
  });

  it('assumed master states of any shape are conflicts or matches, never a failure', async () => {
    const job = jobDoc();
    await create(app, manager, 'jobs', job);
    for (const assumed of [
      { id: job.id, title: 5 },
      { id: job.id, requirements: 'x' },
    ]) {
      const result = await push(app, manager, 'jobs', [
        { assumedMasterState: assumed, newDocumentState: job },
      ]);
      expect(result.conflicts[0]).toMatchObject({ id: job.id, title: job['title'] });
    }
  });
});
