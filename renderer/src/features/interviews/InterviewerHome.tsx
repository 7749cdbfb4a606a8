import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useCurrentUser } from '../../data/hooks/use-database';

/** Who already landed on "My interviews" in this window: the dashboard stays reachable afterwards. */
let landedUserId: string | null = null;

/** The start screen: interviewers land on "My interviews" first, everyone else on `fallback` (the dashboard). */
export function InterviewerHome({ fallback }: { readonly fallback: ReactNode }) {
  const user = useCurrentUser();
  if (user.role === 'interviewer' && landedUserId !== user.id) {
    landedUserId = user.id;
    return <Navigate to="/my-interviews" replace />;
  }
  return fallback;
}
