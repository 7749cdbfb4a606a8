import { Box, LinearProgress, Typography } from '@mui/material';
import { useSyncMeta } from '../../data/hooks/use-sync-data';
import { firstDownloadPercent } from '../../data/sync/first-download';
import { useSyncStatusStore } from '../../data/sync/sync-status-store';
import { firstDownloadText } from './first-download-text';

/** The first download of a new device's data, until every collection has arrived once. */
export function FirstDownloadProgress() {
  const meta = useSyncMeta();
  const summary = useSyncStatusStore((state) => state.firstDownload);
  if (meta === undefined || meta?.initialSyncDone) return null;
  const percent = firstDownloadPercent(summary);
  return (
    <Box sx={{ mb: 2 }} role="status" aria-label="First download">
      <Typography variant="caption">
        Downloading your team’s data for offline use… {firstDownloadText(summary)}
      </Typography>
      {percent === null ? (
        <LinearProgress aria-label="First download progress" />
      ) : (
        <LinearProgress variant="determinate" value={percent} aria-label="First download progress" />
      )}
    </Box>
  );
}
