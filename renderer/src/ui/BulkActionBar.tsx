import { Button, Stack, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import type { Job } from '#shared/domain/job/job-schema';
import { roleMay } from '#shared/domain/access/write-matrix';
import { useActor, useDb } from '../data/hooks/use-database';
import type { BulkOutcome } from './bulk-outcome';
import { BulkTagDialog, ChooseJobDialog } from './BulkDialogs';
import { addCandidatesToJob, tagCandidates, type PickedCandidate } from './bulk-writes';

/** Runs one bulk action at a time and reports its outcome; `isWorking` while it runs. */
export function useBulkRun(onDone: (outcome: BulkOutcome, verb: string) => void): {
  readonly isWorking: boolean;
  readonly run: (work: () => Promise<BulkOutcome>, verb: string) => Promise<void>;
} {
  const [isWorking, setIsWorking] = useState(false);
  const run = async (work: () => Promise<BulkOutcome>, verb: string) => {
    setIsWorking(true);
    try {
      onDone(await work(), verb);
    } finally {
      setIsWorking(false);
    }
  };
  return { isWorking, run };
}

/** The bar above a list while items are picked: how many, the actions, and a way to unpick. */
export function BulkActionBar({
  count,
  onClear,
  children,
}: {
  readonly count: number;
  readonly onClear: () => void;
  readonly children: ReactNode;
}) {
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
      <Typography sx={{ mr: 1 }}>{count} selected</Typography>
      {children}
      <Button onClick={onClear}>Clear selection</Button>
    </Stack>
  );
}

interface TagAndJobActionsProps {
  readonly candidates: readonly PickedCandidate[];
  /** Open jobs, to add the candidates to. */
  readonly jobs: readonly Job[];
  readonly isWorking: boolean;
  readonly run: (work: () => Promise<BulkOutcome>, verb: string) => Promise<void>;
}

/** "Tag…" and "Add to job…" for many candidates, with their dialogs. */
export function TagAndJobActions({ candidates, jobs, isWorking, run }: TagAndJobActionsProps) {
  const db = useDb();
  const actor = useActor();
  const [dialog, setDialog] = useState<'tag' | 'job' | null>(null);
  const count = `${candidates.length} candidate${candidates.length === 1 ? '' : 's'}`;
  const finish = (work: () => Promise<BulkOutcome>, verb: string) =>
    void run(work, verb).finally(() => setDialog(null));
  return (
    <>
      {roleMay(actor.role, 'candidate.edit') && (
        <Button variant="outlined" disabled={isWorking} onClick={() => setDialog('tag')}>
          Tag…
        </Button>
      )}
      {roleMay(actor.role, 'application.create') && (
        <Button variant="outlined" disabled={isWorking} onClick={() => setDialog('job')}>
          Add to job…
        </Button>
      )}
      {dialog === 'tag' && (
        <BulkTagDialog
          count={count}
          isWorking={isWorking}
          onClose={() => setDialog(null)}
          onTag={(tag) => finish(() => tagCandidates(db, actor, candidates, tag), 'tagged')}
        />
      )}
      {dialog === 'job' && (
        <ChooseJobDialog
          title={`Add ${count} to a job`}
          jobs={jobs}
          isWorking={isWorking}
          onClose={() => setDialog(null)}
          onChoose={(jobId) => finish(() => addCandidatesToJob(db, actor, candidates, jobId), 'added')}
        />
      )}
    </>
  );
}
