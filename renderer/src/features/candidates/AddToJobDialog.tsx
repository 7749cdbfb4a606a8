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
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { Job } from '#shared/domain/job/job-schema';
import { useAddToJob } from '../../ui/use-add-to-job';

interface AddToJobDialogProps {
  readonly candidate: Candidate;
  /** Open jobs the candidate has not applied to. */
  readonly jobs: readonly Job[];
  readonly onClose: () => void;
}

/** Adds the candidate to an open job. */
export function AddToJobDialog({ candidate, jobs, onClose }: AddToJobDialogProps) {
  const addToJob = useAddToJob();
  const [jobId, setJobId] = useState(jobs[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    const refusal = await addToJob(jobId, candidate.id);
    if (refusal) setError(refusal);
    else onClose();
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="add-to-job-title" fullWidth>
      <DialogTitle id="add-to-job-title">
        Add {candidate.firstName} {candidate.lastName} to a job
      </DialogTitle>
      <DialogContent>
        {jobs.length === 0 ? (
          <Alert severity="info">There is no open job this candidate has not applied to.</Alert>
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
        <Button variant="contained" disabled={!jobId} onClick={() => void add()}>
          Add to job
        </Button>
      </DialogActions>
    </Dialog>
  );
}
