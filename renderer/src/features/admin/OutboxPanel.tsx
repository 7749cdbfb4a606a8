import {
  Alert,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { OUTBOX_STATES, type OutboxDetail, type OutboxListing, type OutboxSummary } from '#shared/sync/admin-protocol';
import { useFormatWhen } from '../../ui/use-time-zone';
import { describeFailure, fetchOutbox, fetchOutboxEntry, requeueOutboxEntry } from './admin-api';

const STATUS_COLOR: Readonly<Record<OutboxSummary['status'], 'default' | 'success' | 'warning' | 'error'>> = {
  pending: 'warning',
  sending: 'warning',
  sent: 'success',
  failed: 'error',
  uncertain: 'error',
  cancelled: 'default',
};

/** The e-mail outbox (server-only): what went out or waits, a preview of each, and retry for failures. */
export function OutboxPanel() {
  const formatWhen = useFormatWhen();
  const [status, setStatus] = useState<OutboxSummary['status'] | ''>('');
  const [listing, setListing] = useState<OutboxListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<OutboxDetail | null>(null);

  const load = useCallback(() => {
    setListing(null);
    fetchOutbox(status).then(
      (answer) => {
        setListing(answer);
        setError(null);
      },
      (failure: unknown) => {
        setError(describeFailure(failure));
        setListing({ delivery: 'file', mailDirectory: null, entries: [] });
      },
    );
  }, [status]);
  useEffect(load, [load]);

  const retry = async (entry: OutboxSummary) => {
    try {
      await requeueOutboxEntry(entry.id);
      load();
    } catch (failure) {
      setError(describeFailure(failure));
    }
  };
  const open = async (entry: OutboxSummary) => {
    try {
      setPreview(await fetchOutboxEntry(entry.id));
    } catch (failure) {
      setError(describeFailure(failure));
    }
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          select
          size="small"
          label="Status"
          value={status}
          sx={{ minWidth: 160 }}
          onChange={(event) => setStatus(event.target.value as OutboxSummary['status'] | '')}
        >
          <MenuItem value="">Any</MenuItem>
          {OUTBOX_STATES.map((state) => (
            <MenuItem key={state} value={state}>
              {state}
            </MenuItem>
          ))}
        </TextField>
        <Button onClick={load}>Refresh</Button>
        {listing && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {listing.delivery === 'smtp'
              ? 'Mail is sent by SMTP.'
              : `No SMTP server is set: mail is written as files${listing.mailDirectory ? ` in ${listing.mailDirectory}` : ''}.`}
          </Typography>
        )}
      </Stack>
      {error && <Alert severity="warning">{error}</Alert>}
      {listing === null && <LinearProgress aria-label="Loading the outbox" />}
      {listing && (
        <Table size="small" aria-label="Outbox">
          <TableHead>
            <TableRow>
              <TableCell>Created</TableCell>
              <TableCell>To</TableCell>
              <TableCell>Subject</TableCell>
              <TableCell>Status</TableCell>
              <TableCell align="right">Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {listing.entries.length === 0 && (
              <TableRow>
                <TableCell colSpan={5}>Nothing in the outbox{status ? ` is ${status}` : ''}.</TableCell>
              </TableRow>
            )}
            {listing.entries.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell>{formatWhen(entry.createdAt)}</TableCell>
                <TableCell>{entry.to.join(', ')}</TableCell>
                <TableCell>{entry.subject}</TableCell>
                <TableCell>
                  <Chip size="small" label={entry.status} color={STATUS_COLOR[entry.status]} variant="outlined" />
                  {entry.lastError && (
                    <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
                      {entry.lastError}
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => void open(entry)}>
                    Preview
                  </Button>
                  {(entry.status === 'failed' || entry.status === 'uncertain') && (
                    <Button size="small" onClick={() => void retry(entry)}>
                      Retry
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {preview && (
        <Dialog open onClose={() => setPreview(null)} aria-labelledby="preview-title" fullWidth maxWidth="md">
          <DialogTitle id="preview-title">{preview.subject}</DialogTitle>
          <DialogContent>
            <Typography variant="body2" sx={{ color: 'text.secondary' }} gutterBottom>
              To {preview.to.join(', ')} · {preview.status}
              {preview.sentAt ? ` ${formatWhen(preview.sentAt)}` : ''}
              {preview.invite ? ' · with a calendar invitation' : ''}
            </Typography>
            <Typography component="pre" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>
              {preview.text}
            </Typography>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setPreview(null)}>Close</Button>
          </DialogActions>
        </Dialog>
      )}
    </Stack>
  );
}
