import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { deepLinkRoute, type DesktopBridge } from '#shared/bridge/desktop-bridge';
import { useLiveDocuments } from '../data/hooks/use-documents';
import { useRefusedChanges } from '../data/hooks/use-sync-data';
import { desktopBridge } from '../data/session/desktop-bridge';
import { useSessionStore } from '../data/session/session-store';
import { useSyncStatusStore } from '../data/sync/sync-status-store';
import { useNow } from '../ui/use-now';
import { interviewReminders, refusedChangeNotifications, reminderWindow } from './desktop-notifications';

const REMINDER_CHECK_MS = 60_000;

/**
 * The desktop shell's part of the app (nothing in a browser): `shortlist://` links open their
 * screen, and the window that syncs shows native notifications for refused changes and for
 * interviews about to start, once each.
 */
export function DesktopIntegration() {
  const bridge = desktopBridge();
  const navigate = useNavigate();
  const userId = useSessionStore((state) => state.user?.id ?? null);
  const isLeader = useSyncStatusStore((state) => state.isLeader);
  const refused = useRefusedChanges();
  const seenRefused = useRef<Set<string> | null>(null);

  useEffect(() => bridge?.onDeepLink((link) => void navigate(deepLinkRoute(link))), [bridge, navigate]);

  useEffect(() => {
    if (!bridge || !refused) return;
    // What was refused before this window opened was already told.
    if (!seenRefused.current) {
      seenRefused.current = new Set(refused.map((change) => change.id));
      return;
    }
    const notifications = refusedChangeNotifications(refused, seenRefused.current);
    if (isLeader) for (const notification of notifications) void bridge.notify(notification);
  }, [bridge, refused, isLeader]);

  return bridge && userId && isLeader ? <InterviewReminders bridge={bridge} userId={userId} /> : null;
}

/**
 * Reminds `userId` of their interviews about to start, once each: reads only the scheduled
 * interviews of the current reminder window (`reminderWindow`), never the whole collection.
 */
function InterviewReminders({ bridge, userId }: { readonly bridge: DesktopBridge; readonly userId: string }) {
  const now = useNow(REMINDER_CHECK_MS);
  const { from, to } = reminderWindow(now);
  const interviews = useLiveDocuments(
    (db) => db.interviews.find({ selector: { scheduledAt: { $gte: from, $lte: to }, status: 'scheduled' } }),
    [from, to],
  );
  const reminded = useRef(new Set<string>());

  // Checked when the interviews change and on every tick of `now`, at the time of the check.
  useEffect(() => {
    if (!interviews) return;
    for (const notification of interviewReminders(interviews, userId, Date.now(), reminded.current)) {
      void bridge.notify(notification);
    }
  }, [bridge, interviews, userId, now]);

  return null;
}
