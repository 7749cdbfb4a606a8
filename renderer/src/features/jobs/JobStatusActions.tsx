import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { allowedJobStatusChanges } from '#shared/domain/job/job-machine';
import { CLOSED_REASONS, type ClosedReason, type Job, type JobStatus } from '#shared/domain/job/job-schema';
import { useActor, useDb } from '../../data/hooks/use-database';
import { saveDocument } from '../../data/local-writes';
import { humanize } from '../../ui/labels';

const ACTION_LABELS: Readonly<Record<string, string>> = {
  'draft>open': 'Approve and open',
  'open>on_hold': 'Put on hold',
  'on_hold>open': 'Reopen',
};

function actionLabel(from: JobStatus, to: JobStatus): string {
  return ACTION_LABELS[`${from}>${to}`] ?? (to === 'closed' ? 'Close job' : `Move to ${humanize(to)}`);
}

/** The status changes this user may make to this job, and only those (`allowedJobStatusChanges`). */
export function JobStatusActions({ job }: { readonly job: Job }) {
  const db = useDb();
  const actor = useActor();
  const [error, setError] = useState<string | null>(null);
  const [isClosing, setIsClosing] = useState(false);
  const [closedReason, setClosedReason] = useState<ClosedReason>('filled');

  const change = async (to: JobStatus, reason?: ClosedReason) => {
    const after: Job = { ...job, status: to, ...(reason ? { closedReason: reason } : {}) };
    const decision = await saveDocument(db, actor, 'jobs', job, after);
    setError(decision.ok ? null : decision.message);
    setIsClosing(false);
  };

  return (
    <Stack spacing={1}>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        {allowedJobStatusChanges(job.status, actor).map((to) => (
          <Button
            key={to}
            variant="outlined"
            onClick={() => (to === 'closed' ? setIsClosing(true) : void change(to))}
          >
            {actionLabel(job.status, to)}
          </Button>
        ))}
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      <Dialog open={isClosing} onClose={() => setIsClosing(false)} aria-labelledby="close-job-title">
        <DialogTitle id="close-job-title">Close “{job.title}”</DialogTitle>
        <DialogContent>
          <TextField
            select
            label="Reason for closing"
            value={closedReason}
            onChange={(event) => setClosedReason(event.target.value as ClosedReason)}
            sx={{ mt: 1, minWidth: 240 }}
          >
            {CLOSED_REASONS.map((reason) => (
              <MenuItem key={reason} value={reason}>
                {humanize(reason)}
              </MenuItem>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setIsClosing(false)}>Cancel</Button>
          <Button variant="contained" color="error" onClick={() => void change('closed', closedReason)}>
            Close job
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
