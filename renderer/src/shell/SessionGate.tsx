import { Box, CircularProgress } from '@mui/material';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { closeDatabase } from '../data/database-store';
import { restoreSession, useSessionStore } from '../data/session/session-store';
import { DatabaseGate } from './DatabaseGate';
import { RESET_PASSWORD_PATH, ResetPasswordScreen } from '../features/session/ResetPasswordScreen';
import { SignInScreen } from '../features/session/SignInScreen';

/**
 * Restores the session, then shows the sign-in screen or the signed-in user's local data; a mailed
 * password-reset link shows its own screen, signed in or not.
 */
export function SessionGate() {
  const isResetLink = useLocation().pathname === RESET_PASSWORD_PATH;
  const status = useSessionStore((state) => state.status);
  const userId = useSessionStore((state) => state.user?.id ?? null);
  const organisationId = useSessionStore((state) => state.user?.organisationId);
  const serverUrl = useSessionStore((state) => state.serverUrl);
  useEffect(() => {
    void restoreSession();
  }, []);
  useEffect(() => {
    // Signed out here or in another window: let go of the database (it may be about to be deleted).
    if (status === 'signed_out') void closeDatabase();
  }, [status]);
  if (isResetLink) return <ResetPasswordScreen />;
  if (status === 'loading') {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <CircularProgress aria-label="Loading" />
      </Box>
    );
  }
  if (status === 'signed_out' || !userId) return <SignInScreen />;
  return <DatabaseGate owner={{ serverUrl, userId, ...(organisationId ? { organisationId } : {}) }} />;
}
