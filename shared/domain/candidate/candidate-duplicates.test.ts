import { describe, expect, it } from 'vitest';
import { candidate } from '../../test-support/fixtures';
import { duplicatePairs, duplicateReasons, likelyDuplicates, phoneKey } from './candidate-duplicates';

const ada = candidate({
  id: 'c1',
  phone: '+49 30 1234 5678',
  currentCompany: 'Analytical Engines',
  location: 'London',
});

describe('likely duplicates', () => {
  it.each([
    [
      'the same email in other case',
      { email: 'ADA@Example.org', currentCompany: 'Other', location: 'Paris' },
      ['email'],
    ],
    [
      'the same phone written another way',
      { email: 'x@y.z', phone: '030 12345678', currentCompany: 'Other', location: 'Paris' },
      ['phone'],
    ],
    ['the same name at the same company', { email: 'x@y.z', phone: undefined }, ['name_and_company']],
    [
      'the same name, accents aside, in the same place',
      { email: 'x@y.z', firstName: 'Adá', currentCompany: 'Other' },
      ['name_and_location'],
    ],
    ['a typo in the name at the same company', { email: 'x@y.z', lastName: 'Lovelase' }, ['similar_name']],
    [
      'first and last name swapped at the same company',
      { email: 'x@y.z', firstName: 'Lovelace', lastName: 'Ada' },
      ['similar_name'],
    ],
  ] as const)('finds %s', (_label, change, reasons) => {
    expect(duplicateReasons(ada, { ...ada, phone: undefined, ...change })).toEqual(reasons);
  });

  it('does not take the same name alone, or a different person at the same company, for a duplicate', () => {
    const namesake = { ...ada, email: 'x@y.z', phone: undefined, currentCompany: 'Other', location: 'Paris' };
    expect(duplicateReasons(ada, namesake)).toEqual([]);
    const colleague = { ...ada, email: 'x@y.z', phone: undefined, firstName: 'Charles', lastName: 'Babbage' };
    expect(duplicateReasons(ada, colleague)).toEqual([]);
    expect(phoneKey('12')).toBeNull();
  });

  it('leaves out the record itself and merged records', () => {
    const others = [ada, candidate({ id: 'c2', mergedInto: 'c1' }), candidate({ id: 'c3' })];
    expect(likelyDuplicates(ada, others).map((found) => found.candidate.id)).toEqual(['c3']);
  });

  it('pairs every duplicate once among many records, without comparing all pairs', () => {
    const many = Array.from({ length: 5_000 }, (_, index) =>
      candidate({
        id: `x${index}`,
        firstName: `First${index}`,
        lastName: `Last${index}`,
        email: `p${index}@example.org`,
      }),
    );
    const typo = candidate({
      id: 'c9',
      email: 'ada.l@example.org',
      lastName: 'Lovelase',
      currentCompany: 'Analytical Engines',
    });
    const pairs = duplicatePairs([...many, ada, typo]);
    expect(pairs.map((pair) => [pair.first.id, pair.second.id, pair.reasons])).toEqual([
      ['c1', 'c9', ['similar_name']],
    ]);
  });
});
