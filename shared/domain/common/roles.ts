/** The roles of an organisation's people (SPEC §1). */
export const ORGANISATION_ROLES = ['admin', 'hiring_manager', 'recruiter', 'interviewer', 'candidate'] as const;

/**
 * Every role of SPEC §1: an organisation's, and the deployment's `operator`, who manages organisations
 * and reads none of their documents (no write or read rule grants it anything).
 */
export const ROLES = [...ORGANISATION_ROLES, 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that use the desktop app and replicate; `candidate` uses the portal only. */
export const STAFF_ROLES = ['admin', 'hiring_manager', 'recruiter', 'interviewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles that see every replicated document (SPEC §3, "Who may read what"). */
export const FULL_READ_ROLES: readonly Role[] = ['admin', 'hiring_manager', 'recruiter'];

/** The authenticated person a rule is judged for. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
}

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

export function isRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}

/** Human names for roles, for messages and screens. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: 'admin',
  hiring_manager: 'hiring manager',
  recruiter: 'recruiter',
  interviewer: 'interviewer',
  candidate: 'candidate',
  operator: 'operator',
};
