import { Alert, Button, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { ApiError, NetworkError } from '../../data/session/auth-api';
import { signIn, useSessionStore } from '../../data/session/session-store';
import { ServerAddressField } from './ServerAddressField';
import { TokenStorageNotice } from './TokenStorageNotice';
import { useFormAction } from './use-form-action';

interface SignInFormProps {
  readonly submitLabel: string;
  /** Re-sign-in: the same person signs in again, so the email is given. */
  readonly fixedEmail?: string;
  readonly onSignedIn?: () => void;
}

function signInErrorMessage(error: unknown): string {
  if (error instanceof NetworkError)
    return 'The server cannot be reached. Check the server address and your connection.';
  if (error instanceof ApiError && error.status === 401) return 'The email or password is not right.';
  if (error instanceof ApiError && error.status === 429)
    return 'Too many attempts. Wait a minute and try again.';
  if (error instanceof ApiError && error.status === 403) return 'This account cannot use the desktop app.';
  return error instanceof Error ? error.message : 'Signing in failed.';
}

/** Email, password and server address. */
export function SignInForm({ submitLabel, fixedEmail, onSignedIn }: SignInFormProps) {
  const storedServerUrl = useSessionStore((state) => state.serverUrl);
  const [serverUrl, setServerUrl] = useState(storedServerUrl);
  const [email, setEmail] = useState(fixedEmail ?? '');
  const [password, setPassword] = useState('');
  const { error, isBusy, onSubmit } = useFormAction(async () => {
    await signIn(serverUrl.trim(), email.trim(), password);
    onSignedIn?.();
  }, signInErrorMessage);

  return (
    <Stack component="form" spacing={2} onSubmit={onSubmit} aria-label="Sign in">
      {error && <Alert severity="error">{error}</Alert>}
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        required
        value={email}
        disabled={fixedEmail !== undefined}
        onChange={(event) => setEmail(event.target.value)}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <ServerAddressField value={serverUrl} onChange={setServerUrl} />
      <TokenStorageNotice />
      <Button type="submit" variant="contained" disabled={isBusy}>
        {isBusy ? 'Signing in…' : submitLabel}
      </Button>
    </Stack>
  );
}
