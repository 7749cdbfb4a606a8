import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { normalizeEmail } from '#shared/domain/common/schema-helpers';
import type { CouchStore, StoredDoc } from '../infra/couch-store';
import { ensureOutboxDatabase } from './outbox-database';
import { isOutboxEntry, type OutboxEntry } from './outbox-entry';

const PAGE_SIZE = 500;

/** Who a message may be about: their address, their names, and the documents that caused messages. */
export interface ErasedPerson {
  readonly email: string | null;
  /** Full names as they appear in message texts (e.g. "Ada Lovelace"). */
  readonly names: readonly string[];
  /** Ids of the person's applications and interviews (the `source` of messages about them). */
  readonly sourceIds: readonly string[];
}

/** How many messages were blanked and mail files deleted. */
export interface ScrubCount {
  readonly messages: number;
  readonly files: number;
}

function mentions(text: string, person: ErasedPerson): boolean {
  const lower = text.toLowerCase();
  return (
    (person.email !== null && lower.includes(person.email)) ||
    person.names.some((name) => lower.includes(name.toLowerCase()))
  );
}

/** Whether an outbox entry is to or about the person, whoever it was sent to. */
function isAbout(entry: OutboxEntry, person: ErasedPerson, sources: ReadonlySet<string>): boolean {
  return (
    sources.has(entry.source.id) ||
    entry.to.some((to) => person.email !== null && normalizeEmail(to) === person.email) ||
    mentions(`${entry.subject}\n${entry.text}\n${entry.invite?.ics ?? ''}`, person)
  );
}

/**
 * Right to erasure (SPEC §5): blanks every outbox message to or about the person, whoever it was
 * sent to (recipient, subject, text and invite), cancels those not sent yet, and deletes the mail
 * files written for them and any other mail file naming the person. Scans the outbox in pages.
 */
export async function eraseNotificationsAbout(
  store: CouchStore,
  person: ErasedPerson,
  mailDirectory: string | null,
): Promise<ScrubCount> {
  const outbox = await ensureOutboxDatabase(store);
  const sources = new Set(person.sourceIds);
  let messages = 0;
  const files = new Set<string>();
  let startkey: string | undefined;
  for (;;) {
    const page = await outbox.list({
      include_docs: true,
      limit: PAGE_SIZE + 1,
      ...(startkey === undefined ? {} : { startkey }),
    });
    const rows = page.rows.slice(0, PAGE_SIZE);
    const matches: OutboxEntry[] = [];
    for (const row of rows) {
      const doc = row.doc as StoredDoc | undefined;
      if (doc && isOutboxEntry(doc) && isAbout(doc, person, sources)) matches.push(doc);
    }
    for (const entry of matches) if (entry.file) files.add(entry.file);
    if (matches.length > 0) {
      const results = await outbox.bulk({ docs: matches.map(blanked) });
      messages += results.filter((result) => !result.error).length;
    }
    const next = page.rows[PAGE_SIZE];
    if (!next) break;
    startkey = next.id;
  }
  const deleted = mailDirectory ? await deleteMailFiles(mailDirectory, files, person) : 0;
  return { messages, files: deleted };
}

/** Blanks every outbox message addressed to `email` (kept for callers that know only the address). */
export async function eraseNotificationsFor(store: CouchStore, email: string): Promise<number> {
  const count = await eraseNotificationsAbout(
    store,
    { email: normalizeEmail(email), names: [], sourceIds: [] },
    null,
  );
  return count.messages;
}

/** Deletes the listed mail files and every other `.eml` file in the folder that names the person. */
async function deleteMailFiles(
  directory: string,
  listed: ReadonlySet<string>,
  person: ErasedPerson,
): Promise<number> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return 0; // no mail was ever written to files
  }
  let deleted = 0;
  for (const name of names) {
    const file = path.join(directory, name);
    const isListed = listed.has(file);
    if (!isListed && !(name.endsWith('.eml') && mentions(await readFile(file, 'utf8'), person))) continue;
    await rm(file, { force: true });
    deleted += 1;
  }
  return deleted;
}

/** What an outbox message to or about an erased person says from then on: nothing. */
export const ERASED_MESSAGE = { to: ['erased@erased.invalid'], subject: 'Erased', text: '' } as const;

function blanked(entry: OutboxEntry): OutboxEntry {
  const { invite: _invite, file: _file, ...rest } = entry;
  const isUnsent = entry.status === 'pending' || entry.status === 'uncertain' || entry.status === 'failed';
  return {
    ...rest,
    ...ERASED_MESSAGE,
    to: [...ERASED_MESSAGE.to],
    ...(isUnsent
      ? { status: 'cancelled' as const, lastError: 'The person was erased (GDPR); not sent.' }
      : {}),
  };
}
