/** The zone times are written in when nobody chose one. */
export const DEFAULT_TIME_ZONE = 'UTC';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One `Intl.DateTimeFormat` per locale, zone and style, made once: making one costs a hundred times
 * more than using it, and boards and lists format thousands of moments. `style` names the options.
 */
export function dateTimeFormat(
  locale: string,
  zone: string,
  style: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${style}`;
  let known = formatters.get(key);
  if (!known) {
    known = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formatters.set(key, known);
  }
  return known;
}

const knownZones = new Map<string, boolean>();

/** Whether `zone` is an IANA time zone this runtime knows (e.g. `Europe/Berlin`). */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  let isKnown: boolean;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    isKnown = true;
  } catch {
    isKnown = false;
  }
  // Bounded: zone names come from documents, and a crafted one must not grow the map for ever.
  if (knownZones.size < 1_000) knownZones.set(zone, isKnown);
  return isKnown;
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
  const parts = dateTimeFormat('en-GB', zone, 'when', {
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

/** The wall-clock time in `zone` at `at`, as `YYYY-MM-DDTHH:mm:ss` (no offset). */
export function wallClock(at: Date | string | number, zone: string): string {
  const date = at instanceof Date ? at : new Date(at);
  const parts = dateTimeFormat('en-CA', zone, 'wall-clock', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((item) => item.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
}

/** How far `zone` is ahead of UTC at `at`, in ms. */
function offsetAt(at: number, zone: string): number {
  const [date = '', time = ''] = wallClock(at, zone).split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second] = time.split(':').map(Number);
  const asUtc = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The moment a wall-clock time (`YYYY-MM-DDTHH:mm`, optionally `:ss`) is in `zone`, in ms; NaN when
 * it cannot be read. A time a clock change skips is read with the offset before the change.
 */
export function instantIn(local: string, zone: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return Number.NaN;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const asUtc = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second || 0);
  const first = asUtc - offsetAt(asUtc, zone);
  return asUtc - offsetAt(first, zone);
}
