import { Alert, Box, CircularProgress } from '@mui/material';
import { useEffect } from 'react';
import { openDatabaseFor, useDatabaseStore } from '../data/database-store';
import { AppShell } from './AppShell';

/** Opens the signed-in user's local database, then shows the app on it. */
export function DatabaseGate({ userId }: { readonly userId: string }) {
  const db = useDatabaseStore((state) => (state.userId === userId ? state.db : null));
  const error = useDatabaseStore((state) => state.error);
  useEffect(() => {
    void openDatabaseFor(userId);
  }, [userId]);
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
