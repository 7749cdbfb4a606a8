import { Alert, Button, Stack } from '@mui/material';
import { useState } from 'react';
import {
  allowedStageMoves,
  decideHireReadiness,
  isTerminalStage,
} from '#shared/domain/application/application-machine';
import type { Application, Stage } from '#shared/domain/application/application-schema';
import type { Job } from '#shared/domain/job/job-schema';
import { roleMay } from '#shared/domain/access/write-matrix';
import { useActor, useDb } from '../../data/hooks/use-database';
import { saveDocument } from '../../data/local-writes';
import { humanize } from '../../ui/labels';
import { RejectDialog } from '../../ui/RejectDialog';
import { HireDialog } from '../../ui/HireDialog';
import { useApplicationsForJob } from '../../data/hooks/use-documents';
import { moveToStage } from '#shared/domain/application/application-commands';
import { isPipelineOpen } from '#shared/domain/job/job-machine';

interface StageActionsProps {
  readonly application: Application;
  readonly job: Job;
  readonly candidateName: string;
}

/** The stage moves the shared rules allow this user on this job (`allowedStageMoves`), and only those. */
export function StageActions({ application, job, candidateName }: StageActionsProps) {
  const db = useDb();
  const actor = useActor();
  const [error, setError] = useState<string | null>(null);
  const [isRejecting, setIsRejecting] = useState(false);
  const [isHiring, setIsHiring] = useState(false);
  const hiredBefore = (useApplicationsForJob(job.id) ?? []).filter((each) => each.stage === 'hired').length;
  const moves = allowedStageMoves(application.stage, actor, job.status);
  const hireReadiness = decideHireReadiness(application.offer?.status);

  const move = async (to: Stage, reason?: string, note?: string) => {
    const after = moveToStage(application, to, actor, { reason, note }, { at: new Date() });
    const decision = await saveDocument(db, actor, 'applications', application, after);
    setError(decision.ok ? null : decision.message);
    setIsRejecting(false);
    return decision;
  };

  const isPaused =
    roleMay(actor.role, 'application.advance') &&
    !isTerminalStage(application.stage) &&
    !isPipelineOpen(job.status);
  return (
    <Stack spacing={1}>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        {moves.map((to) =>
          to === 'rejected' ? (
            <Button key={to} color="error" variant="outlined" onClick={() => setIsRejecting(true)}>
              Reject
            </Button>
          ) : to === 'hired' ? (
            <Button
              key={to}
              variant="contained"
              disabled={!hireReadiness.ok}
              onClick={() => setIsHiring(true)}
            >
              Hire…
            </Button>
          ) : (
            <Button key={to} variant="contained" onClick={() => void move(to)}>
              Move to {humanize(to)}
            </Button>
          ),
        )}
      </Stack>
      {moves.includes('hired') && !hireReadiness.ok && <Alert severity="info">{hireReadiness.message}</Alert>}
      {isPaused && (
        <Alert severity="info">
          The job is {humanize(job.status).toLowerCase()}, so this application cannot move forward until it
          reopens.
        </Alert>
      )}
      {error && <Alert severity="error">{error}</Alert>}
      {isHiring && (
        <HireDialog
          candidateName={candidateName}
          job={job}
          hiredBefore={hiredBefore}
          onHire={async () => {
            const decision = await move('hired');
            return decision.ok ? null : decision.message;
          }}
          onClose={() => setIsHiring(false)}
        />
      )}
      {isRejecting && (
        <RejectDialog
          candidateName={candidateName}
          onClose={() => setIsRejecting(false)}
          onReject={(reason, note) => void move('rejected', reason, note)}
        />
      )}
    </Stack>
  );
}
