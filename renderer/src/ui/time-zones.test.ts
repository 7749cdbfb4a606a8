import { describe, expect, it } from 'vitest';
import { formatInZone, formatTimeInZone, timeZoneOf, viewerTimeZone, zoneName } from './time-zones';

const AT = Date.parse('2026-03-03T13:00:00.000Z');

describe('times in time zones', () => {
  it('writes a moment in a named zone', () => {
    expect(formatInZone(AT, 'Europe/Berlin')).toBe('Tue 3 Mar 2026, 14:00');
    expect(formatInZone(AT, 'America/New_York')).toBe('Tue 3 Mar 2026, 08:00');
    expect(formatTimeInZone(AT, 'Asia/Tokyo')).toBe('22:00');
    expect(zoneName('Europe/Berlin', AT)).toMatch(/^Europe\/Berlin \((CET|GMT\+1)\)$/);
  });

  it('takes a person’s zone from their directory entry when it is a real one', () => {
    expect(timeZoneOf({ timeZone: 'Europe/London' })).toBe('Europe/London');
    expect(timeZoneOf({ timeZone: 'Mars/Olympus' })).toBeNull();
    expect(timeZoneOf({ timeZone: 42 })).toBeNull();
    expect(timeZoneOf(undefined)).toBeNull();
    expect(viewerTimeZone({ timeZone: 'Asia/Tokyo' })).toBe('Asia/Tokyo');
    expect(viewerTimeZone({})).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
