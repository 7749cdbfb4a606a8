import Type, { type Static } from 'typebox';
import type { ROLES } from '../domain/common/roles';
import { StringEnum } from '../domain/common/schema-helpers';

/**
 * The admin area's wire contract (SPEC §5, `/api/admin/*`), as the admin console calls it: paths and
 * the schemas of what they answer. The server validates and documents its routes with these; the
 * console takes its paths and types from here.
 */

const id = (value: string): string => encodeURIComponent(value);

/** The paths of the admin endpoints the app calls. */
export const ADMIN_PATHS = {
  users: '/api/admin/users',
  user: (userId: string) => `/api/admin/users/${id(userId)}`,
  revokeSessions: (userId: string) => `/api/admin/users/${id(userId)}/revoke-sessions`,
  password: (userId: string) => `/api/admin/users/${id(userId)}/password`,
  passwordReset: (userId: string) => `/api/admin/users/${id(userId)}/password-reset`,
  audit: '/api/admin/audit',
  auditExport: '/api/admin/audit/export',
  erase: (candidateId: string) => `/api/admin/candidates/${id(candidateId)}/erase`,
  erasure: (candidateId: string) => `/api/admin/candidates/${id(candidateId)}/erasure`,
  export: '/api/admin/export',
  notifications: '/api/admin/notifications',
  notification: (entryId: string) => `/api/admin/notifications/${id(entryId)}`,
  requeue: (entryId: string) => `/api/admin/notifications/${id(entryId)}/requeue`,
  /** One's own preferences (any staff role). */
  preferences: '/api/auth/me',
  /** The e-mails about a candidate (to the team, or earlier automatic ones to them): staff who read everything. */
  candidateNotifications: (candidateId: string) => `/api/candidates/${id(candidateId)}/notifications`,
} as const;

const Digits = (description: string) => Type.String({ pattern: '^[0-9]{1,15}$', description });

/** `GET /api/admin/audit` (and its CSV export) filters. */
export const AuditQuerySchema = Type.Object({
  userId: Type.Optional(Type.String({ maxLength: 200 })),
  docId: Type.Optional(Type.String({ maxLength: 200 })),
  collection: Type.Optional(Type.String({ maxLength: 40 })),
  outcome: Type.Optional(StringEnum(['accepted', 'rejected'] as const)),
  since: Type.Optional(Digits('Only entries at or after this time (ms since epoch).')),
  until: Type.Optional(Digits('Only entries before this time (ms since epoch).')),
  limit: Type.Optional(Digits('At most this many entries (1–1000, default 100; CSV up to 100,000).')),
});
export type AuditQuery = Static<typeof AuditQuerySchema>;

/** One audited write. */
export const AuditEntrySchema = Type.Object({
  at: Type.Integer(),
  userId: Type.String(),
  collection: Type.String(),
  docId: Type.String(),
  outcome: Type.String(),
  action: Type.String(),
  code: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
});
export type AuditEntryView = Static<typeof AuditEntrySchema>;

/** Which signed-in devices have pulled an erasure. */
export const ErasureReceiptSchema = Type.Object({
  candidateId: Type.String(),
  erasedAt: Type.Integer(),
  devices: Type.Array(
    Type.Object({
      sessionId: Type.String(),
      userId: Type.String(),
      userName: Type.String(),
      role: Type.String(),
      lastCaughtUpAt: Type.Union([Type.Integer(), Type.Null()]),
      hasErasure: Type.Boolean(),
    }),
  ),
});
export type ErasureReceiptView = Static<typeof ErasureReceiptSchema>;

/** What an erasure removed. */
export const ErasureReportSchema = Type.Object({
  erased: Type.Literal(true),
  applications: Type.Integer(),
  interviews: Type.Integer(),
  messages: Type.Integer(),
  candidateMessages: Type.Integer(),
  mailFiles: Type.Integer(),
  portalAccount: Type.Boolean(),
  receipt: ErasureReceiptSchema,
});
export type ErasureReportView = Static<typeof ErasureReportSchema>;

/** The states of an outbox entry (see the server's outbox). */
export const OUTBOX_STATES = ['pending', 'sending', 'sent', 'failed', 'uncertain'] as const;

/** An outbox entry in the admin listing. */
export const OutboxSummarySchema = Type.Object({
  id: Type.String(),
  template: Type.String(),
  to: Type.Array(Type.String()),
  subject: Type.String(),
  status: StringEnum(OUTBOX_STATES),
  attempts: Type.Integer(),
  createdAt: Type.Integer(),
  sentAt: Type.Optional(Type.Integer()),
  lastError: Type.Optional(Type.String()),
  file: Type.Optional(Type.String()),
  hasInvite: Type.Boolean(),
});
export type OutboxSummary = Static<typeof OutboxSummarySchema>;

/** One outbox entry with its text (one-time tokens redacted) and invite. */
export const OutboxDetailSchema = Type.Object({
  ...OutboxSummarySchema.properties,
  text: Type.String(),
  messageId: Type.String(),
  invite: Type.Optional(Type.Object({ method: Type.String(), ics: Type.String() })),
});
export type OutboxDetail = Static<typeof OutboxDetailSchema>;

/** `GET /api/admin/notifications`. */
export const OutboxListingSchema = Type.Object({
  delivery: StringEnum(['smtp', 'file'] as const),
  mailDirectory: Type.Union([Type.String(), Type.Null()]),
  entries: Type.Array(OutboxSummarySchema),
});
export type OutboxListing = Static<typeof OutboxListingSchema>;

/** `POST /api/admin/users` body. */
export interface NewAccount {
  readonly email: string;
  readonly name: string;
  readonly role: (typeof ROLES)[number];
  readonly password: string;
}

/** One e-mail about a candidate, as their page lists it: to whom, what, when, whether it went out. */
export const CandidateNotificationSchema = Type.Pick(OutboxSummarySchema, [
  'id',
  'template',
  'to',
  'subject',
  'status',
  'createdAt',
  'sentAt',
]);
export type CandidateNotification = Static<typeof CandidateNotificationSchema>;

/** `GET /api/candidates/{id}/notifications`, newest first. */
export const CandidateNotificationsSchema = Type.Object({
  entries: Type.Array(CandidateNotificationSchema),
});
export type CandidateNotifications = Static<typeof CandidateNotificationsSchema>;
