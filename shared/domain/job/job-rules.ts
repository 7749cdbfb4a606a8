import { changedFields } from '../common/equality';
import { ALLOWED, refuse, type Decision } from '../common/refusal';
import type { Actor } from '../common/roles';
import { roleMay } from '../access/write-matrix';
import { decideJobStatusChange, isJobFinal } from './job-machine';
import type { Job } from './job-schema';
import { decideInterviewPlan } from './interview-plan';

const STATUS_FIELDS = ['status', 'closedReason'];

/**
 * Whether `actor` may write `after` over `before` (null for a new job): who may create and edit,
 * the status machine with its approval step, closing with a reason, and nothing after closing.
 */
export function decideJobWrite(actor: Actor, before: Job | null, after: Job): Decision {
  const shape = decideJobShape(after);
  if (!shape.ok) return shape;
  return before ? decideUpdate(actor, before, after) : decideCreate(actor, after);
}

function decideCreate(actor: Actor, after: Job): Decision {
  if (!roleMay(actor.role, 'job.edit')) return refuse('forbidden_role', 'Your role may not create jobs.');
  if (after.status === 'draft') return ALLOWED;
  if (after.status === 'open') {
    // Creating a job as open is creating and approving it at once.
    return decideJobStatusChange('draft', 'open', actor);
  }
  return refuse('invalid_transition', 'A new job starts as a draft.');
}

function decideUpdate(actor: Actor, before: Job, after: Job): Decision {
  const changed = changedFields(before, after, ['updatedAt']);
  if (changed.length === 0) return ALLOWED;
  if (isJobFinal(before.status)) return refuse('job_closed');
  if (changed.includes('createdBy') || changed.includes('createdAt')) {
    return refuse('immutable_field', 'createdBy and createdAt cannot be changed.');
  }
  if (changed.some((field) => !STATUS_FIELDS.includes(field)) && !roleMay(actor.role, 'job.edit')) {
    return refuse('forbidden_role', 'Your role may not edit jobs.');
  }
  if (before.status !== after.status) {
    return decideJobStatusChange(before.status, after.status, actor, after.closedReason);
  }
  if (changed.includes('closedReason')) {
    return refuse('validation_failed', 'closedReason is set when closing the job.');
  }
  return ALLOWED;
}

/** Cross-field checks the JSON Schema cannot express. */
function decideJobShape(job: Job): Decision {
  if (job.status !== 'closed' && job.closedReason !== undefined) {
    return refuse('validation_failed', 'closedReason: only a closed job has one.');
  }
  if (job.status === 'closed' && job.closedReason === undefined) {
    return refuse('reason_required', 'Closing a job needs a reason: filled or cancelled.');
  }
  if (job.salaryMin !== undefined && job.salaryMax !== undefined && job.salaryMin > job.salaryMax) {
    return refuse('validation_failed', 'salaryMin: must not be above salaryMax.');
  }
  return job.interviewPlan ? decideInterviewPlan(job.interviewPlan) : ALLOWED;
}
