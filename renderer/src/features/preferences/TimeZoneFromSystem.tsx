import { useEffect, useRef } from 'react';
import { isTimeZone } from '#shared/domain/user/time-zone';
import { systemTimeZone, useOwnUser } from '../../ui/use-time-zone';
import { savePreferences } from './preferences-api';

/**
 * A person who never chose a time zone gets this computer's, once (at their first sign-in, or the first
 * time it can reach the server); they change it under Preferences. Renders nothing.
 */
export function TimeZoneFromSystem() {
  const own = useOwnUser();
  const isAsked = useRef(false);
  useEffect(() => {
    if (!own || own.timeZone || isAsked.current || !navigator.onLine) return;
    const zone = systemTimeZone();
    if (!isTimeZone(zone)) return;
    isAsked.current = true;
    savePreferences({ timeZone: zone }).catch(() => {
      isAsked.current = false; // offline after all: the next time the directory changes
    });
  }, [own]);
  return null;
}
