import type { DesktopNotification } from '#shared/bridge/desktop-bridge';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { RefusedChange } from '../data/local-schemas';

/** How long before an interview its interviewers get a reminder. */
export const INTERVIEW_REMINDER_MS = 15 * 60 * 1000;

const HOUR_MS = 60 * 60 * 1000;

/**
 * The `scheduledAt` range (ISO) the reminders read at `now`: from the start of the hour to the end
 * of the next reminder window, so one range serves every check within the hour. Reading only these
 * interviews (by the `scheduledAt` index) spares every window a live copy of all of them.
 */
export function reminderWindow(now: number): { readonly from: string; readonly to: string } {
  const from = Math.floor(now / HOUR_MS) * HOUR_MS;
  return {
    from: new Date(from).toISOString(),
    to: new Date(from + HOUR_MS + INTERVIEW_REMINDER_MS).toISOString(),
  };
}

/** Notifications for refused changes not notified before; `seen` is updated. */
export function refusedChangeNotifications(
  refused: readonly RefusedChange[],
  seen: Set<string>,
): DesktopNotification[] {
  const fresh = refused.filter((change) => !seen.has(change.id));
  for (const change of fresh) seen.add(change.id);
  return fresh.map((change) => ({
    title: 'A change was refused',
    body: `${change.summary}: ${change.message}`,
    route: '/refused',
  }));
}

/** Reminders for `userId`'s scheduled interviews starting within the reminder window; `reminded` is updated. */
export function interviewReminders(
  interviews: readonly Interview[],
  userId: string,
  now: number,
  reminded: Set<string>,
): DesktopNotification[] {
  const due = interviews.filter((interview) => {
    const startsIn = Date.parse(interview.scheduledAt) - now;
    return (
      interview.status === 'scheduled' &&
      interview.interviewerIds.includes(userId) &&
      startsIn > 0 &&
      startsIn <= INTERVIEW_REMINDER_MS &&
      !reminded.has(`${interview.id}@${interview.scheduledAt}`)
    );
  });
  for (const interview of due) reminded.add(`${interview.id}@${interview.scheduledAt}`);
  return due.map((interview) => ({
    title: 'Interview starting soon',
    body: `A ${interview.type.replace('_', ' ')} interview starts in ${Math.max(1, Math.round((Date.parse(interview.scheduledAt) - now) / 60_000))} minutes.`,
    route: `/interviews/${encodeURIComponent(interview.id)}`,
  }));
}
