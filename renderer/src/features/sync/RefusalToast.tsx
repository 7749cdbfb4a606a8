import { Button, Snackbar } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useRefusedChanges } from '../../data/hooks/use-sync-data';
import type { RefusedChange } from '../../data/local-schemas';

/**
 * A toast when the server refuses one of this person's changes (often on reconnecting, long after
 * they made it), with the way to the explanation. Refusals already listed when the window opened
 * are not announced again.
 */
export function RefusalToast() {
  const refused = useRefusedChanges();
  const navigate = useNavigate();
  const seen = useRef<Set<string> | null>(null);
  const [latest, setLatest] = useState<RefusedChange | null>(null);
  useEffect(() => {
    if (!refused) return;
    if (!seen.current) {
      seen.current = new Set(refused.map((change) => change.id));
      return;
    }
    const known = seen.current;
    const arrived = refused.filter((change) => !known.has(change.id));
    for (const change of arrived) known.add(change.id);
    if (arrived[0]) setLatest(arrived[0]);
  }, [refused]);
  if (!latest) return null;
  return (
    <Snackbar
      open
      anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') setLatest(null);
      }}
      autoHideDuration={12_000}
      message={`The server did not accept your change: ${latest.summary}.`}
      action={
        <Button
          color="inherit"
          size="small"
          onClick={() => {
            setLatest(null);
            void navigate('/refused');
          }}
        >
          See why
        </Button>
      }
    />
  );
}
