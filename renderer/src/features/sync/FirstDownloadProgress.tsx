import { Box, LinearProgress, Typography } from '@mui/material';
import { useSyncMeta } from '../../data/hooks/use-sync-data';
import { useSyncStatusStore } from '../../data/sync/sync-status-store';

/** The first download of a new device's data, until every collection has arrived once. */
export function FirstDownloadProgress() {
  const meta = useSyncMeta();
  const downloaded = useSyncStatusStore((state) => state.collectionsDownloaded);
  const total = useSyncStatusStore((state) => state.collectionsTotal);
  const received = useSyncStatusStore((state) => state.documentsReceived);
  if (meta === undefined || meta?.initialSyncDone) return null;
  const percent = Math.round((downloaded / total) * 100);
  return (
    <Box sx={{ mb: 2 }} role="status" aria-label="First download">
      <Typography variant="caption">
        Downloading your team’s data for offline use… {received.toLocaleString()} records so far
      </Typography>
      <LinearProgress variant="determinate" value={percent} aria-label="First download progress" />
    </Box>
  );
}
