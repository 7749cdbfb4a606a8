import type { Role } from '../common/roles';

/**
 * The write-permission matrix of SPEC §3 ("Who may write what"), as data: each action and the roles
 * that may perform it. Conditions beyond the role (own scorecard, assigned interview, own portal
 * application) are checked by the aggregate's rules.
 */
export const WRITE_PERMISSIONS = {
  /** Create a job, or edit its fields while it is draft, open or on hold. */
  'job.edit': ['admin', 'hiring_manager', 'recruiter'],
  /** `draft → open`. */
  'job.approve': ['admin', 'hiring_manager'],
  /** `open ↔ on_hold` and closing a job. */
  'job.changeStatus': ['admin', 'hiring_manager', 'recruiter'],
  'candidate.edit': ['admin', 'hiring_manager', 'recruiter'],
  /** Add a candidate to a job. Candidates may, through the portal, for themselves only. */
  'application.create': ['admin', 'hiring_manager', 'recruiter', 'candidate'],
  /** `applied → screening → interview → offer`. */
  'application.advance': ['admin', 'hiring_manager', 'recruiter'],
  /** `offer → hired`. */
  'application.hire': ['admin', 'hiring_manager'],
  'application.reject': ['admin', 'hiring_manager', 'recruiter'],
  'application.editOffer': ['admin', 'hiring_manager', 'recruiter'],
  /** Edit an application's other fields (its source). */
  'application.edit': ['admin', 'hiring_manager', 'recruiter'],
  /** Schedule, reschedule or cancel an interview. */
  'interview.schedule': ['admin', 'hiring_manager', 'recruiter'],
  /** Add or edit one's own scorecard, on an interview one is assigned to. */
  'interview.writeOwnScorecard': ['admin', 'hiring_manager', 'recruiter', 'interviewer'],
  /** Decline (or take back one's decline of) an interview one is assigned to, with a reason. */
  'interview.declineOwn': ['admin', 'hiring_manager', 'recruiter', 'interviewer'],
  /** Comment on a candidate (the timeline), mentioning colleagues. */
  'comment.write': ['admin', 'hiring_manager', 'recruiter'],
  /** Delete anyone's comment (moderation). Nobody edits another's words; authors delete their own. */
  'comment.moderate': ['admin'],
  'user.manage': ['admin'],
  /** Change one's own preferences (time zone, e-mail notifications) on one's directory entry. */
  'user.editOwnPreferences': ['admin', 'hiring_manager', 'recruiter', 'interviewer'],
  /** The organisation's settings (rejection reasons, …). */
  'settings.edit': ['admin'],
  /** Delete a replicated document (GDPR erasure and clean-up). */
  'document.delete': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type WriteAction = keyof typeof WRITE_PERMISSIONS;

/** Whether `role` may perform `action`, before any condition on the document. */
export function roleMay(role: Role, action: WriteAction): boolean {
  return (WRITE_PERMISSIONS[action] as readonly Role[]).includes(role);
}
