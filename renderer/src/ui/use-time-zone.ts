import { effectiveTimeZone, formatWhen } from '#shared/domain/user/time-zone';
import { useActor } from '../data/hooks/use-database';
import { useLiveDocument, useSettings } from '../data/hooks/use-documents';
import type { User } from '#shared/domain/user/user-schema';

/** The zone of this computer, as the OS reports it. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The signed-in person's directory entry (their preferences), live; null until it syncs. */
export function useOwnUser(): User | null | undefined {
  const actor = useActor();
  return useLiveDocument((db) => db.users.findOne(actor.id), [actor.id]);
}

/** The zone the app shows times in: the person's own, else the organisation's, else this computer's. */
export function useTimeZone(): string {
  const own = useOwnUser();
  const settings = useSettings();
  return effectiveTimeZone(own?.timeZone, settings?.timeZone, systemTimeZone());
}

/** A moment as the person reads it, in their zone and naming it. */
export function useFormatWhen(): (at: string | number) => string {
  const zone = useTimeZone();
  return (at) => formatWhen(at, zone);
}

/** A moment in short, in `zone`: "3 Mar 2026, 10:00" (with `weekday`, "Tue 3 Mar 2026, 10:00"). */
export function formatShortIn(at: string | number, zone: string, withWeekday = false): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    ...(withWeekday ? { weekday: 'short' as const } : {}),
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((item) => item.type === type)?.value ?? '';
  const day = `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}`;
  return withWeekday ? `${part('weekday')} ${day}` : day;
}

/** Short moments in the person's zone (lists, timelines). */
export function useFormatShort(): (at: string | number, withWeekday?: boolean) => string {
  const zone = useTimeZone();
  return (at, withWeekday) => formatShortIn(at, zone, withWeekday);
}
