import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CANDIDATE_IDS } from '../demo/demo-candidates';
import { DEMO_USER_IDS } from '../demo/demo-users';
import { create, edit, pull, pullAll, push, serverDoc, type Doc } from './support/sync-client';
import {
  bearer,
  buildDemoApp,
  login,
  startTestStore,
  type Session,
  type TestStore,
} from './support/test-server';

let testStore: TestStore;
let app: FastifyInstance;
let admin: Session;
let manager: Session;
let recruiter: Session;
let otherRecruiter: Session;
let interviewer: Session;

beforeAll(async () => {
  testStore = await startTestStore();
  ({ app } = await buildDemoApp(testStore));
  [admin, manager, recruiter, otherRecruiter, interviewer] = await Promise.all([
    login(app, 'admin@example.com'),
    login(app, 'hr.manager@example.com'),
    login(app, 'recruiter1@example.com'),
    login(app, 'recruiter2@example.com'),
    login(app, 'interviewer1@example.com'),
  ]);
});

afterAll(async () => {
  await app.close();
  await testStore.stop();
});

let sequence = 0;
function comment(by: Session, overrides: Partial<Doc> = {}): Doc {
  sequence += 1;
  return {
    id: `comment-attack-${sequence}-${Date.now().toString(36)}`,
    updatedAt: Date.now(),
    candidateId: DEMO_CANDIDATE_IDS.mayaOkafor,
    body: 'Strong on systems design.',
    mentions: [],
    createdBy: by.user.id,
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

/** A comment `by` wrote, as the server stored it. */
async function written(by: Session, overrides: Partial<Doc> = {}): Promise<Doc> {
  const doc = comment(by, overrides);
  expect((await create(app, by, 'comments', doc)).rejections).toEqual([]);
  const stored = await serverDoc(app, by, 'comments', doc.id);
  if (!stored) throw new Error('the comment was not stored');
  return stored;
}

const laterIso = (ms = 1_000) => new Date(Date.now() + ms).toISOString();

describe('only its author edits a comment', () => {
  it('refuses another recruiter’s, a hiring manager’s and an admin’s edit, and keeps the words', async () => {
    const original = await written(recruiter);
    for (const by of [otherRecruiter, manager, admin]) {
      const result = await edit(app, by, 'comments', original.id, (doc) => ({
        ...doc,
        body: 'Weak on systems design.',
        editedAt: laterIso(),
      }));
      expect(result.rejections).toEqual([
        expect.objectContaining({ id: original.id, code: 'forbidden_role' }),
      ]);
      expect(result.conflicts[0]).toMatchObject({ id: original.id, body: original['body'] });
    }
    expect(await serverDoc(app, manager, 'comments', original.id)).toMatchObject({
      body: original['body'],
      createdBy: recruiter.user.id,
    });
    expect(await serverDoc(app, manager, 'comments', original.id)).not.toHaveProperty('editedAt');
  });

  it('takes the author’s edit, marked with when it was made; everyone sees it', async () => {
    const original = await written(recruiter);
    const editedAt = laterIso();
    const result = await edit(app, recruiter, 'comments', original.id, (doc) => ({
      ...doc,
      body: 'Strong on systems design and on people.',
      editedAt,
    }));
    expect(result.rejections).toEqual([]);
    expect(await serverDoc(app, otherRecruiter, 'comments', original.id)).toMatchObject({
      body: 'Strong on systems design and on people.',
      editedAt,
      createdAt: original['createdAt'],
    });
  });

  it('never lets even the author change who wrote it, where it is, or when', async () => {
    const original = await written(recruiter);
    const forgeries: Partial<Doc>[] = [
      { createdBy: DEMO_USER_IDS.hiringManager },
      { candidateId: DEMO_CANDIDATE_IDS.weiZhang },
      { applicationId: 'some-job__some-candidate' },
      { createdAt: new Date(Date.now() - 86_400_000).toISOString() },
    ];
    for (const forged of forgeries) {
      const result = await edit(app, recruiter, 'comments', original.id, (doc) => ({
        ...doc,
        body: 'Edited with a forgery.',
        editedAt: laterIso(),
        ...forged,
      }));
      expect(result.rejections[0]?.code).toBe('immutable_field');
    }
    const stored = await serverDoc(app, recruiter, 'comments', original.id);
    expect(stored).toMatchObject({ body: original['body'], createdBy: recruiter.user.id });
    expect(stored).toEqual(original);
  });

  it('dates an undated rewrite on arrival', async () => {
    const original = await written(recruiter);
    const from = Date.now();
    const result = await edit(app, recruiter, 'comments', original.id, (doc) => ({
      ...doc,
      body: 'Rewritten, no date',
    }));
    expect(result.rejections).toEqual([]);
    const stored = await serverDoc(app, recruiter, 'comments', original.id);
    expect(stored).toMatchObject({ body: 'Rewritten, no date' });
    expect(Date.parse(String(stored?.['editedAt']))).toBeGreaterThanOrEqual(from);
    expect(Date.parse(String(stored?.['editedAt']))).toBeLessThanOrEqual(Date.now());
  });

  it('refuses a rewrite that hides or fakes its date', async () => {
    const original = await written(recruiter);
    const cases: [Partial<Doc>, string][] = [
      [{ body: 'Rewritten in the future', editedAt: laterIso(3_600_000) }, 'invalid_time'],
      [{ body: 'Rewritten before it was written', editedAt: '2020-01-01T00:00:00.000Z' }, 'invalid_time'],
      [{ body: 'Rewritten at no real time', editedAt: '2026-03-01T25:61:00Z' }, 'invalid_time'],
    ];
    for (const [change, code] of cases) {
      const result = await edit(app, recruiter, 'comments', original.id, (doc) => ({ ...doc, ...change }));
      expect(result.rejections[0]?.code).toBe(code);
    }
    const once = await edit(app, recruiter, 'comments', original.id, (doc) => ({
      ...doc,
      body: 'Rewritten properly',
      editedAt: laterIso(),
    }));
    expect(once.rejections).toEqual([]);
    const unmarked = await edit(app, recruiter, 'comments', original.id, (doc) => {
      const { editedAt: _dropped, ...rest } = doc;
      return rest;
    });
    expect(unmarked.rejections[0]?.code).toBe('immutable_field');
    expect(await serverDoc(app, recruiter, 'comments', original.id)).toMatchObject({
      body: 'Rewritten properly',
      editedAt: once.sent['editedAt'],
    });
  });

  it('refuses a new comment dated in the future, and stores nothing', async () => {
    const future = comment(recruiter, { createdAt: laterIso(3_600_000) });
    expect((await create(app, recruiter, 'comments', future)).rejections[0]?.code).toBe('invalid_time');
    expect(await serverDoc(app, recruiter, 'comments', future.id)).toBeUndefined();
  });
});

describe('deleting a comment', () => {
  it('lets its author delete it: a tombstone reaches the others, and the words are gone from it', async () => {
    const original = await written(recruiter, { body: 'A private aside about the salary.' });
    const { checkpoint } = await pullAll(app, manager, 'comments');
    const result = await edit(app, recruiter, 'comments', original.id, (doc) => ({ ...doc, _deleted: true }));
    expect(result.rejections).toEqual([]);
    const { documents } = await pull(app, manager, 'comments', checkpoint);
    const tombstone = documents.find((doc) => doc.id === original.id);
    expect(tombstone).toMatchObject({ id: original.id, _deleted: true });
    expect(JSON.stringify(tombstone)).not.toContain('salary');
  });

  it('refuses another recruiter’s, a hiring manager’s and an interviewer’s delete; the comment stays', async () => {
    const original = await written(recruiter);
    for (const [by, code] of [
      [otherRecruiter, 'delete_forbidden'],
      [manager, 'delete_forbidden'],
    ] as const) {
      const result = await edit(app, by, 'comments', original.id, (doc) => ({ ...doc, _deleted: true }));
      expect(result.rejections).toEqual([expect.objectContaining({ id: original.id, code })]);
      expect(result.conflicts[0]).toMatchObject({ id: original.id, _deleted: false, body: original['body'] });
    }
    // Interviewers do not see comments at all; a blind tombstone for the id is refused too.
    const blind = await push(app, interviewer, 'comments', [
      { assumedMasterState: null, newDocumentState: { ...original, _deleted: true } },
    ]);
    expect(blind.rejections[0]?.code).toBe('forbidden_role');
    expect(await serverDoc(app, manager, 'comments', original.id)).toEqual(original);
  });

  it('lets an admin delete anyone’s comment (moderation)', async () => {
    const original = await written(manager);
    const result = await edit(app, admin, 'comments', original.id, (doc) => ({ ...doc, _deleted: true }));
    expect(result.rejections).toEqual([]);
    expect(await serverDoc(app, manager, 'comments', original.id)).toMatchObject({ _deleted: true });
  });

  it('an edit made on a laptop that had not seen the delete is a conflict, and the comment stays deleted', async () => {
    const original = await written(recruiter);
    expect(
      (await edit(app, recruiter, 'comments', original.id, (doc) => ({ ...doc, _deleted: true }))).rejections,
    ).toEqual([]);
    const late = await push(app, recruiter, 'comments', [
      {
        assumedMasterState: original,
        newDocumentState: { ...original, body: 'Edited offline', editedAt: laterIso() },
      },
    ]);
    expect(late.conflicts[0]).toMatchObject({ id: original.id, _deleted: true });
    expect(await serverDoc(app, recruiter, 'comments', original.id)).toMatchObject({ _deleted: true });
  });
});

describe('two laptops edit one comment at once', () => {
  it('one edit wins, the other is answered with the winner (a conflict), never both', async () => {
    const original = await written(recruiter);
    const rewrite = (body: string) =>
      push(app, recruiter, 'comments', [
        { assumedMasterState: original, newDocumentState: { ...original, body, editedAt: laterIso() } },
      ]);
    const [first, second] = await Promise.all([
      rewrite('From the first laptop'),
      rewrite('From the second laptop'),
    ]);
    const outcomes = [first, second].map((result) => (result.conflicts.length > 0 ? 'conflict' : 'written'));
    expect(outcomes.sort()).toEqual(['conflict', 'written']);
    const winner = first.conflicts.length > 0 ? 'From the second laptop' : 'From the first laptop';
    const loser = first.conflicts.length > 0 ? first : second;
    expect(loser.conflicts[0]).toMatchObject({ body: winner });
    expect(await serverDoc(app, manager, 'comments', original.id)).toMatchObject({ body: winner });
  });
});

describe('a comment of the wrong shape is refused whole, and nothing is stored', () => {
  const badFields: [string, unknown][] = [
    ['updatedAt', 'soon'],
    ['candidateId', 42],
    ['candidateId', null],
    ['candidateId', ''],
    ['candidateId', '../_users'],
    ['applicationId', 7],
    ['applicationId', 'ab'],
    ['body', ''],
    ['body', 12],
    ['body', null],
    ['body', 'x'.repeat(5_001)],
    ['body', { text: 'hi' }],
    ['mentions', DEMO_USER_IDS.hiringManager],
    ['mentions', [42]],
    ['mentions', [null]],
    ['mentions', Array.from({ length: 21 }, (_each, index) => `user-${index}`)],
    ['mentions', null],
    ['createdBy', 3],
    ['createdBy', null],
    ['createdAt', 'yesterday'],
    ['createdAt', 1_700_000_000_000],
    ['editedAt', 'just now'],
    ['editedAt', true],
    ['role', 'admin'],
  ];

  const labelled = badFields.map(
    ([field, value]) => [field, JSON.stringify(value).slice(0, 40), value] as const,
  );
  it.each(labelled)('a new comment with %s = %s', async (field, _label, value) => {
    const bad = { ...comment(recruiter), [field]: value };
    const result = await create(app, recruiter, 'comments', bad);
    expect(result.rejections).toEqual([expect.objectContaining({ id: bad.id, code: 'validation_failed' })]);
    expect(await serverDoc(app, recruiter, 'comments', bad.id)).toBeUndefined();
  });

  it('an edit with any of them leaves the stored comment as it was', async () => {
    const original = await written(recruiter);
    for (const [field, value] of badFields) {
      const result = await edit(app, recruiter, 'comments', original.id, (doc) => ({
        ...doc,
        editedAt: laterIso(),
        [field]: value,
      }));
      expect(result.rejections[0]?.code, `${field} = ${JSON.stringify(value)}`).toBe('validation_failed');
    }
    expect(await serverDoc(app, recruiter, 'comments', original.id)).toEqual(original);
  });

  it('ids the store cannot hold, and missing fields, are refused', async () => {
    for (const id of ['', 'a'.repeat(400)]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/sync/comments/push',
        headers: bearer(recruiter),
        payload: [{ newDocumentState: { ...comment(recruiter), id, _deleted: false } }],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'invalid_request' } });
    }
    for (const id of ['_design/x', '../x', '_all_docs']) {
      const result = await create(app, recruiter, 'comments', { ...comment(recruiter), id });
      expect(result.rejections[0]?.code).toBe('validation_failed');
    }
    for (const field of ['candidateId', 'body', 'mentions', 'createdAt']) {
      const whole = comment(recruiter);
      const partial: Doc = { id: whole.id };
      for (const [key, value] of Object.entries(whole)) if (key !== field) partial[key] = value;
      const result = await create(app, recruiter, 'comments', partial);
      expect(result.rejections[0]?.code, field).toBe('validation_failed');
      expect(await serverDoc(app, recruiter, 'comments', whole.id)).toBeUndefined();
    }
  });

  it('a push that is not a list of rows is a 400 with a reason, and changes nothing', async () => {
    const before = await pullAll(app, recruiter, 'comments');
    for (const payload of [
      { newDocumentState: comment(recruiter) },
      [{ newDocumentState: 'comment' }],
      'x',
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/sync/comments/push',
        headers: { ...bearer(recruiter), 'content-type': 'application/json' },
        payload: JSON.stringify(payload),
      });
      expect(response.statusCode).toBe(400);
      const { error } = response.json<{ error: { code: unknown; message: unknown } }>();
      expect(error.code).toBe('invalid_request');
      expect(typeof error.message).toBe('string');
    }
    expect((await pullAll(app, recruiter, 'comments')).documents).toHaveLength(before.documents.length);
  });
});
