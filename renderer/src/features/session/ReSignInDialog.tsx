import { Alert, Dialog, DialogContent, DialogTitle } from '@mui/material';
import { useSessionStore } from '../../data/session/session-store';
import { SignInForm } from './SignInForm';

/** Signing in again after the session ended: unsynced changes wait, then sync. */
export function ReSignInDialog({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  const email = useSessionStore((state) => state.user?.email ?? '');
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="resignin-title">
      <DialogTitle id="resignin-title">Sign in again</DialogTitle>
      <DialogContent>
        <Alert severity="info" sx={{ mb: 2 }}>
          Your session ended. Your changes are kept on this device and will sync once you sign in.
        </Alert>
        <SignInForm submitLabel="Sign in and sync" fixedEmail={email} onSignedIn={onClose} />
      </DialogContent>
    </Dialog>
  );
}
