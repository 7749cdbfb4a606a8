import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from '#shared/domain/collections';

/** A version whose new fields are all optional: every document of the version before stays valid as it is. */
const keepAsIs = <T>(document: T): T => document;

/**
 * Migration strategies per replicated collection, keyed by the version they migrate to. When a
 * shared schema changes shape, bump `SCHEMA_VERSIONS` in shared/sync/rx-schemas.ts and add the
 * strategy here (for example `1: (doc) => ({ ...doc, newField: 'default' })`).
 */

export const MIGRATION_STRATEGIES: Readonly<Record<CollectionName, MigrationStrategies>> = {
  // 1: `role` may also be `operator` (never on a laptop); 2: timeZone, emailNotifications.
  users: { 1: keepAsIs, 2: keepAsIs },
  // 1: messageTemplates, messageDefaults, timeZone.
  settings: { 1: keepAsIs },
  // 1: the optional interview plan; 2: the optional openings.
  jobs: { 1: keepAsIs, 2: keepAsIs },
  // 1: timeZone; 2: the optional merge marks.
  candidates: { 1: keepAsIs, 2: keepAsIs },
  // 1: the optional merge marks.
  applications: { 1: keepAsIs },
  // 1: the optional kit, declines, withheld-scorecard authors and attribute ratings.
  interviews: { 1: keepAsIs },
  messages: {},
  comments: {},
};
