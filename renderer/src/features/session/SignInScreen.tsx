import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import { useSessionStore } from '../../data/session/session-store';
import { SignInForm } from './SignInForm';

/** The first screen: who are you, and where is the server. */
export function SignInScreen() {
  const notice = useSessionStore((state) => state.notice);
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
          <Typography color="text.secondary">Sign in to your hiring team.</Typography>
          {notice && <Alert severity="info">{notice}</Alert>}
          <SignInForm submitLabel="Sign in" />
        </Stack>
      </Paper>
    </Box>
  );
}
