import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import type { StoredDoc } from '../../infra/couch-store';
import { acknowledgementId, type Message } from '#shared/domain/message/message-schema';
import type { NotificationSettings } from '../../services/notifications-config';
import type { ReceivedMail } from './smtp-sink';
import { headerOf, partsOf } from './smtp-sink';

/** Settings for tests: SMTP to the sink (or files), in-process worker on or off. */
export function testSettings(overrides: Partial<NotificationSettings> = {}): NotificationSettings {
  return {
    smtpUrl: null,
    mailFrom: 'Acme Hiring <jobs@acme.example>',
    mailDirectory: '/nonexistent',
    runWorker: true,
    timeZone: 'Europe/Berlin',
    publicUrl: 'https://jobs.acme.example',
    organisation: 'Acme',
    ...overrides,
  };
}

/** Fast timing for tests. */
export const FAST_TIMING = {
  pollMs: 40,
  baseDelayMs: 150,
  maxDelayMs: 1_000,
  leaseMs: 60_000,
  maxAttempts: 5,
  batchSize: 25,
};

/** Waits until `condition` holds (or fails after `timeoutMs`). */
export async function waitFor<T>(
  what: string,
  probe: () => T | false | null | undefined | Promise<T | false | null | undefined>,
  timeoutMs = 8_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Changes a stored replicated document as an accepted write would (with its `_rev`, `updatedAt` bumped). */
export async function updateStored(
  app: FastifyInstance,
  collection: 'applications' | 'interviews' | 'candidates' | 'jobs' | 'users' | 'messages',
  id: string,
  change: (doc: StoredDoc) => StoredDoc,
): Promise<void> {
  const stored = await app.store.get(collection, id);
  if (!stored) throw new Error(`no ${collection}/${id}`);
  const written = await app.store.put(collection, {
    ...change(stored),
    updatedAt: Date.now(),
    _rev: stored._rev,
  });
  if (!written.ok) throw new Error(`conflict on ${collection}/${id}`);
}

/** The mails sent to `address`. */
export function mailsTo(received: readonly ReceivedMail[], address: string): ReceivedMail[] {
  return received.filter((mail) => mail.recipients.includes(address));
}

/** The plain-text body of a mail. */
export function textOf(mail: ReceivedMail): string {
  return partsOf(mail.raw, 'text/plain')[0] ?? '';
}

/** The invite of a mail, parsed with ical.js (throws when it is not valid iCalendar). */
export function inviteOf(mail: ReceivedMail): {
  method: string;
  uid: string;
  sequence: number;
  start: Date;
  status: string;
} {
  const ics = partsOf(mail.raw, 'text/calendar')[0];
  if (!ics) throw new Error(`no invite in ${headerOf(mail.raw, 'Subject') ?? 'mail'}`);
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  // Times written in a zone are read with the VTIMEZONE the invite carries.
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  const start = event.getFirstPropertyValue('dtstart');
  if (!(start instanceof ICAL.Time)) throw new Error('no DTSTART');
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    start: start.toJSDate(),
    status: String(event.getFirstPropertyValue('status')),
  };
}

/** A queued acknowledgement of application `applicationId`, as the server writes one for a portal application. */
export function queuedAcknowledgement(applicationId: string, candidateId: string, jobTitle: string): Message {
  return {
    id: acknowledgementId(applicationId),
    updatedAt: Date.now(),
    candidateId,
    applicationId,
    kind: 'acknowledgement',
    subject: `We received your application for ${jobTitle}`,
    body: 'Dear Ada,\n\nThank you for applying.',
    status: 'queued',
    createdBy: 'system',
    createdAt: new Date().toISOString(),
  };
}
