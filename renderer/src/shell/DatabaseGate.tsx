import { Alert, Box, CircularProgress } from '@mui/material';
import { useEffect } from 'react';
import { openDatabaseFor, useDatabaseStore } from '../data/database-store';
import { localDataIdFor, type LocalDataOwner } from '../data/database-name';
import { AppShell } from './AppShell';

/** Opens the signed-in person's local database (theirs on this server, in this organisation), then shows the app on it. */
export function DatabaseGate({ owner }: { readonly owner: LocalDataOwner }) {
  const ownerKey = localDataIdFor(owner);
  const db = useDatabaseStore((state) => (state.ownerKey === ownerKey ? state.db : null));
  const error = useDatabaseStore((state) => state.error);
  const { serverUrl, organisationId, userId } = owner;
  useEffect(() => {
    void openDatabaseFor({ serverUrl, userId, ...(organisationId ? { organisationId } : {}) });
  }, [serverUrl, organisationId, userId]);
  if (error) return <Alert severity="error">The local database could not be opened: {error}</Alert>;
  if (!db) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <CircularProgress aria-label="Opening local data" />
      </Box>
    );
  }
  return <AppShell />;
}
