/**
 * Times in people's time zones. Users will carry a `timeZone` (IANA, e.g. `Europe/Berlin`) once the
 * admin console sets one (issue 17); until then a person's zone is unknown and the viewer's own is
 * the device's.
 */

import { dateTimeFormat, isTimeZone } from '#shared/domain/user/time-zone';

/** The device's time zone (IANA). */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A person's own time zone, when their directory entry names a valid one; else null. */
export function timeZoneOf(user: object | undefined): string | null {
  const zone = user && 'timeZone' in user ? user.timeZone : undefined;
  return typeof zone === 'string' && zone !== '' && isTimeZone(zone) ? zone : null;
}

/** The viewer's zone: their own (directory entry), else the device's. */
export function viewerTimeZone(user: object | undefined): string {
  return timeZoneOf(user) ?? deviceTimeZone();
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/** `ms` in `timeZone`, e.g. "Tue 3 Mar 2026, 14:00". */
export function formatInZone(
  ms: number,
  timeZone: string,
  options: Intl.DateTimeFormatOptions = DATE_TIME,
): string {
  const style = options === DATE_TIME ? 'date-time' : JSON.stringify(options);
  const parts = dateTimeFormat('en-GB', timeZone, style, options).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)?.value;
  const date = [part('weekday'), part('day'), part('month'), part('year')].filter(Boolean).join(' ');
  const time = part('hour') !== undefined ? `${part('hour')}:${part('minute')}` : '';
  return [date, time].filter(Boolean).join(', ');
}

/** Only the time of day of `ms` in `timeZone`, e.g. "14:00". */
export function formatTimeInZone(ms: number, timeZone: string): string {
  return formatInZone(ms, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** The zone's name with its abbreviation or offset at `ms`, e.g. "Europe/Berlin (CET)". */
export function zoneName(timeZone: string, ms: number): string {
  const short = dateTimeFormat('en-GB', timeZone, 'zone-name', { timeZoneName: 'short' })
    .formatToParts(new Date(ms))
    .find((part) => part.type === 'timeZoneName')?.value;
  return short && short !== timeZone ? `${timeZone} (${short})` : timeZone;
}
