import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { ApiError, NetworkError, requestPasswordReset } from '../../data/session/auth-api';
import { useSessionStore } from '../../data/session/session-store';
import { ServerAddressField } from './ServerAddressField';
import { useFormAction } from './use-form-action';

interface ForgotPasswordFormProps {
  /** Back to the sign-in form. */
  readonly onBack: () => void;
}

function requestErrorMessage(error: unknown): string {
  if (error instanceof NetworkError)
    return 'The server cannot be reached. Check the server address and your connection.';
  if (error instanceof ApiError && error.status === 429)
    return 'Too many attempts. Wait a while and try again.';
  return error instanceof Error ? error.message : 'The request failed.';
}

/**
 * "Forgot password?": the server mails a link to choose a new one (SPEC §4). Whether or not an
 * account has the address, the answer is the same: check your email.
 */
export function ForgotPasswordForm({ onBack }: ForgotPasswordFormProps) {
  const storedServerUrl = useSessionStore((state) => state.serverUrl);
  const [serverUrl, setServerUrl] = useState(storedServerUrl);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const { error, isBusy, onSubmit } = useFormAction(async () => {
    setSent((await requestPasswordReset(serverUrl.trim(), email.trim())).message);
  }, requestErrorMessage);

  if (sent) {
    return (
      <Stack spacing={2}>
        <Alert severity="success" role="status">
          {sent} The link works for one hour.
        </Alert>
        <Button variant="outlined" onClick={onBack}>
          Back to sign in
        </Button>
      </Stack>
    );
  }
  return (
    <Stack component="form" spacing={2} onSubmit={onSubmit} aria-label="Reset password">
      <Typography>
        Enter the email of your account. We will send you a link to choose a new password.
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <ServerAddressField value={serverUrl} onChange={setServerUrl} />
      <Button type="submit" variant="contained" disabled={isBusy}>
        {isBusy ? 'Sending…' : 'Send me a link'}
      </Button>
      <Button variant="text" onClick={onBack}>
        Back to sign in
      </Button>
    </Stack>
  );
}
