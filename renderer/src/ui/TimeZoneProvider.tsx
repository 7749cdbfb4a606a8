import { createContext, type ReactNode } from 'react';
import { effectiveTimeZone } from '#shared/domain/user/time-zone';
import type { User } from '#shared/domain/user/user-schema';
import { useActor } from '../data/hooks/use-database';
import { useLiveDocument, useSettings } from '../data/hooks/use-documents';

/** The zone the app shows times in, worked out once for the whole window (null outside the provider). */
export const TimeZoneContext = createContext<string | null>(null);

/** The zone of this computer, as the OS reports it. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The signed-in person's directory entry (their preferences), live; null until it syncs. */
export function useOwnUser(): User | null | undefined {
  const actor = useActor();
  return useLiveDocument((db) => db.users.findOne(actor.id), [actor.id]);
}

/**
 * Provides the zone times are shown in: the person's own, else the organisation's, else this
 * computer's. Read once here, so a list of a thousand dates does not watch the directory a thousand times.
 */
export function TimeZoneProvider({ children }: { readonly children: ReactNode }) {
  const own = useOwnUser();
  const settings = useSettings();
  const zone = effectiveTimeZone(own?.timeZone, settings?.timeZone, systemTimeZone());
  return <TimeZoneContext value={zone}>{children}</TimeZoneContext>;
}
