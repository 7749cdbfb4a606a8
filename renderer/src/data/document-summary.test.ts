import { describe, expect, it } from 'vitest';
import { describeDocument } from './document-summary';
import { fnv1a } from './hash';

describe('describeDocument', () => {
  it('names a document in a few words', () => {
    expect(describeDocument('jobs', { title: 'Designer' })).toBe('Job “Designer”');
    expect(describeDocument('candidates', { firstName: 'Ada', lastName: 'Lovelace' })).toBe('Candidate Ada Lovelace');
    expect(describeDocument('interviews', { type: 'phone', scheduledAt: '2026-03-01T09:30:00.000Z' })).toBe(
      'Interview phone on 2026-03-01 09:30',
    );
  });
});

describe('fnv1a', () => {
  it('is stable and spreads', () => {
    expect(fnv1a('abc')).toBe(fnv1a('abc'));
    expect(fnv1a('abc')).not.toBe(fnv1a('abd'));
    expect(fnv1a('abc')).toMatch(/^[0-9a-f]{32}$/);
  });
});
