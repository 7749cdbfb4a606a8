import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import type { Job } from '#shared/domain/job/job-schema';

interface BulkTagDialogProps {
  /** Whom it tags, e.g. "12 candidates". */
  readonly count: string;
  readonly isWorking: boolean;
  readonly onTag: (tag: string) => void;
  readonly onClose: () => void;
}

/** Asks for the tag to add to many candidates at once. */
export function BulkTagDialog({ count, isWorking, onTag, onClose }: BulkTagDialogProps) {
  const [tag, setTag] = useState('');
  return (
    <Dialog open onClose={onClose} aria-labelledby="bulk-tag-title" fullWidth>
      <DialogTitle id="bulk-tag-title">Tag {count}</DialogTitle>
      <DialogContent>
        <TextField
          label="Tag"
          value={tag}
          onChange={(event) => setTag(event.target.value)}
          fullWidth
          sx={{ mt: 1 }}
          slotProps={{ htmlInput: { maxLength: 50 } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!tag.trim() || isWorking} onClick={() => onTag(tag)}>
          Add tag
        </Button>
      </DialogActions>
    </Dialog>
  );
}

interface ChooseJobDialogProps {
  /** The dialog's title, e.g. "Add 12 candidates to a job". */
  readonly title: string;
  /** The open jobs to choose from. */
  readonly jobs: readonly Job[];
  readonly isWorking: boolean;
  /** Why the last attempt failed, if it did. */
  readonly error?: string | null;
  readonly onChoose: (jobId: string) => void;
  readonly onClose: () => void;
}

/** Asks for the job to add one or many candidates to. */
export function ChooseJobDialog({
  title,
  jobs,
  isWorking,
  error = null,
  onChoose,
  onClose,
}: ChooseJobDialogProps) {
  const [jobId, setJobId] = useState(jobs[0]?.id ?? '');
  return (
    <Dialog open onClose={onClose} aria-labelledby="choose-job-title" fullWidth>
      <DialogTitle id="choose-job-title">{title}</DialogTitle>
      <DialogContent>
        {jobs.length === 0 ? (
          <Alert severity="info">There is no open job to add to.</Alert>
        ) : (
          <TextField
            select
            label="Job"
            value={jobId}
            onChange={(event) => setJobId(event.target.value)}
            fullWidth
            sx={{ mt: 1 }}
          >
            {jobs.map((job) => (
              <MenuItem key={job.id} value={job.id}>
                {job.title}
              </MenuItem>
            ))}
          </TextField>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!jobId || isWorking} onClick={() => onChoose(jobId)}>
          Add to job
        </Button>
      </DialogActions>
    </Dialog>
  );
}
