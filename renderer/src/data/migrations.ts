import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from '#shared/domain/collections';

/**
 * Migration strategies per replicated collection, keyed by the version they migrate to. When a
 * shared schema changes shape, bump `SCHEMA_VERSIONS` in shared/sync/rx-schemas.ts and add the
 * strategy here (for example `1: (doc) => ({ ...doc, newField: 'default' })`).
 */
export const MIGRATION_STRATEGIES: Readonly<Record<CollectionName, MigrationStrategies>> = {
  // 1: `role` may also be `operator` (never on a laptop); documents are unchanged.
  users: { 1: (document: unknown) => document },
  settings: {},
  jobs: {},
  candidates: {},
  applications: {},
  interviews: {},
};
