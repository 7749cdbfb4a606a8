import { describe, expect, it } from 'vitest';
import { candidate } from './candidate-fixture';
import { toSearchEntry } from './candidate-search';
import { decodeRows, encodeRows, snapshotFormat } from './candidate-snapshot-codec';

const full = toSearchEntry(
  candidate('c1', {
    firstName: 'Zoë',
    lastName: 'Åström',
    phone: '+46 8 123 45',
    location: 'Göteborg',
    currentCompany: 'Acme',
    currentTitle: 'Engineer',
    skills: ['Rust', 'Go'],
    tags: ['Top 10'],
    mergedInto: 'c9',
  }),
);
const bare = toSearchEntry(candidate('c2'));

describe('stored search entries', () => {
  it('read back equal to the entries written, every field and the revision heights', () => {
    const text = encodeRows([full, bare, full], [3, 1, 7], 0, 2);
    expect(decodeRows(text)).toEqual({ entries: [full, bare], heights: [3, 1] });
    expect(decodeRows(encodeRows([full, bare], [3, 1], 1, 10))).toEqual({ entries: [bare], heights: [1] });
    expect('mergedInto' in (decodeRows(encodeRows([bare], [1], 0, 1))?.entries[0] ?? {})).toBe(false);
  });

  it('refuse a text with any row that is not one they write', () => {
    const [row] = JSON.parse(encodeRows([full], [3], 0, 1)) as unknown[][];
    if (!row) throw new Error('no row');
    const spoiled = (index: number, value: unknown) =>
      JSON.stringify([row, row.map((field, at) => (at === index ? value : field))]);
    expect(decodeRows(JSON.stringify([row]))).not.toBeNull();
    expect(decodeRows('{"not": "rows"}')).toBeNull();
    expect(decodeRows('[[1, "c1"')).toBeNull();
    expect(decodeRows(JSON.stringify([row.slice(1)]))).toBeNull();
    expect(decodeRows(spoiled(0, 0))).toBeNull();
    expect(decodeRows(spoiled(0, 1.5))).toBeNull();
    expect(decodeRows(spoiled(1, ''))).toBeNull();
    expect(decodeRows(spoiled(2, null))).toBeNull();
    expect(decodeRows(spoiled(10, 'carrier-pigeon'))).toBeNull();
    expect(decodeRows(spoiled(11, ['ok', 3]))).toBeNull();
    expect(decodeRows(spoiled(15, 'maya'))).toBeNull();
  });

  it('carries what today’s code makes of a probe candidate, so a snapshot of other code is not used', () => {
    const [layout, rows] = [
      snapshotFormat().split(':')[0],
      snapshotFormat().slice(snapshotFormat().indexOf(':') + 1),
    ];
    expect(layout).toBe('1');
    const probe = decodeRows(rows);
    expect(probe?.entries).toHaveLength(1);
    expect(probe?.entries[0]?.words).toContain('zoe');
    expect(probe?.entries[0]?.mergedInto).toBe('survivor');
  });
});
