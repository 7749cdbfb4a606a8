import type { DocumentScope } from 'nano';
import type { Settings } from '#shared/domain/settings/settings-schema';
import { SETTINGS_ID } from '#shared/domain/settings/settings-schema';
import { wantsEmailNotifications } from '#shared/domain/user/user-preferences';
import { effectiveTimeZone } from '#shared/domain/user/time-zone';
import type { User } from '#shared/domain/user/user-schema';
import { getUser } from '../../services/user-service';
import type { CouchStore, StoredDoc } from '../../infra/couch-store';
import { liveContentOf } from '../../infra/stored-document';
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

/**
 * The staff user `id` if they are to be notified by e-mail (active, and not switched off by
 * themselves: `wantsEmailNotifications`), else null.
 */
export async function reachableUser(store: CouchStore, id: string): Promise<User | null> {
  const user = await getUser(store, id);
  return wantsEmailNotifications(user) ? user : null;
}

/** The organisation's settings (templates, time zone), or null in a store that has none yet. */
export async function loadSettings(store: CouchStore): Promise<Settings | null> {
  return liveContentOf('settings', await store.get('settings', SETTINGS_ID));
}

/** The zone a reader's times are written in: theirs, else the organisation's, else the server's default. */
export function readerTimeZone(
  context: CaptureContext,
  settings: Settings | null,
  own: string | undefined,
): string {
  return effectiveTimeZone(own, settings?.timeZone, context.messages.timeZone);
}
