/**
 * Machine-readable reasons a write is refused, with the human message the app shows.
 * The server puts `{code, message}` in push rejections and 4xx bodies; the app shows `message`.
 */
export const REFUSAL_MESSAGES = {
  validation_failed: 'The document is not valid.',
  forbidden_role: 'Your role may not make this change.',
  invalid_transition: 'That move is not allowed by the hiring workflow.',
  job_not_open: 'The job is not open, so its pipeline cannot move forward.',
  job_closed: 'The job is closed and can no longer be changed.',
  reason_required: 'A reason is required.',
  unknown_reason: 'The rejection reason is not one of the organisation’s reasons.',
  history_immutable: 'Earlier stage history cannot be changed.',
  history_mismatch: 'A stage change must add exactly one matching history entry.',
  invalid_time: 'The time of the change is not plausible.',
  not_assigned: 'You are not assigned to this interview.',
  not_own_scorecard: 'You can only write your own scorecard.',
  id_mismatch: 'The document id does not match its contents.',
  immutable_field: 'This field cannot be changed after creation.',
  server_managed_field: 'This field is managed by the server.',
  not_found: 'A document this change refers to does not exist.',
  application_closed: 'The application is closed (hired or rejected).',
  interview_cancelled: 'The interview was cancelled.',
  interview_not_scheduled: 'Only a scheduled interview can be declined.',
  not_own_decline: 'You can only decline an interview for yourself.',
  unknown_kit: 'The interview kit is not in the job’s interview plan.',
  attribute_not_in_kit: 'A scorecard rates only the focus attributes of its interview’s kit.',
  unknown_interviewer: 'Interviewers must be active staff members.',
  offer_not_allowed: 'An offer can only be changed while the application is at the offer stage.',
  offer_not_accepted: 'Hiring needs an offer the candidate has accepted.',
  candidate_merged: 'This candidate was merged into another record; make the change there.',
  application_merged: 'This application was merged into another one; make the change there.',
  merge_invalid: 'This merge of duplicate candidates is not consistent.',
  unknown_mention: 'Only colleagues who work on candidates can be mentioned (not interviewers).',
  unnamed_mention: 'Everyone a comment mentions is named with @ in its text.',
  duplicate_email: 'Another candidate already has this email address.',
  delete_forbidden: 'Only an admin may delete documents.',
  read_only_collection: 'This collection is read-only.',
  candidate_erased: 'This candidate was erased at their request and cannot be changed.',
  message_closed: 'A message that was sent, withdrawn or cancelled cannot be changed.',
  not_own_message: 'Only the person who wrote a message may change it.',
} as const satisfies Record<string, string>;

export type RefusalCode = keyof typeof REFUSAL_MESSAGES;

export const REFUSAL_CODES = Object.keys(REFUSAL_MESSAGES) as RefusalCode[];

/** A rule's answer: allowed, or refused with a code and a message for a person. */
export type Decision = { readonly ok: true } | Refusal;

export interface Refusal {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly message: string;
}

export const ALLOWED: Decision = Object.freeze({ ok: true });

/** A refusal with the standard message for `code`, or a more specific one. */
export function refuse(code: RefusalCode, message?: string): Refusal {
  return { ok: false, code, message: message ?? REFUSAL_MESSAGES[code] };
}

export function isRefusalCode(code: string): code is RefusalCode {
  return Object.prototype.hasOwnProperty.call(REFUSAL_MESSAGES, code);
}
