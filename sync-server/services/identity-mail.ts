import type { CouchStore } from '../infra/couch-store';
import { randomId } from './tokens';
import type { MessageContext } from './message-templates';
import { DEFAULT_MAIL_FROM, DEFAULT_ORGANISATION, type NotificationSettings } from './notifications-config';
import { ownDatabase } from '../infra/own-database';
import { FIRST_ORGANISATION_ID } from './organisation-ids';
import type { Organisation } from './organisations';
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
  private readonly mailFrom: string;
  private readonly wakers = new Map<string, Set<OutboxWaker>>();

  constructor(private readonly settings: NotificationSettings | null) {
    this.mailFrom = settings?.mailFrom ?? DEFAULT_MAIL_FROM;
  }

  /** The configured public address of links (`SHORTLIST_PUBLIC_URL`), if any. */
  get publicUrl(): string | null {
    return this.settings?.publicUrl ?? null;
  }

  /**
   * Names, sender and time zone of an organisation's messages: the first organisation keeps the
   * deployment's configured name (`SHORTLIST_ORGANISATION`), every other one is called by its own.
   */
  contextOf(organisation: Pick<Organisation, 'id' | 'name'>): MessageContext {
    return {
      organisation:
        organisation.id === FIRST_ORGANISATION_ID
          ? (this.settings?.organisation ?? DEFAULT_ORGANISATION)
          : organisation.name,
      publicUrl: this.publicUrl,
      timeZone: this.settings?.timeZone ?? 'UTC',
    };
  }

  /**
   * Lets `waker` send the identity mails queued in the store of prefix `storePrefix` as soon as they
   * are; answers a function that detaches it.
   */
  attach(storePrefix: string, waker: OutboxWaker): () => void {
    const wakers = this.wakers.get(storePrefix) ?? new Set<OutboxWaker>();
    this.wakers.set(storePrefix, wakers);
    wakers.add(waker);
    return () => wakers.delete(waker);
  }

  /** Queues `message` about account `userId` in `store`'s outbox and wakes its sender. */
  async send(store: CouchStore, message: OutboxMessage, userId: string, now: number): Promise<void> {
    const id = `account-${message.template}-${randomId('', 12)}`;
    await addNewEntries(ownDatabase(store, OUTBOX_DATABASE), [
      newEntry(id, message, { collection: 'users', id: userId }, this.mailFrom, now),
    ]);
    for (const waker of this.wakers.get(store.prefix) ?? []) waker.wake();
  }
}
