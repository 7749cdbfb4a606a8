import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useCurrentUser } from '../../data/hooks/use-database';

/**
 * The start screen: interviewers always land on "My interviews" (the dashboard's figures are the
 * hiring team's, not an interviewer's slice of them); everyone else on `fallback` (the dashboard).
 */
export function InterviewerHome({ fallback }: { readonly fallback: ReactNode }) {
  const user = useCurrentUser();
  if (user.role === 'interviewer') return <Navigate to="/my-interviews" replace />;
  return fallback;
}
