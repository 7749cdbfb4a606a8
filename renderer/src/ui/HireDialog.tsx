import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useState } from 'react';
import { roleMay } from '#shared/domain/access/write-matrix';
import { isJobFinal } from '#shared/domain/job/job-machine';
import type { Job } from '#shared/domain/job/job-schema';
import { useActor, useDb } from '../data/hooks/use-database';
import { saveDocument } from '../data/local-writes';

interface HireDialogProps {
  readonly candidateName: string;
  readonly job: Job;
  /** How many of the job's applications are hired already, this one not counted. */
  readonly hiredBefore: number;
  /** Makes the hire; answers why it was refused, or null. */
  readonly onHire: () => Promise<string | null>;
  readonly onClose: () => void;
}

/** How many people a job hires: its openings, one when not given. */
export function openingsOf(job: Job): number {
  return job.openings ?? 1;
}

/**
 * Hiring, confirmed: the person says yes first (a hire is final), then, when the job's openings are
 * all filled by it, is offered to close the job as filled.
 */
export function HireDialog({ candidateName, job, hiredBefore, onHire, onClose }: HireDialogProps) {
  const db = useDb();
  const actor = useActor();
  const [step, setStep] = useState<'confirm' | 'close'>('confirm');
  const [error, setError] = useState<string | null>(null);
  const openings = openingsOf(job);
  const mayClose = roleMay(actor.role, 'job.changeStatus') && !isJobFinal(job.status);

  const hire = async () => {
    const refusal = await onHire();
    if (refusal) setError(refusal);
    else if (mayClose && hiredBefore + 1 >= openings) setStep('close');
    else onClose();
  };
  const closeJob = async () => {
    const decision = await saveDocument(db, actor, 'jobs', job, {
      ...job,
      status: 'closed',
      closedReason: 'filled',
    });
    if (decision.ok) onClose();
    else setError(decision.message);
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="hire-title">
      {step === 'confirm' ? (
        <>
          <DialogTitle id="hire-title">Hire {candidateName}?</DialogTitle>
          <DialogContent>
            <DialogContentText>
              {candidateName} accepted the offer for {job.title}. Hiring is final: the application cannot move
              again.
            </DialogContentText>
            {error && <Alert severity="error">{error}</Alert>}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="contained" onClick={() => void hire()}>
              Hire {candidateName}
            </Button>
          </DialogActions>
        </>
      ) : (
        <>
          <DialogTitle id="hire-title">Close {job.title} as filled?</DialogTitle>
          <DialogContent>
            <DialogContentText>
              {candidateName} is hired.{' '}
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
        </>
      )}
    </Dialog>
  );
}
