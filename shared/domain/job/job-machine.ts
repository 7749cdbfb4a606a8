import type { Actor } from '../common/roles';
import { ALLOWED, refuse, type Decision } from '../common/refusal';
import { roleMay, type WriteAction } from '../access/write-matrix';
import type { ClosedReason, JobStatus } from './job-schema';

/**
 * The job status machine of SPEC §3: `draft → open`, `draft → closed`, `open ↔ on_hold`,
 * `open → closed`, `on_hold → closed`. `closed` is terminal.
 */
export const JOB_STATUS_TRANSITIONS: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  draft: ['open', 'closed'],
  open: ['on_hold', 'closed'],
  on_hold: ['open', 'closed'],
  closed: [],
};

/** A closed job is final: nothing about it changes any more. */
export function isJobFinal(status: JobStatus): boolean {
  return JOB_STATUS_TRANSITIONS[status].length === 0;
}

/** Only an open job takes new applications and moves its pipeline forward (`on_hold` pauses it). */
export function isPipelineOpen(status: JobStatus): boolean {
  return status === 'open';
}

export function isJobStatusTransition(from: JobStatus, to: JobStatus): boolean {
  return JOB_STATUS_TRANSITIONS[from].includes(to);
}

/** Approving (`draft → open`) is its own action; every other status change is `job.changeStatus`. */
export function jobStatusAction(from: JobStatus, to: JobStatus): WriteAction {
  return from === 'draft' && to === 'open' ? 'job.approve' : 'job.changeStatus';
}

/**
 * Whether `actor` may change a job's status from `from` to `to`. Closing needs `closedReason`.
 */
export function decideJobStatusChange(
  from: JobStatus,
  to: JobStatus,
  actor: Actor,
  closedReason?: ClosedReason,
): Decision {
  if (!isJobStatusTransition(from, to)) {
    return refuse(
      'invalid_transition',
      from === 'closed' ? 'The job is closed; that is final.' : `A job cannot go from ${from} to ${to}.`,
    );
  }
  if (!roleMay(actor.role, jobStatusAction(from, to))) {
    return refuse(
      'forbidden_role',
      to === 'open' && from === 'draft'
        ? 'Only a hiring manager or an admin can approve a job.'
        : 'Your role may not change the status of a job.',
    );
  }
  if (to === 'closed' && !closedReason) {
    return refuse('reason_required', 'Closing a job needs a reason: filled or cancelled.');
  }
  return ALLOWED;
}

/** The statuses `actor` may move a job at `from` to. */
export function allowedJobStatusChanges(from: JobStatus, actor: Actor): JobStatus[] {
  return JOB_STATUS_TRANSITIONS[from].filter((to) => decideJobStatusChange(from, to, actor, 'filled').ok);
}
