import { toIso } from '#shared/domain/common/time';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A moment of the demo, relative to the day the demo is built: so many days back or ahead, at a UTC hour. */
export type DemoMoment =
  | { readonly daysAgo: number; readonly hour: number; readonly minute?: number }
  | { readonly workdaysAhead: number; readonly hour: number; readonly minute?: number };

/**
 * The demo's calendar. Every date of the demo organisation is relative to `now`, so the data always
 * looks current: past moments fall on earlier UTC days (so before `now`), upcoming ones on the next
 * working days (so after `now`, never on a weekend).
 */
export interface DemoClock {
  readonly now: number;
  /** The moment in milliseconds. */
  at(moment: DemoMoment): number;
  /** The moment as an ISO-8601 date-time. */
  iso(moment: DemoMoment): string;
  /** `ms` plus some minutes, as an ISO-8601 date-time. */
  isoPlusMinutes(ms: number, minutes: number): string;
  /** A calendar date (`YYYY-MM-DD`) so many days after today; negative for the past. */
  date(daysFromToday: number): string;
}

export function demoClock(now: number): DemoClock {
  const startOfToday = Math.floor(now / DAY_MS) * DAY_MS;

  const dayStart = (moment: DemoMoment): number => {
    if ('daysAgo' in moment) return startOfToday - moment.daysAgo * DAY_MS;
    let day = startOfToday;
    let remaining = moment.workdaysAhead;
    while (remaining > 0) {
      day += DAY_MS;
      const weekday = new Date(day).getUTCDay();
      if (weekday !== 0 && weekday !== 6) remaining -= 1;
    }
    return day;
  };

  const at = (moment: DemoMoment): number =>
    dayStart(moment) + moment.hour * HOUR_MS + (moment.minute ?? 0) * MINUTE_MS;

  return {
    now,
    at,
    iso: (moment) => toIso(at(moment)),
    isoPlusMinutes: (ms, minutes) => toIso(ms + minutes * MINUTE_MS),
    date: (daysFromToday) => toIso(startOfToday + daysFromToday * DAY_MS).slice(0, 10),
  };
}
