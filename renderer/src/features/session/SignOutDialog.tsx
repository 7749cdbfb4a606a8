import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useState } from 'react';
import { signOutAndClose } from '../../data/database-store';
import { usePendingCount } from '../../data/hooks/use-sync-data';

/** Sign out, keeping or removing this device's copy; warns about changes not yet synced. */
export function SignOutDialog({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  const pendingCount = usePendingCount();
  const [isBusy, setIsBusy] = useState(false);
  const signOut = (removeLocalData: boolean) => {
    setIsBusy(true);
    void signOutAndClose(removeLocalData).finally(() => setIsBusy(false));
  };
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="signout-title">
      <DialogTitle id="signout-title">Sign out</DialogTitle>
      <DialogContent>
        {pendingCount > 0 && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {pendingCount === 1 ? '1 change has' : `${pendingCount} changes have`} not reached the server yet.
            Removing local data loses {pendingCount === 1 ? 'it' : 'them'}; keeping it syncs{' '}
            {pendingCount === 1 ? 'it' : 'them'} when you sign in again.
          </Alert>
        )}
        <DialogContentText>
          Keep this device’s copy of your data for next time, or remove it (on a shared or lost computer).
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button color="error" disabled={isBusy} onClick={() => signOut(true)}>
          Sign out and remove local data
        </Button>
        <Button variant="contained" disabled={isBusy} onClick={() => signOut(false)}>
          Sign out and keep local data
        </Button>
      </DialogActions>
    </Dialog>
  );
}
