import { Button, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { roleMay } from '#shared/domain/access/write-matrix';
import type { Stage } from '#shared/domain/application/application-schema';
import type { Job } from '#shared/domain/job/job-schema';
import { useActor, useDb } from '../data/hooks/use-database';
import type { BulkOutcome } from './bulk-outcome';
import { BulkActionBar, TagAndJobActions, useBulkRun } from './BulkActionBar';
import { moveApplications, type PickedApplication } from './bulk-writes';
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
  const { isWorking, run } = useBulkRun(onDone);
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [isRejecting, setIsRejecting] = useState(false);
  const count = `${picked.length} candidate${picked.length === 1 ? '' : 's'}`;
  const candidates = [...new Map(picked.map((each) => [each.candidateId, each])).values()].map((each) => ({
    id: each.candidateId,
    name: each.name,
  }));
  const move = (to: Stage, details: { reason?: string; note?: string }, verb: string) => {
    setMenu(null);
    setIsRejecting(false);
    void run(() => moveApplications(db, actor, picked, to, details), verb);
  };

  return (
    <BulkActionBar count={picked.length} onClear={onClear}>
      {roleMay(actor.role, 'application.advance') && (
        <Button variant="outlined" disabled={isWorking} onClick={(event) => setMenu(event.currentTarget)}>
          Move to…
        </Button>
      )}
      <Menu open={menu !== null} anchorEl={menu} onClose={() => setMenu(null)}>
        {BULK_STAGES.map((stage) => (
          <MenuItem key={stage} onClick={() => move(stage, {}, 'moved')}>
            {humanize(stage)}
          </MenuItem>
        ))}
      </Menu>
      {roleMay(actor.role, 'application.reject') && (
        <Button variant="outlined" color="error" disabled={isWorking} onClick={() => setIsRejecting(true)}>
          Reject…
        </Button>
      )}
      <TagAndJobActions candidates={candidates} jobs={jobs} isWorking={isWorking} run={run} />
      {isRejecting && (
        <RejectDialog
          candidateName={count}
          onClose={() => setIsRejecting(false)}
          onReject={(reason, note) => move('rejected', { reason, note }, 'rejected')}
        />
      )}
    </BulkActionBar>
  );
}
