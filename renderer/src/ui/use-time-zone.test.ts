import { describe, expect, it } from 'vitest';
import { formatShortIn } from './use-time-zone';

describe('short moments in a zone', () => {
  const at = '2027-03-02T09:00:00.000Z';

  it('writes the wall clock of the zone, not of this computer', () => {
    expect(formatShortIn(at, 'UTC')).toBe('2 Mar 2027, 09:00');
    expect(formatShortIn(at, 'Europe/Berlin')).toBe('2 Mar 2027, 10:00');
    expect(formatShortIn(at, 'Asia/Tokyo', true)).toBe('Tue 2 Mar 2027, 18:00');
    // Across midnight, the day changes too.
    expect(formatShortIn('2027-03-02T23:30:00.000Z', 'Asia/Tokyo', true)).toBe('Wed 3 Mar 2027, 08:30');
  });

  it('leaves the year out where space is short, and reuses formatters without mixing their styles', () => {
    expect(formatShortIn(at, 'America/New_York', true, false)).toBe('Tue 2 Mar, 04:00');
    expect(formatShortIn(at, 'America/New_York', true)).toBe('Tue 2 Mar 2027, 04:00');
    expect(formatShortIn(at, 'America/New_York')).toBe('2 Mar 2027, 04:00');
  });
});
