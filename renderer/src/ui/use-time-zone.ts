import { useContext } from 'react';
import { dateTimeFormat, formatWhen } from '#shared/domain/user/time-zone';
import { systemTimeZone, TimeZoneContext } from './TimeZoneProvider';

export { systemTimeZone, useOwnUser } from './TimeZoneProvider';

/** The zone the app shows times in (see `TimeZoneProvider`); this computer's outside a provider. */
export function useTimeZone(): string {
  return useContext(TimeZoneContext) ?? systemTimeZone();
}

/** A moment as the person reads it, in their zone and naming it. */
export function useFormatWhen(): (at: string | number) => string {
  const zone = useTimeZone();
  return (at) => formatWhen(at, zone);
}

/**
 * A moment in short, in `zone`: "3 Mar 2026, 10:00" (with `weekday`, "Tue 3 Mar 2026, 10:00"; without
 * `year`, "Tue 3 Mar, 10:00" where space is short).
 */
export function formatShortIn(at: string | number, zone: string, withWeekday = false, withYear = true): string {
  const parts = shortFormat(zone, withWeekday, withYear).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((item) => item.type === type)?.value ?? '';
  const date = withYear ? `${part('day')} ${part('month')} ${part('year')}` : `${part('day')} ${part('month')}`;
  const day = `${date}, ${part('hour')}:${part('minute')}`;
  return withWeekday ? `${part('weekday')} ${day}` : day;
}

/** One formatter per zone and style: making one costs far more than using it (boards show hundreds). */
function shortFormat(zone: string, withWeekday: boolean, withYear: boolean): Intl.DateTimeFormat {
  return dateTimeFormat('en-GB', zone, `short|${String(withWeekday)}|${String(withYear)}`, {
    ...(withWeekday ? { weekday: 'short' as const } : {}),
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' as const } : {}),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

/** Short moments in the person's zone (lists, timelines). */
export function useFormatShort(): (at: string | number, withWeekday?: boolean, withYear?: boolean) => string {
  const zone = useTimeZone();
  return (at, withWeekday, withYear) => formatShortIn(at, zone, withWeekday, withYear);
}
