import { Alert, Button, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { MIN_PASSWORD_LENGTH } from '#shared/sync/protocol';
import { ApiError, confirmPasswordReset, NetworkError } from '../../data/session/auth-api';
import { defaultServerUrl, signOut, useSessionStore } from '../../data/session/session-store';
import { SessionCard } from './SessionCard';
import { useFormAction } from './use-form-action';

/** The path of the mailed reset link (`/app/reset-password#token=…` in the web build). */
export const RESET_PASSWORD_PATH = '/reset-password';

function resetErrorMessage(error: unknown): string {
  if (error instanceof NetworkError)
    return 'The server cannot be reached. Check your connection and try again.';
  if (error instanceof ApiError && error.code === 'invalid_link') {
    return 'This link is not valid any more: it was used already, or it has expired. Ask for a new one from the sign-in screen.';
  }
  return error instanceof Error ? error.message : 'The password could not be changed.';
}

/**
 * The landing of a mailed reset link: choose a new password. The token comes in the URL's fragment
 * (never sent to a server) and is removed from the address bar at once. Changing the password ends
 * every session of the account, this device's included.
 */
export function ResetPasswordScreen() {
  const location = useLocation();
  const navigate = useNavigate();
  const signedInAs = useSessionStore((state) => state.user?.email ?? null);
  const [token] = useState(() => new URLSearchParams(location.hash.slice(1)).get('token'));
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [isDone, setIsDone] = useState(false);

  useEffect(() => {
    if (location.hash) void navigate(RESET_PASSWORD_PATH, { replace: true });
  }, [location.hash, navigate]);

  const { error, isBusy, onSubmit } = useFormAction(async () => {
    if (password !== repeat) throw new Error('The two passwords are not the same.');
    if (!token) return;
    await confirmPasswordReset(defaultServerUrl(), token, password);
    if (signedInAs) await signOut('Your password was changed. Sign in with the new one.');
    setIsDone(true);
  }, resetErrorMessage);

  const toSignIn = () => void navigate('/', { replace: true });
  return (
    <SessionCard title="Choose a new password">
      {isDone ? (
        <>
          <Alert severity="success" role="status">
            Your password is changed, and you were signed out everywhere. Sign in with the new password.
          </Alert>
          <Button variant="contained" onClick={toSignIn}>
            Sign in
          </Button>
        </>
      ) : !token ? (
        <>
          <Alert severity="error">This link is incomplete. Ask for a new one from the sign-in screen.</Alert>
          <Button onClick={toSignIn}>Back to sign in</Button>
        </>
      ) : (
        <Stack component="form" spacing={2} onSubmit={onSubmit} aria-label="Choose a new password">
          {error && <Alert severity="error">{error}</Alert>}
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            slotProps={{ htmlInput: { minLength: MIN_PASSWORD_LENGTH } }}
            helperText={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          />
          <TextField
            label="Repeat the new password"
            type="password"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(event) => setRepeat(event.target.value)}
          />
          <Button type="submit" variant="contained" disabled={isBusy}>
            {isBusy ? 'Changing…' : 'Change my password'}
          </Button>
          <Button onClick={toSignIn}>Back to sign in</Button>
        </Stack>
      )}
    </SessionCard>
  );
}
