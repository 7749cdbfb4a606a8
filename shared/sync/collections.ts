import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { ApplicationSchema, type Application } from '../domain/application/application-schema';
import { CandidateSchema, type Candidate } from '../domain/candidate/candidate-schema';
import { InterviewSchema, type Interview } from '../domain/interview/interview-schema';
import { JobSchema, type Job } from '../domain/job/job-schema';
import { UserSchema, type User } from '../domain/user/user-schema';

/** The replicated collections of SPEC §2, in the order a client should pull them. */
export const COLLECTIONS = ['users', 'jobs', 'candidates', 'applications', 'interviews'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** The document type of each collection. */
export interface CollectionDocuments {
  users: User;
  jobs: Job;
  candidates: Candidate;
  applications: Application;
  interviews: Interview;
}
export type DocumentOf<C extends CollectionName> = CollectionDocuments[C];
export type AnyDocument = CollectionDocuments[CollectionName];

/** The one JSON Schema of each collection's documents. */
export const COLLECTION_SCHEMAS: Readonly<Record<CollectionName, TSchema>> = {
  users: UserSchema,
  jobs: JobSchema,
  candidates: CandidateSchema,
  applications: ApplicationSchema,
  interviews: InterviewSchema,
};

/**
 * Whether `value` is a valid document of `collection` (its shared schema, every field): the typed
 * way in for documents built or received at run time.
 */
export function isDocumentOf<C extends CollectionName>(
  collection: C,
  value: unknown,
): value is DocumentOf<C> {
  return Value.Check(COLLECTION_SCHEMAS[collection], value);
}

export function isCollectionName(name: string): name is CollectionName {
  return (COLLECTIONS as readonly string[]).includes(name);
}

/**
 * Each collection's local schema version. Bump it with a migration strategy in the renderer
 * whenever a shared schema changes shape.
 */
export const SCHEMA_VERSIONS: Readonly<Record<CollectionName, number>> = {
  users: 0,
  jobs: 0,
  candidates: 0,
  applications: 0,
  interviews: 0,
};

/** Fields each collection is queried by on the laptop; each must be required and bounded. */
export const COLLECTION_INDEXES: Readonly<Record<CollectionName, readonly (string | readonly string[])[]>> = {
  users: ['role'],
  jobs: ['status', 'updatedAt'],
  candidates: ['lastName', 'updatedAt'],
  applications: ['jobId', 'candidateId', 'stage'],
  interviews: ['applicationId', 'scheduledAt'],
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
