import { Alert, Button } from '@mui/material';
import { useState } from 'react';
import { usePendingCount } from '../../data/hooks/use-sync-data';
import { useSessionStore } from '../../data/session/session-store';
import { ReSignInDialog } from './ReSignInDialog';

/** Shown while the session needs a new sign-in: work goes on locally, syncing waits. */
export function SessionBanner() {
  const needsSignIn = useSessionStore((state) => state.status === 'needs_sign_in');
  const pendingCount = usePendingCount();
  const [isDialogOpen, setIsDialogOpen] = useState(false);
  if (!needsSignIn) return null;
  return (
    <>
      <Alert
        severity="warning"
        sx={{ mb: 2 }}
        action={
          <Button color="inherit" onClick={() => setIsDialogOpen(true)}>
            Sign in again
          </Button>
        }
      >
        Your session has ended. You can keep working; {pendingCount} unsynced{' '}
        {pendingCount === 1 ? 'change is' : 'changes are'} kept and will sync after you sign in.
      </Alert>
      <ReSignInDialog open={isDialogOpen} onClose={() => setIsDialogOpen(false)} />
    </>
  );
}
