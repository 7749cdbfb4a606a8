import type { DocumentScope } from 'nano';
import type { User } from '#shared/domain/user/user-schema';
import { getUser } from '../../services/user-service';
import type { CouchStore, StoredDoc } from '../../infra/couch-store';
import type { MessageContext } from '../../services/message-templates';

/** What deriving messages from changes needs: the store, the outbox, the sender and the wording context. */
export interface CaptureContext {
  readonly store: CouchStore;
  readonly outbox: DocumentScope<StoredDoc>;
  /** `From` of every message, e.g. `Shortlist <no-reply@example.com>`. */
  readonly mailFrom: string;
  readonly messages: MessageContext;
  readonly now: () => number;
}

/** The name and address of a `From` such as `Name <a@b.c>` or `a@b.c`. */
export function parseMailbox(mailbox: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailbox);
  if (match) return { name: match[1]?.trim() || 'Shortlist', email: match[2]?.trim() ?? '' };
  return { name: 'Shortlist', email: mailbox.trim() };
}

/** The active staff user `id` with an email, or null (inactive people are not notified). */
export async function reachableUser(store: CouchStore, id: string): Promise<User | null> {
  const user = await getUser(store, id);
  return user?.active ? user : null;
}
