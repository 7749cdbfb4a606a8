import { createHash } from 'node:crypto';
import { OUTBOX_STATES } from '#shared/sync/admin-protocol';
import type { StoredDoc } from '../infra/couch-store';

/** The messages Shortlist sends (one template each). */
export const TEMPLATES = [
  // What a person chose to send a candidate (SPEC §12), and the server's acknowledgement.
  'candidate_acknowledgement',
  'candidate_rejection',
  'candidate_offer',
  'candidate_hired',
  'candidate_interview_invite',
  // Automatic candidate mails of earlier versions: no longer made, still listed when stored.
  'application_received',
  'stage_screening',
  'stage_interview',
  'stage_offer',
  'stage_hired',
  'stage_rejected',
  'new_portal_application',
  'interview_scheduled',
  'interview_rescheduled',
  'interview_cancelled',
  'scorecard_reminder',
  'comment_mention',
  'email_verification',
  'password_reset',
  'registration_attempt',
] as const;
export type TemplateName = (typeof TEMPLATES)[number];

/**
 * Life of an outbox entry:
 * `pending` → (claimed) `sending` → `sent`; a failed send goes back to `pending` with a later
 * `nextAttemptAt` (exponential backoff) until `failed`. A `sending` entry whose claim expired (its
 * worker died mid-send) becomes `sent` or `pending` when the transport can tell whether it was
 * delivered, else `uncertain`: never resent automatically (an admin may requeue it). An entry no
 * longer wanted when its turn comes (its source was taken back: a comment deleted, erased or
 * edited so it no longer mentions the person) is `cancelled`, with the reason in `lastError`: kept, never sent, not requeued.
 */
export const OUTBOX_STATUSES = OUTBOX_STATES;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** An iCalendar invite sent with a message. */
export interface CalendarInvite {
  readonly method: 'REQUEST' | 'CANCEL';
  readonly ics: string;
}

/** A rendered message, ready to send. */
export interface OutboxMessage {
  readonly template: TemplateName;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly invite?: CalendarInvite;
}

/** One outbox entry as stored in the `outbox` database; `_id` is deterministic (see the capture). */
export interface OutboxEntry extends StoredDoc {
  readonly kind: 'message';
  template: TemplateName;
  to: string[];
  subject: string;
  text: string;
  invite?: CalendarInvite;
  /** Stable RFC 5322 Message-ID, the same on every attempt. */
  messageId: string;
  /** The document whose change caused the message; `users` for the account mails a person asked for. */
  source: { collection: 'applications' | 'interviews' | 'messages' | 'comments' | 'users'; id: string };
  status: OutboxStatus;
  attempts: number;
  /** `pending`: when it is due; `sending`: when the claim expires. */
  nextAttemptAt: number;
  createdAt: number;
  /** `<workerId>/<claim token>` of the claim in progress or last made. */
  claimedBy?: string;
  claimedAt?: number;
  sentAt?: number;
  /** Why the last attempt failed, or why the entry is not sent (`failed`, `cancelled`). */
  lastError?: string;
  /** Where the file transport wrote it. */
  file?: string;
}

export function isOutboxEntry(doc: StoredDoc): doc is OutboxEntry {
  return doc['kind'] === 'message' && typeof doc['status'] === 'string' && Array.isArray(doc['to']);
}

/** The stable Message-ID of an entry. */
export function messageIdFor(entryId: string, mailFrom: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'shortlist.invalid';
  const local = createHash('sha256').update(entryId).digest('hex').slice(0, 32);
  return `<${local}@${domain}>`;
}

/** A new `pending` entry for `message`, due now. */
export function newEntry(
  id: string,
  message: OutboxMessage,
  source: OutboxEntry['source'],
  mailFrom: string,
  now: number,
): OutboxEntry {
  return {
    _id: id,
    kind: 'message',
    template: message.template,
    to: [...message.to],
    subject: message.subject,
    text: message.text,
    ...(message.invite ? { invite: message.invite } : {}),
    messageId: messageIdFor(id, mailFrom),
    source,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  };
}
