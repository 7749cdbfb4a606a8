import { describe, expect, it } from 'vitest';
import { matchesSelector } from './couch-store';

describe('re-checking what an index returned', () => {
  const doc = { _id: 'c1', status: 'sending', at: 10, serverMeta: { emailKey: 'ada@example.org' } };

  it('matches equality on dotted paths', () => {
    expect(matchesSelector(doc, { 'serverMeta.emailKey': 'ada@example.org' })).toBe(true);
    expect(matchesSelector(doc, { 'serverMeta.emailKey': 'bob@example.org' })).toBe(false);
    expect(matchesSelector(doc, { 'missing.path': 'x' })).toBe(false);
  });

  it('drops a document whose field changed after it was indexed', () => {
    expect(matchesSelector(doc, { status: 'pending' })).toBe(false);
  });

  it('matches ranges on numbers only', () => {
    expect(matchesSelector(doc, { at: { $gte: 10 } })).toBe(true);
    expect(matchesSelector(doc, { at: { $gt: 10 } })).toBe(false);
    expect(matchesSelector(doc, { at: { $lt: 11, $gte: 0 } })).toBe(true);
    expect(matchesSelector(doc, { status: { $gte: 0 } })).toBe(false);
  });
});
