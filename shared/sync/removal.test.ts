import { defaultSettings } from '../domain/settings/settings-schema';
import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { application, candidate, interview, job, message, user } from '../test-support/fixtures';
import { COLLECTION_SCHEMAS, COLLECTIONS, type CollectionName } from '../domain/collections';
import { neutralTombstone } from './removal';

const SAMPLES: Record<CollectionName, Record<string, unknown>> = {
  users: user('u-1', 'recruiter'),
  settings: defaultSettings(1),
  jobs: job(),
  candidates: candidate({ phone: '+49 30 1', notes: 'Met at the conference.' }),
  applications: application('offer'),
  interviews: interview(),
  messages: message({ sentTo: 'ada@example.org' }),
  comments: {
    id: 'comment-1',
    updatedAt: 1,
    candidateId: 'cand-1',
    body: 'Strong on systems design.',
    mentions: ['recruiter-1'],
    createdBy: 'hiring_manager-1',
    createdAt: '2026-03-01T10:00:00.000Z',
  },
};

/** Every string found anywhere in a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('neutral tombstones', () => {
  it.each(COLLECTIONS)('%s: schema-valid, deleted, and named by its id', (collection) => {
    const tombstone = neutralTombstone(collection, 'doc-7', 42);
    const { _deleted, ...content } = tombstone;
    expect(_deleted).toBe(true);
    expect(content).toMatchObject({ id: 'doc-7', updatedAt: 42 });
    expect(
      Value.Check(COLLECTION_SCHEMAS[collection], {
        ...content,
        id: collection === 'applications' ? 'a__b' : 'doc-7',
      }),
    ).toBe(true);
  });

  it.each(COLLECTIONS)(
    '%s: carries no value of a real document beyond the enums and the id',
    (collection) => {
      const tombstone = neutralTombstone(collection, 'doc-7', 42);
      const real = new Set(strings(SAMPLES[collection]).filter((text) => text.length > 1));
      const leaked = strings(tombstone).filter((text) => text !== 'doc-7' && real.has(text));
      const enumValues = new Set(strings(JSON.parse(JSON.stringify(COLLECTION_SCHEMAS[collection]))));
      expect(leaked.filter((text) => !enumValues.has(text))).toEqual([]);
    },
  );

  it('names a refused row even when its id is not valid', () => {
    expect(neutralTombstone('jobs', '../_users', 1)).toMatchObject({ id: '../_users', _deleted: true });
  });
});
