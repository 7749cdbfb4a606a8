import {
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

interface BulkJobDialogProps {
  readonly count: string;
  /** The open jobs to choose from. */
  readonly jobs: readonly Job[];
  readonly isWorking: boolean;
  readonly onAdd: (jobId: string) => void;
  readonly onClose: () => void;
}

/** Asks for the job to add many candidates to at once. */
export function BulkJobDialog({ count, jobs, isWorking, onAdd, onClose }: BulkJobDialogProps) {
  const [jobId, setJobId] = useState('');
  return (
    <Dialog open onClose={onClose} aria-labelledby="bulk-job-title" fullWidth>
      <DialogTitle id="bulk-job-title">Add {count} to a job</DialogTitle>
      <DialogContent>
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
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!jobId || isWorking} onClick={() => onAdd(jobId)}>
          Add to job
        </Button>
      </DialogActions>
    </Dialog>
  );
}
