import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useSessionStore } from '../../data/session/session-store';
import { ForgotPasswordForm } from './ForgotPasswordForm';
import { SignInForm } from './SignInForm';

/** The first screen: who are you, and where is the server (or: I forgot my password). */
export function SignInScreen() {
  const notice = useSessionStore((state) => state.notice);
  const [isForgotten, setIsForgotten] = useState(false);
  return (
    <Box
      component="main"
      sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', bgcolor: 'grey.100' }}
    >
      <Paper sx={{ p: 4, width: 'min(420px, 92vw)' }}>
        <Stack spacing={2}>
          <Typography variant="h4" component="h1">
            Shortlist
          </Typography>
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
        </Stack>
      </Paper>
    </Box>
  );
}
