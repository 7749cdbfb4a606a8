import { COLLECTION_SCHEMAS, type CollectionName } from '../domain/collections';

/**
 * Each collection's local schema version. Bump it with a migration strategy in the renderer
 * whenever a shared schema changes shape.
 * - jobs 1: optional `interviewPlan`; 2: optional `openings`.
 * - interviews 1: optional `kitId`, `declines`, `withheldScorecardAuthors`, and scorecards'
 *   optional `attributeRatings`.
 */
export const SCHEMA_VERSIONS: Readonly<Record<CollectionName, number>> = {
  // 1: `role` may be `operator`; 2: optional timeZone and emailNotifications.
  users: 2,
  // 1: optional messageTemplates, messageDefaults and timeZone.
  settings: 1,
  // 1: optional interviewPlan; 2: optional openings.
  jobs: 2,
  // 1: optional timeZone; 2: optional merge marks.
  candidates: 2,
  // 1: optional merge marks.
  applications: 1,
  interviews: 1,
  messages: 0,
  comments: 0,
};

/** Fields each collection is queried by on the laptop; each must be required and bounded. */
export const COLLECTION_INDEXES: Readonly<Record<CollectionName, readonly (string | readonly string[])[]>> = {
  users: ['role'],
  settings: [],
  jobs: ['status', 'updatedAt'],
  candidates: ['lastName', 'updatedAt'],
  applications: ['jobId', 'candidateId', 'stage'],
  interviews: ['applicationId', 'scheduledAt'],
  messages: ['candidateId'],
  comments: ['candidateId'],
};

/** The RxDB collection schema of `collection`, derived from its shared JSON Schema. */
export function toRxJsonSchema(collection: CollectionName): Record<string, unknown> {
  // A plain JSON copy: RxDB freezes and hashes what it is given.
  const plain = JSON.parse(JSON.stringify(COLLECTION_SCHEMAS[collection])) as Record<string, unknown>;
  return {
    ...plain,
    version: SCHEMA_VERSIONS[collection],
    primaryKey: 'id',
    indexes: COLLECTION_INDEXES[collection].map((index) => (typeof index === 'string' ? index : [...index])),
  };
}
