import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import SyncIcon from '@mui/icons-material/Sync';
import { Chip, Stack, Tooltip, Typography } from '@mui/material';
import { formatDistance } from 'date-fns';
import { usePendingCount, useSyncMeta } from '../../data/hooks/use-sync-data';
import { useSyncStatusStore } from '../../data/sync/sync-status-store';
import { useNow } from '../../ui/use-now';

/** Online or offline, syncing, local changes not yet accepted, and the last successful sync. */
export function SyncStatusIndicator() {
  const { isOnline, isSyncing, lastError, isLeader } = useSyncStatusStore();
  const pendingCount = usePendingCount();
  const meta = useSyncMeta();
  const now = useNow(30_000);
  const lastSync = meta?.lastSyncAt
    ? `Last synced ${formatDistance(Math.min(meta.lastSyncAt, now), now, { addSuffix: true })}`
    : 'Not synced yet';
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} role="status" aria-label="Sync status">
      <Chip
        size="small"
        color={isOnline ? 'success' : 'default'}
        icon={isOnline ? <CloudDoneIcon /> : <CloudOffIcon />}
        label={isOnline ? 'Online' : 'Offline'}
        sx={{ bgcolor: isOnline ? undefined : 'grey.300' }}
      />
      {isSyncing && isOnline && <Chip size="small" color="info" icon={<SyncIcon />} label="Syncing" />}
      <Tooltip title="Local changes the server has not accepted yet">
        <Chip
          size="small"
          color={pendingCount > 0 ? 'warning' : 'default'}
          label={`${pendingCount} unsynced`}
          aria-label={`${pendingCount} unsynced changes`}
          sx={{ bgcolor: pendingCount > 0 ? undefined : 'grey.200' }}
        />
      </Tooltip>
      <Tooltip title={lastError ?? (isLeader ? '' : 'Another window is syncing for this one')}>
        <Typography variant="caption" aria-label="Last sync">
          {lastSync}
        </Typography>
      </Tooltip>
    </Stack>
  );
}
