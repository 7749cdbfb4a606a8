import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from '#shared/domain/collections';

/** A step that adds only optional fields: every document of the older version is valid as it is. */
const unchanged = (doc: unknown): unknown => doc;

/**
 * Migration strategies per replicated collection, keyed by the version they migrate to. When a
 * shared schema changes shape, bump `SCHEMA_VERSIONS` in shared/sync/rx-schemas.ts and add the
 * strategy here (for example `1: (doc) => ({ ...doc, newField: 'default' })`).
 */
export const MIGRATION_STRATEGIES: Readonly<Record<CollectionName, MigrationStrategies>> = {
  users: {},
  settings: {},
  // v1: jobs gained `openings`; candidates and applications the merge marks (all optional).
  jobs: { 1: unchanged },
  candidates: { 1: unchanged },
  applications: { 1: unchanged },
  interviews: {},
  comments: {},
};
