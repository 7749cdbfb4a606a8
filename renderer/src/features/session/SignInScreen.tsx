import { Alert, Button, Typography } from '@mui/material';
import { useState } from 'react';
import { useSessionStore } from '../../data/session/session-store';
import { ForgotPasswordForm } from './ForgotPasswordForm';
import { SessionCard } from './SessionCard';
import { SignInForm } from './SignInForm';

/** The first screen: who are you, and where is the server (or: I forgot my password). */
export function SignInScreen() {
  const notice = useSessionStore((state) => state.notice);
  const [isForgotten, setIsForgotten] = useState(false);
  return (
    <SessionCard title="Shortlist">
      <Typography color="text.secondary">
        {isForgotten ? 'Reset your password.' : 'Sign in to your hiring team.'}
      </Typography>
      {notice && !isForgotten && <Alert severity="info">{notice}</Alert>}
      {isForgotten ? (
        <ForgotPasswordForm onBack={() => setIsForgotten(false)} />
      ) : (
        <>
          <SignInForm submitLabel="Sign in" />
          <Button variant="text" onClick={() => setIsForgotten(true)}>
            Forgot password?
          </Button>
        </>
      )}
    </SessionCard>
  );
}
