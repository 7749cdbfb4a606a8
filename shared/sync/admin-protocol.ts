import Type, { type Static } from 'typebox';
import { STAFF_ROLES, type ROLES } from '../domain/common/roles';
import { Id, StringEnum } from '../domain/common/schema-helpers';

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
  apiKeys: '/api/admin/api-keys',
  apiKey: (keyId: string) => `/api/admin/api-keys/${id(keyId)}`,
  webhooks: '/api/admin/webhooks',
  webhook: (webhookId: string) => `/api/admin/webhooks/${id(webhookId)}`,
  webhookDeliveries: (webhookId: string) => `/api/admin/webhooks/${id(webhookId)}/deliveries`,
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
export const OUTBOX_STATES = ['pending', 'sending', 'sent', 'failed', 'uncertain', 'cancelled'] as const;

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

/** An API key as listed (SPEC §11): never its text, which is shown once, when it is made. */
export const ApiKeySummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: StringEnum(STAFF_ROLES),
  readOnly: Type.Boolean(),
  userId: Type.String({ description: 'The person the key acts for (history and audit name them).' }),
  createdAt: Type.String(),
  createdBy: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});
export type ApiKeySummary = Static<typeof ApiKeySummarySchema>;

/** `POST /api/admin/api-keys` body. */
export const NewApiKeySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: 'What the key is for.' }),
    role: StringEnum(STAFF_ROLES, { description: 'The most the key may do.' }),
    readOnly: Type.Optional(Type.Boolean({ description: 'Only reads (default false).' })),
    userId: Type.Optional(
      Id({
        description:
          'The active staff member the key acts for (default: the admin creating it); the key never has more than their role.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type NewApiKey = Static<typeof NewApiKeySchema>;

/** `POST /api/admin/api-keys` answer: the summary and, this once, the key's text. */
export const CreatedApiKeySchema = Type.Object({
  ...ApiKeySummarySchema.properties,
  key: Type.String({ description: 'Send as `Authorization: Bearer <key>`. Not shown again.' }),
});
export type CreatedApiKey = Static<typeof CreatedApiKeySchema>;

/** The events of SPEC §11 a webhook can subscribe to, in the order a subscription lists them. */
export const WEBHOOK_EVENT_TYPES = [
  'application.created',
  'application.stage_changed',
  'application.hired',
  'interview.scheduled',
  'scorecard.submitted',
  'candidate.erased',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * Life of a delivery: `pending` → (claimed by one instance) `sending` → `delivered`; a failed
 * attempt goes back to `pending` with a later `nextAttemptAt` (exponential backoff) until `failed`.
 * A `sending` claim whose lease ran out (its instance died mid-request) is `pending` again: delivery
 * is at least once, and the event id lets receivers drop repeats.
 */
export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A webhook as listed: never its secret, with why it was disabled if it was. */
export const WebhookSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  events: Type.Array(StringEnum(WEBHOOK_EVENT_TYPES)),
  createdAt: Type.String(),
  createdBy: Type.String(),
  consecutiveFailures: Type.Integer({ description: 'Failed attempts in a row (a success resets it).' }),
  disabledAt: Type.Union([Type.String(), Type.Null()]),
  disabledReason: Type.Union([Type.String(), Type.Null()], { description: 'Why it was disabled.' }),
});
export type WebhookView = Static<typeof WebhookSchema>;

/** `POST /api/admin/webhooks` body. */
export const NewWebhookSchema = Type.Object(
  {
    url: Type.String({
      minLength: 1,
      maxLength: 2_000,
      description: 'Where deliveries are POSTed (http or https).',
    }),
    events: Type.Array(StringEnum(WEBHOOK_EVENT_TYPES), {
      minItems: 1,
      maxItems: WEBHOOK_EVENT_TYPES.length,
      uniqueItems: true,
    }),
  },
  { additionalProperties: false },
);
export type NewWebhook = Static<typeof NewWebhookSchema>;

/** `POST /api/admin/webhooks` answer: the webhook and, this once, its signing secret. */
export const CreatedWebhookSchema = Type.Object({
  ...WebhookSchema.properties,
  secret: Type.String({ description: 'Not shown again.' }),
});
export type CreatedWebhook = Static<typeof CreatedWebhookSchema>;

/** One event's delivery to one webhook, with its attempts and the last answer. */
export const WebhookDeliverySchema = Type.Object({
  id: Type.String(),
  eventId: Type.String({
    description: 'Also the `Shortlist-Delivery` header: receivers drop repeats by it.',
  }),
  type: StringEnum(WEBHOOK_EVENT_TYPES),
  status: StringEnum(DELIVERY_STATUSES),
  attempts: Type.Integer(),
  createdAt: Type.String(),
  nextAttemptAt: Type.Union([Type.String(), Type.Null()]),
  lastAttemptAt: Type.Union([Type.String(), Type.Null()]),
  lastStatus: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  deliveredAt: Type.Union([Type.String(), Type.Null()]),
});
export type WebhookDelivery = Static<typeof WebhookDeliverySchema>;
