import { Alert, Button, LinearProgress, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * The top of a console tab whose list only the server has: what it is (and that it needs a
 * connection), Refresh and the tab's "New …" button, the last action's outcome, why the list could
 * not be loaded, and a progress bar while it loads.
 */
export function ServerListHeader({
  description,
  listName,
  newLabel,
  isLoading,
  notice,
  error,
  onNew,
  onRefresh,
  onNoticeClose,
}: {
  readonly description: ReactNode;
  /** What the list holds, for the progress bar's name ("API keys"). */
  readonly listName: string;
  readonly newLabel: string;
  readonly isLoading: boolean;
  readonly notice: string | null;
  readonly error: string | null;
  readonly onNew: () => void;
  readonly onRefresh: () => void;
  readonly onNoticeClose: () => void;
}) {
  return (
    <>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', gap: 2 }}>
        <Typography sx={{ color: 'text.secondary' }}>
          {description} This list is the server’s: it needs a connection.
        </Typography>
        <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
          <Button onClick={onRefresh}>Refresh</Button>
          <Button variant="contained" onClick={onNew}>
            {newLabel}
          </Button>
        </Stack>
      </Stack>
      {notice && (
        <Alert severity="success" onClose={onNoticeClose}>
          {notice}
        </Alert>
      )}
      {error && <Alert severity="warning">{error}</Alert>}
      {isLoading && <LinearProgress aria-label={`Loading the ${listName}`} />}
    </>
  );
}
