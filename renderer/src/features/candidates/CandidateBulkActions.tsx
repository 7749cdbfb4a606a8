import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Job } from '#shared/domain/job/job-schema';
import { useActor, useDb } from '../../data/hooks/use-database';
import type { BulkOutcome } from '../../ui/bulk-outcome';
import { addCandidatesToJob, tagCandidates, type PickedCandidate } from './candidate-bulk';

interface CandidateBulkActionsProps {
  readonly picked: readonly PickedCandidate[];
  /** Open jobs, to add the picked candidates to. */
  readonly jobs: readonly Job[];
  readonly onDone: (outcome: BulkOutcome, verb: string) => void;
  readonly onClear: () => void;
}

/** What can be done to many picked candidates at once: tag them, add them to a job. */
export function CandidateBulkActions({ picked, jobs, onDone, onClear }: CandidateBulkActionsProps) {
  const db = useDb();
  const actor = useActor();
  const [dialog, setDialog] = useState<'tag' | 'job' | null>(null);
  const [tag, setTag] = useState('');
  const [jobId, setJobId] = useState('');
  const [isWorking, setIsWorking] = useState(false);

  const run = async (work: () => Promise<BulkOutcome>, verb: string) => {
    setIsWorking(true);
    const outcome = await work();
    setIsWorking(false);
    setDialog(null);
    onDone(outcome, verb);
  };

  return (
    <Stack
      direction="row"
      component="section"
      aria-label="Bulk actions"
      sx={{
        gap: 1,
        alignItems: 'center',
        flexWrap: 'wrap',
        p: 1,
        bgcolor: 'action.selected',
        borderRadius: 1,
      }}
    >
      <Typography sx={{ mr: 1 }}>{picked.length} selected</Typography>
      <Button variant="outlined" onClick={() => setDialog('tag')}>
        Tag…
      </Button>
      <Button variant="outlined" onClick={() => setDialog('job')}>
        Add to job…
      </Button>
      <Button onClick={onClear}>Clear selection</Button>
      <Dialog
        open={dialog === 'tag'}
        onClose={() => setDialog(null)}
        aria-labelledby="bulk-tag-title"
        fullWidth
      >
        <DialogTitle id="bulk-tag-title">Tag {picked.length} candidates</DialogTitle>
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
          <Button onClick={() => setDialog(null)}>Cancel</Button>
          <Button
            variant="contained"
            disabled={!tag.trim() || isWorking}
            onClick={() => void run(() => tagCandidates(db, actor, picked, tag), 'tagged')}
          >
            Add tag
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog
        open={dialog === 'job'}
        onClose={() => setDialog(null)}
        aria-labelledby="bulk-job-title"
        fullWidth
      >
        <DialogTitle id="bulk-job-title">Add {picked.length} candidates to a job</DialogTitle>
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
          <Button onClick={() => setDialog(null)}>Cancel</Button>
          <Button
            variant="contained"
            disabled={!jobId || isWorking}
            onClick={() => void run(() => addCandidatesToJob(db, actor, picked, jobId), 'added')}
          >
            Add to job
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
