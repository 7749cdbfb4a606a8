/** The zone times are written in when nobody chose one. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** Whether `zone` is an IANA time zone this runtime knows (e.g. `Europe/Berlin`). */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The first of `zones` that is a known time zone, else UTC: a person's, then the organisation's. */
export function effectiveTimeZone(...zones: readonly (string | null | undefined)[]): string {
  return (
    zones.find((zone): zone is string => typeof zone === 'string' && isTimeZone(zone)) ?? DEFAULT_TIME_ZONE
  );
}

/**
 * A moment written for a reader in `zone`, naming the zone, e.g.
 * "Tuesday 3 March 2026, 10:00 (Europe/Berlin)": the reader never has to guess which clock is meant.
 */
export function formatWhen(at: Date | string | number, zone: string): string {
  const date = at instanceof Date ? at : new Date(at);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} (${zone})`;
}
