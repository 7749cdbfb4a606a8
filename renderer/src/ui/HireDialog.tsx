import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
} from '@mui/material';
import { useState } from 'react';
import { roleMay } from '#shared/domain/access/write-matrix';
import { isJobFinal } from '#shared/domain/job/job-machine';
import type { Job } from '#shared/domain/job/job-schema';
import { useActor, useCurrentUser, useDb } from '../data/hooks/use-database';
import { useApplication, useApplicationsForJob, useCandidate, useJob } from '../data/hooks/use-documents';
import { saveDocument } from '../data/local-writes';
import { CandidateMessageComposer, isMessageOffered } from './CandidateMessageComposer';
import { draftProblem, type MessageDraft } from './message-draft';
import { messageValues } from './message-values';
import { useMessageDraft } from './use-message-draft';
import { candidateNameOr, useMissingNames } from './missing-names';

interface HireDialogProps {
  /** The application being moved to hired (read here, so the board can open the dialog too). */
  readonly applicationId: string;
  /** Makes the hire, with the message the person chose (or not); answers why it was refused, or null. */
  readonly onHire: (message: MessageDraft) => Promise<string | null>;
  readonly onClose: () => void;
}

/** How many people a job hires: its openings, one when not given. */
export function openingsOf(job: Job): number {
  return job.openings ?? 1;
}

/**
 * Hiring, confirmed: the person says yes first (a hire is final) and decides whether the candidate
 * gets a welcome (SPEC §12); then, when the job's openings are all filled by it, is offered to close
 * the job as filled.
 */
export function HireDialog({ applicationId, onHire, onClose }: HireDialogProps) {
  const db = useDb();
  const actor = useActor();
  const user = useCurrentUser();
  const application = useApplication(applicationId);
  const candidate = useCandidate(application?.candidateId ?? '');
  const missing = useMissingNames();
  const job = useJob(application?.jobId ?? '');
  const hiredBefore = (useApplicationsForJob(application?.jobId ?? '') ?? []).filter(
    (each) => each.stage === 'hired' && each.id !== applicationId,
  ).length;
  const [draft, setDraft] = useMessageDraft(
    'hired',
    messageValues({ candidate, job, senderName: user.name, application: application ?? null }),
  );
  const [step, setStep] = useState<'confirm' | 'close'>('confirm');
  const [error, setError] = useState<string | null>(null);
  const mayMessage = isMessageOffered(actor, 'hired', candidate);
  const problem = mayMessage ? draftProblem(draft) : null;
  const name = candidateNameOr(candidate, missing);
  const mayClose =
    job !== null && job !== undefined && roleMay(actor.role, 'job.changeStatus') && !isJobFinal(job.status);

  const hire = async () => {
    const refusal = await onHire(mayMessage ? draft : { ...draft, send: false });
    if (refusal) setError(refusal);
    else if (job && mayClose && hiredBefore + 1 >= openingsOf(job)) setStep('close');
    else onClose();
  };
  const closeJob = async () => {
    if (!job) return;
    const decision = await saveDocument(db, actor, 'jobs', job, {
      ...job,
      status: 'closed',
      closedReason: 'filled',
    });
    if (decision.ok) onClose();
    else setError(decision.message);
  };

  if (step === 'close' && job) {
    const openings = openingsOf(job);
    return (
      <Dialog open onClose={onClose} aria-labelledby="hire-title">
        <DialogTitle id="hire-title">Close {job.title} as filled?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {name} is hired.{' '}
            {openings === 1
              ? 'That fills the job’s one opening.'
              : `That fills all ${openings} of the job’s openings.`}{' '}
            Closing it takes it off the careers page; people still in its pipeline can be rejected as usual.
          </DialogContentText>
          {error && <Alert severity="error">{error}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Keep it open</Button>
          <Button variant="contained" onClick={() => void closeJob()}>
            Close as filled
          </Button>
        </DialogActions>
      </Dialog>
    );
  }
  const sends = mayMessage && draft.send;
  return (
    <Dialog open onClose={onClose} aria-labelledby="hire-title" fullWidth maxWidth="sm">
      <DialogTitle id="hire-title">Hire {name}?</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <DialogContentText>
            {application?.offer?.status === 'accepted'
              ? `${name} accepted the offer for ${job?.title ?? 'the job'}. `
              : ''}
            Hiring is final: the application cannot move again.
          </DialogContentText>
          <CandidateMessageComposer kind="hired" candidate={candidate} draft={draft} onChange={setDraft} />
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={problem !== null} onClick={() => void hire()}>
          {sends ? `Hire ${name} and send` : `Hire ${name}`}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
