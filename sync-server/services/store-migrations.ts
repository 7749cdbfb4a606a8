import { COLLECTIONS } from '#shared/domain/collections';
import { jsonEqual } from '#shared/domain/common/equality';
import type { CouchStore, StoredDoc } from '../infra/couch-store';
import { isTombstone, toStored } from '../infra/stored-document';
import { defaultSettings, SETTINGS_ID } from '#shared/domain/settings/settings-schema';
import { reserveStoredEmails } from './email-holders';

/** One change to the data of stores made by earlier versions, run once per store. */
interface StoreMigration {
  readonly name: string;
  run(store: CouchStore, now: number): Promise<void>;
}

/**
 * Tombstones of documents deleted before deletions stored neutral values kept their whole last body:
 * they are rewritten neutral, and the databases compacted so the old bodies are gone for real.
 */
async function scrubTombstones(store: CouchStore): Promise<void> {
  for (const collection of COLLECTIONS) {
    const rewritten: StoredDoc[] = [];
    for await (const doc of store.all(collection)) {
      if (!isTombstone(doc)) continue;
      const neutral = toStored(
        collection,
        { id: doc._id, updatedAt: doc['updatedAt'] },
        { previous: doc, deleted: true },
      );
      const { _rev: _a, ...before } = doc;
      const { _rev: _b, ...after } = neutral;
      if (!jsonEqual(before, after)) rewritten.push(neutral);
    }
    if (rewritten.length === 0) continue;
    await store.putMany(collection, rewritten);
    await store.compact(collection);
  }
}

/**
 * Every organisation has its settings (the rejection reasons a rejection must name). A store made
 * before them gets the default reasons, and the reasons its applications were rejected with, kept as
 * retired reasons under their own text, so reports still count them.
 */
async function ensureSettings(store: CouchStore, now: number): Promise<void> {
  if (await store.get('settings', SETTINGS_ID)) return;
  const settings = defaultSettings(now);
  const known = new Set(settings.rejectionReasons.map((reason) => reason.id));
  const legacy = new Set<string>();
  for await (const doc of store.all('applications')) {
    const reason = (doc['rejection'] as { reason?: unknown } | undefined)?.reason;
    if (typeof reason === 'string' && reason.trim() && !known.has(reason)) legacy.add(reason.slice(0, 200));
  }
  const rejectionReasons = [
    ...settings.rejectionReasons,
    ...[...legacy].sort().map((text) => ({ id: text, label: text, retired: true })),
  ].slice(0, 100);
  // Another instance may write them first: theirs are as good.
  await store.put('settings', toStored('settings', { ...settings, rejectionReasons }, {}));
}

const MIGRATIONS: readonly StoreMigration[] = [
  { name: 'ensure-settings', run: ensureSettings },
  // Emails became unique through reservations: reserve those of documents stored before.
  { name: 'reserve-stored-emails', run: reserveStoredEmails },
  { name: 'scrub-tombstones', run: scrubTombstones },
];

/**
 * Runs the migrations a store has not had yet, each marked done in the `scopes` database. Safe with
 * several instances starting at once: every migration is idempotent, so running one twice is harmless.
 */
export async function migrateStore(store: CouchStore, now: number): Promise<void> {
  for (const migration of MIGRATIONS) {
    const marker = `migration-${migration.name}`;
    if (await store.get('scopes', marker)) continue;
    await migration.run(store, now);
    await store.put('scopes', { _id: marker, doneAt: now });
  }
}
