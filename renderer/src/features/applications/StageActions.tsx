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
import { saveStageMessage } from '../../ui/candidate-messages';
import { humanize } from '../../ui/labels';
import type { MessageDraft } from '../../ui/message-draft';
import { RejectDialog } from '../../ui/RejectDialog';
import { HireDialog } from '../../ui/HireDialog';
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
  const [asking, setAsking] = useState<'rejected' | 'hired' | null>(null);
  const moves = allowedStageMoves(application.stage, actor, job.status);
  const hireReadiness = decideHireReadiness(application.offer?.status);

  const move = async (
    to: Stage,
    details: { reason?: string; note?: string } = {},
    message?: MessageDraft,
  ) => {
    const after = moveToStage(application, to, actor, details, { at: new Date() });
    const decision = await saveDocument(db, actor, 'applications', application, after);
    if (to !== 'hired') setAsking(null);
    if (!decision.ok) {
      setError(decision.message);
      return decision.message;
    }
    // The message goes with this very change: written only once the change is.
    const kind = to === 'rejected' ? 'rejection' : to === 'hired' ? 'hired' : null;
    const sent = kind ? await saveStageMessage(db, actor, message ?? null, application.id, kind) : null;
    setError(
      sent && !sent.decision.ok ? `The move was saved, but not the message: ${sent.decision.message}` : null,
    );
    return null;
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
            <Button key={to} color="error" variant="outlined" onClick={() => setAsking('rejected')}>
              Reject
            </Button>
          ) : to === 'hired' ? (
            <Button
              key={to}
              variant="contained"
              disabled={!hireReadiness.ok}
              onClick={() => setAsking('hired')}
            >
              Hire…
            </Button>
          ) : (
            <Button
              key={to}
              variant="contained"
              onClick={() => void move(to)}
            >
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
      {asking === 'rejected' && (
        <RejectDialog
          candidateName={candidateName}
          applicationId={application.id}
          onClose={() => setAsking(null)}
          onReject={(reason, note, message) => void move('rejected', { reason, note }, message)}
        />
      )}
      {asking === 'hired' && (
        <HireDialog
          applicationId={application.id}
          onClose={() => setAsking(null)}
          onHire={(message) => move('hired', {}, message)}
        />
      )}
    </Stack>
  );
}
