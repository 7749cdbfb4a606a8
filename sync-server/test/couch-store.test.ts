import { describe, expect, it } from 'vitest';
import { useSchemaStore } from './support/test-server';

const store = useSchemaStore();

describe('reading and writing many documents at once', () => {
  it('reads the ones that exist, leaving out missing, deleted and unstorable ids', async () => {
    const written = await store().putMany('jobs', [
      { _id: 'kept', title: 'Kept' },
      { _id: 'gone', title: 'Gone' },
    ]);
    const gone = written[1];
    if (!gone?.ok) throw new Error('not written');
    await store().db('jobs').destroy('gone', gone.rev);

    const found = await store().getMany('jobs', ['kept', 'gone', 'never', '_design/x', 'kept']);
    expect([...found.keys()]).toEqual(['kept']);
    expect(found.get('kept')).toMatchObject({ _id: 'kept', title: 'Kept' });
    expect((await store().getMany('jobs', [])).size).toBe(0);
  });

  it('writes each document with the revision it was read at, and reports a lost race per document', async () => {
    await store().putMany('jobs', [
      { _id: 'a', title: 'A' },
      { _id: 'b', title: 'B' },
    ]);
    const read = await store().getMany('jobs', ['a', 'b']);
    const a = read.get('a');
    const b = read.get('b');
    if (!a || !b) throw new Error('not read');
    // Someone else writes b first.
    expect(await store().put('jobs', { ...b, title: 'B by someone else' })).toMatchObject({ ok: true });

    const results = await store().putMany('jobs', [
      { ...a, title: 'A2' },
      { ...b, title: 'B2' },
      { _id: 'c', title: 'C' },
    ]);
    expect(results.map((result) => result.ok)).toEqual([true, false, true]);
    const after = await store().getMany('jobs', ['a', 'b', 'c']);
    expect([...after.values()].map((doc) => doc['title'])).toEqual(['A2', 'B by someone else', 'C']);
  });
});
