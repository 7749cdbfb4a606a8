import { describe, expect, it } from 'vitest';
import { effectiveTimeZone, formatWhen, instantIn, isTimeZone, wallClock } from './time-zone';

describe('time zones', () => {
  it('writes a moment for its reader, naming the zone', () => {
    const at = '2026-03-03T09:00:00.000Z';
    expect(formatWhen(at, 'Europe/Berlin')).toBe('Tuesday 3 March 2026, 10:00 (Europe/Berlin)');
    expect(formatWhen(at, 'UTC')).toBe('Tuesday 3 March 2026, 09:00 (UTC)');
    expect(wallClock(at, 'America/New_York')).toBe('2026-03-03T04:00:00');
  });

  it('reads a wall-clock time in a zone, across clock changes', () => {
    expect(new Date(instantIn('2026-03-03T10:00', 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-03T09:00:00.000Z',
    );
    expect(new Date(instantIn('2026-07-01T10:00', 'Europe/Berlin')).toISOString()).toBe(
      '2026-07-01T08:00:00.000Z',
    );
    expect(new Date(instantIn('2026-07-01T10:00:30', 'UTC')).toISOString()).toBe('2026-07-01T10:00:30.000Z');
    expect(instantIn('tomorrow', 'UTC')).toBeNaN();
  });

  it('falls back from the person to the organisation to UTC', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(effectiveTimeZone(undefined, 'Mars/Olympus', 'Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(effectiveTimeZone(null, undefined)).toBe('UTC');
  });
});
