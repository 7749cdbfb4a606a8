import { Button, Menu, MenuItem, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { roleMay } from '#shared/domain/access/write-matrix';
import type { Stage } from '#shared/domain/application/application-schema';
import type { Job } from '#shared/domain/job/job-schema';
import { useActor, useDb } from '../data/hooks/use-database';
import type { BulkOutcome } from './bulk-outcome';
import { addCandidatesToJob, moveApplications, tagCandidates, type PickedApplication } from './bulk-writes';
import { BulkJobDialog, BulkTagDialog } from './BulkDialogs';
import { humanize } from './labels';
import { RejectDialog } from './RejectDialog';

/** Stages many applications may be moved to at once; hiring is one at a time, with its confirmation. */
const BULK_STAGES: readonly Stage[] = ['screening', 'interview', 'offer'];

interface ApplicationBulkActionsProps {
  readonly picked: readonly PickedApplication[];
  /** Open jobs, to add the picked candidates to. */
  readonly jobs: readonly Job[];
  readonly onDone: (outcome: BulkOutcome, verb: string) => void;
  readonly onClear: () => void;
}

/**
 * What can be done to many picked applications at once (a job's table, the board): move them on,
 * reject them with one of the organisation's reasons, tag their candidates, add them to another
 * job. Each item is judged by the shared rules; the outcome lists the refused ones with why.
 */
export function ApplicationBulkActions({ picked, jobs, onDone, onClear }: ApplicationBulkActionsProps) {
  const db = useDb();
  const actor = useActor();
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [dialog, setDialog] = useState<'reject' | 'tag' | 'job' | null>(null);
  const [isWorking, setIsWorking] = useState(false);
  const count = `${picked.length} candidate${picked.length === 1 ? '' : 's'}`;
  const candidates = [...new Map(picked.map((each) => [each.candidateId, each])).values()].map((each) => ({
    id: each.candidateId,
    name: each.name,
  }));

  const run = async (work: () => Promise<BulkOutcome>, verb: string) => {
    setIsWorking(true);
    setMenu(null);
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
      {roleMay(actor.role, 'application.advance') && (
        <Button variant="outlined" disabled={isWorking} onClick={(event) => setMenu(event.currentTarget)}>
          Move to…
        </Button>
      )}
      <Menu open={menu !== null} anchorEl={menu} onClose={() => setMenu(null)}>
        {BULK_STAGES.map((stage) => (
          <MenuItem
            key={stage}
            onClick={() => void run(() => moveApplications(db, actor, picked, stage, {}), 'moved')}
          >
            {humanize(stage)}
          </MenuItem>
        ))}
      </Menu>
      {roleMay(actor.role, 'application.reject') && (
        <Button variant="outlined" color="error" disabled={isWorking} onClick={() => setDialog('reject')}>
          Reject…
        </Button>
      )}
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
      <Button onClick={onClear}>Clear selection</Button>
      {dialog === 'reject' && (
        <RejectDialog
          candidateName={count}
          onClose={() => setDialog(null)}
          onReject={(reason, note) =>
            void run(() => moveApplications(db, actor, picked, 'rejected', { reason, note }), 'rejected')
          }
        />
      )}
      {dialog === 'tag' && (
        <BulkTagDialog
          count={count}
          isWorking={isWorking}
          onClose={() => setDialog(null)}
          onTag={(tag) => void run(() => tagCandidates(db, actor, candidates, tag), 'tagged')}
        />
      )}
      {dialog === 'job' && (
        <BulkJobDialog
          count={count}
          jobs={jobs}
          isWorking={isWorking}
          onClose={() => setDialog(null)}
          onAdd={(jobId) => void run(() => addCandidatesToJob(db, actor, candidates, jobId), 'added')}
        />
      )}
    </Stack>
  );
}
