import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { deepLinkRoute } from '#shared/bridge/desktop-bridge';
import { useInterviews } from '../data/hooks/use-documents';
import { useRefusedChanges } from '../data/hooks/use-sync-data';
import { desktopBridge } from '../data/session/desktop-bridge';
import { useSessionStore } from '../data/session/session-store';
import { useSyncStatusStore } from '../data/sync/sync-status-store';
import { interviewReminders, refusedChangeNotifications } from './desktop-notifications';

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
  const interviews = useInterviews();
  const seenRefused = useRef<Set<string> | null>(null);
  const reminded = useRef(new Set<string>());

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

  useEffect(() => {
    if (!bridge || !interviews || !userId || !isLeader) return undefined;
    const check = () => {
      for (const notification of interviewReminders(interviews, userId, Date.now(), reminded.current)) {
        void bridge.notify(notification);
      }
    };
    check();
    const timer = window.setInterval(check, REMINDER_CHECK_MS);
    return () => window.clearInterval(timer);
  }, [bridge, interviews, userId, isLeader]);

  return null;
}
