import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from '#shared/domain/collections';

/**
 * Migration strategies per replicated collection, keyed by the version they migrate to. When a
 * shared schema changes shape, bump `SCHEMA_VERSIONS` in shared/sync/rx-schemas.ts and add the
 * strategy here (for example `1: (doc) => ({ ...doc, newField: 'default' })`).
 */
/** Version 1 added optional fields only: every earlier document is valid as it is. */
const OPTIONAL_FIELDS_ADDED: MigrationStrategies = { 1: (document: unknown) => document };

export const MIGRATION_STRATEGIES: Readonly<Record<CollectionName, MigrationStrategies>> = {
  // 1: timeZone, emailNotifications.
  users: OPTIONAL_FIELDS_ADDED,
  // 1: messageTemplates, messageDefaults, timeZone.
  settings: OPTIONAL_FIELDS_ADDED,
  jobs: {},
  // 1: timeZone.
  candidates: OPTIONAL_FIELDS_ADDED,
  applications: {},
  interviews: {},
  messages: {},
};
