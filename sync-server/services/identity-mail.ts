import type { DocumentScope } from 'nano';
import type { CouchStore, StoredDoc } from '../infra/couch-store';
import { randomId } from './tokens';
import type { MessageContext } from './message-templates';
import { DEFAULT_MAIL_FROM, DEFAULT_ORGANISATION, type NotificationSettings } from './notifications-config';
import { ensureOwnDatabase } from '../infra/own-database';
import { addNewEntries, OUTBOX_DATABASE } from './outbox-database';
import { newEntry, type OutboxMessage } from './outbox-entry';

/** Something that can send the outbox now (the in-process notification worker). */
export interface OutboxWaker {
  wake(): void;
}

/**
 * The mails a person asks for (email verification, password reset, registration attempt): written to
 * the outbox like every message, and sent at once by waking the in-process worker (when the worker
 * runs on its own, at its next round). Without notification settings the entries still wait in the
 * outbox, for a worker of another instance or a later start.
 *
 * Tokens: the entry's text holds the link with its token, because the worker that sends it may be
 * another process; the admin listing shows the text with the token redacted (`redactLinkTokens`).
 */
export class IdentityMail {
  /** Names, sender and time zone of the messages. `publicUrl` is the configured public address, if any. */
  readonly context: MessageContext;
  private readonly mailFrom: string;
  private outbox: Promise<DocumentScope<StoredDoc>> | null = null;
  private readonly wakers = new Set<OutboxWaker>();

  constructor(
    private readonly store: CouchStore,
    settings: NotificationSettings | null,
  ) {
    this.mailFrom = settings?.mailFrom ?? DEFAULT_MAIL_FROM;
    this.context = {
      organisation: settings?.organisation ?? DEFAULT_ORGANISATION,
      publicUrl: settings?.publicUrl ?? null,
      timeZone: settings?.timeZone ?? 'UTC',
    };
  }

  /** Lets `waker` send identity mails as soon as they are queued; answers a function that detaches it. */
  attach(waker: OutboxWaker): () => void {
    this.wakers.add(waker);
    return () => this.wakers.delete(waker);
  }

  /** Queues `message` about account `userId` and wakes the sender. */
  async send(message: OutboxMessage, userId: string, now: number): Promise<void> {
    // The database only: its indexes are the worker's to create (concurrent index creation fails).
    this.outbox ??= ensureOwnDatabase(this.store, OUTBOX_DATABASE).catch((error: unknown) => {
      this.outbox = null;
      throw error;
    });
    const outbox = await this.outbox;
    const id = `account-${message.template}-${randomId('', 12)}`;
    await addNewEntries(outbox, [
      newEntry(id, message, { collection: 'users', id: userId }, this.mailFrom, now),
    ]);
    for (const waker of this.wakers) waker.wake();
  }
}
