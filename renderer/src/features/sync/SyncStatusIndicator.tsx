import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import SyncIcon from '@mui/icons-material/Sync';
import SyncProblemIcon from '@mui/icons-material/SyncProblem';
import { Chip, Stack, Tooltip, Typography } from '@mui/material';
import { formatDistance } from 'date-fns';
import { formatWhen, wallClock } from '#shared/domain/user/time-zone';
import { usePendingCount, useSyncMeta } from '../../data/hooks/use-sync-data';
import { useSyncStatusStore } from '../../data/sync/sync-status-store';
import { useNow } from '../../ui/use-now';
import { formatShortIn, useTimeZone } from '../../ui/use-time-zone';
import { MergeFinisher } from './MergeFinisher';
import { RefusalToast } from './RefusalToast';

/** When the server last answered a pull, on the person's clock (`zone`): the time, the date too if not today. */
function lastSyncLabel(lastSyncAt: number, now: number, zone: string): string {
  const at = wallClock(lastSyncAt, zone);
  return at.slice(0, 10) === wallClock(now, zone).slice(0, 10)
    ? `Last synced at ${at.slice(11, 16)}`
    : `Last synced on ${formatShortIn(lastSyncAt, zone, false, false)}`;
}

function pausedTitle(fallbackPullMs: number | null): string {
  const every =
    fallbackPullMs === null
      ? ''
      : fallbackPullMs < 60_000
        ? ` every ${Math.round(fallbackPullMs / 1_000)} seconds`
        : ` every ${Math.round(fallbackPullMs / 60_000)} minutes`;
  return `The live connection to the server is down. Changes are still fetched${every}, when this window gets the focus and when the network returns.`;
}

/**
 * Online or offline, live updates paused, syncing, local changes not yet accepted, and the time of
 * the last pull the server answered.
 */
export function SyncStatusIndicator() {
  const { isOnline, isLive, fallbackPullMs, isSyncing, lastError, isLeader } = useSyncStatusStore();
  const pendingCount = usePendingCount();
  const meta = useSyncMeta();
  const now = useNow(30_000);
  const zone = useTimeZone();
  const lastSync = meta?.lastSyncAt ? lastSyncLabel(meta.lastSyncAt, now, zone) : 'Not synced yet';
  const lastSyncDetail = meta?.lastSyncAt
    ? `${formatWhen(meta.lastSyncAt, zone)} (${formatDistance(Math.min(meta.lastSyncAt, now), now, { addSuffix: true })})`
    : '';
  const title = [lastError, isLeader ? '' : 'Another window is syncing for this one', lastSyncDetail]
    .filter(Boolean)
    .join(' · ');
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} role="status" aria-label="Sync status">
      <MergeFinisher />
      <RefusalToast />
      <Chip
        size="small"
        color={isOnline ? 'success' : 'default'}
        icon={isOnline ? <CloudDoneIcon /> : <CloudOffIcon />}
        label={isOnline ? 'Online' : 'Offline'}
        sx={{ bgcolor: isOnline ? undefined : 'grey.300' }}
      />
      {isLeader && isOnline && isLive === false && (
        <Tooltip title={pausedTitle(fallbackPullMs)}>
          <Chip
            size="small"
            color="warning"
            variant="outlined"
            icon={<SyncProblemIcon />}
            label="Live updates paused"
          />
        </Tooltip>
      )}
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
      <Tooltip title={title}>
        <Typography variant="caption" aria-label="Last sync">
          {lastSync}
        </Typography>
      </Tooltip>
    </Stack>
  );
}
