import { normalizeEmail } from '../../shared/domain/common/schema-helpers';
import type { CouchStore, StoredDoc } from '../store/couch-store';
import { ensureOutboxDatabase } from './outbox-database';
import { isOutboxEntry, type OutboxEntry } from './outbox-entry';

const PAGE_SIZE = 500;

/**
 * Right to erasure (SPEC §5): blanks every outbox message addressed to `email` (recipient, subject,
 * text and invite), and cancels those not sent yet. The admin erasure should call it with the
 * candidate's email before replacing it. Scans the outbox in pages; answers how many were erased.
 */
export async function eraseNotificationsFor(store: CouchStore, email: string): Promise<number> {
  const outbox = await ensureOutboxDatabase(store);
  const target = normalizeEmail(email);
  let erased = 0;
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
      if (doc && isOutboxEntry(doc) && doc.to.some((to) => normalizeEmail(to) === target)) matches.push(doc);
    }
    if (matches.length > 0) {
      const docs = matches.map((entry) => blanked(entry));
      const results = await outbox.bulk({ docs });
      erased += results.filter((result) => !result.error).length;
    }
    const next = page.rows[PAGE_SIZE];
    if (!next) return erased;
    startkey = next.id;
  }
}

function blanked(entry: OutboxEntry): OutboxEntry {
  const { invite: _invite, file: _file, ...rest } = entry;
  const isUnsent = entry.status === 'pending' || entry.status === 'uncertain' || entry.status === 'failed';
  return {
    ...rest,
    to: ['erased@erased.invalid'],
    subject: 'Erased',
    text: '',
    ...(isUnsent
      ? { status: 'failed' as const, lastError: 'The recipient was erased (GDPR); not sent.' }
      : {}),
  };
}
