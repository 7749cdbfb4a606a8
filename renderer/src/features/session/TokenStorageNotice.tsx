import { Alert, Checkbox, FormControlLabel } from '@mui/material';
import { useEffect, useState } from 'react';
import type { TokenStoragePolicy } from '#shared/bridge/desktop-bridge';
import { desktopBridge } from '../../data/session/desktop-bridge';

/**
 * On a desktop with no OS keychain (Linux without a secret service) the shell keeps the sign-in in
 * memory only. Say so, and let the person choose to keep it on disk unencrypted instead.
 */
export function TokenStorageNotice() {
  const bridge = desktopBridge();
  const [policy, setPolicy] = useState<TokenStoragePolicy | null>(null);

  useEffect(() => {
    void bridge?.getTokenStoragePolicy().then(setPolicy, () => setPolicy(null));
  }, [bridge]);

  if (!bridge || policy === null || policy === 'encrypted') return null;
  return (
    <Alert severity="info">
      This computer has no keychain Shortlist can use, so you will be asked to sign in again after restarting
      the app. Your offline work is kept either way.
      <FormControlLabel
        control={
          <Checkbox
            checked={policy === 'plaintext'}
            onChange={(event) => void bridge.setPlaintextTokenOptIn(event.target.checked).then(setPolicy)}
          />
        }
        label="Stay signed in anyway (kept unencrypted on this computer)"
      />
    </Alert>
  );
}
