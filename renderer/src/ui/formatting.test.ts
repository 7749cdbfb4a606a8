import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatSalaryRange } from './formatting';

describe('formatting', () => {
  it('writes salaries with the currency and thousands separators', () => {
    expect(formatSalaryRange(85_000, 105_000, 'EUR', 'en-GB')).toBe('€85,000 – €105,000');
    expect(formatSalaryRange(85_000, undefined, 'USD', 'en-US')).toBe('from $85,000');
    expect(formatSalaryRange(undefined, 60_000, 'GBP', 'en-GB')).toBe('up to £60,000');
    expect(formatSalaryRange(undefined, undefined, 'EUR')).toBeNull();
    expect(formatMoney(64_000, 'EUR', 'de-DE')).toBe('64.000\u00a0€');
  });

  it('writes dates one way', () => {
    const at = new Date(2026, 2, 2, 14, 2);
    expect(formatDate(at)).toBe('2 Mar 2026');
    expect(formatDateTime(at.getTime())).toBe('2 Mar 2026, 14:02');
  });
});
