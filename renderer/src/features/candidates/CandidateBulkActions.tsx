import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { Job } from '#shared/domain/job/job-schema';
import { useActor, useDb } from '../../data/hooks/use-database';
import type { BulkOutcome } from '../../ui/bulk-outcome';
import { BulkJobDialog, BulkTagDialog } from '../../ui/BulkDialogs';
import { addCandidatesToJob, tagCandidates, type PickedCandidate } from '../../ui/bulk-writes';

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
  const count = `${picked.length} candidates`;
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
      {dialog === 'tag' && (
        <BulkTagDialog
          count={count}
          isWorking={isWorking}
          onClose={() => setDialog(null)}
          onTag={(tag) => void run(() => tagCandidates(db, actor, picked, tag), 'tagged')}
        />
      )}
      {dialog === 'job' && (
        <BulkJobDialog
          count={count}
          jobs={jobs}
          isWorking={isWorking}
          onClose={() => setDialog(null)}
          onAdd={(jobId) => void run(() => addCandidatesToJob(db, actor, picked, jobId), 'added')}
        />
      )}
    </Stack>
  );
}
