import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { refuse, type Refusal } from './common/refusal';
import { validateAgainst } from './common/validate';
import { ApplicationSchema, type Application } from './application/application-schema';
import { CandidateSchema, type Candidate } from './candidate/candidate-schema';
import { InterviewSchema, type Interview } from './interview/interview-schema';
import { JobSchema, type Job } from './job/job-schema';
import { MessageSchema, type Message } from './message/message-schema';
import { SettingsSchema, type Settings } from './settings/settings-schema';
import { UserSchema, type User } from './user/user-schema';
import { CommentSchema, type Comment } from './comment/comment-schema';

/** The replicated collections of SPEC §2, in the order a client should pull them. */
export const COLLECTIONS = [
  'users',
  'settings',
  'jobs',
  'candidates',
  'applications',
  'interviews',
  'messages',
  'comments',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** The document type of each collection. */
export interface CollectionDocuments {
  users: User;
  settings: Settings;
  jobs: Job;
  candidates: Candidate;
  applications: Application;
  interviews: Interview;
  messages: Message;
  comments: Comment;
}
export type DocumentOf<C extends CollectionName> = CollectionDocuments[C];
export type AnyDocument = CollectionDocuments[CollectionName];

/** The one JSON Schema of each collection's documents. */
export const COLLECTION_SCHEMAS: Readonly<Record<CollectionName, TSchema>> = {
  users: UserSchema,
  settings: SettingsSchema,
  jobs: JobSchema,
  candidates: CandidateSchema,
  applications: ApplicationSchema,
  interviews: InterviewSchema,
  messages: MessageSchema,
  comments: CommentSchema,
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

/**
 * A yes-or-no check of a value against a collection's schema: `isDocumentOf` (TypeBox's interpreter,
 * which runs anywhere), or the same schema compiled where `eval` is allowed (the server).
 */
export type DocumentCheck = <C extends CollectionName>(
  collection: C,
  value: unknown,
) => value is DocumentOf<C>;

/** A value checked against a schema: the typed value, or the refusal naming the first bad field. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | Refusal;

/**
 * `value` as a document of `collection` if it is a valid one, else a `validation_failed` refusal
 * naming the field. `check` answers the common case; only a failing value is walked for its field.
 */
export function parseDocumentOf<C extends CollectionName>(
  collection: C,
  value: unknown,
  check: DocumentCheck = isDocumentOf,
): Parsed<DocumentOf<C>> {
  if (check(collection, value)) return { ok: true, value };
  const problem = validateAgainst(COLLECTION_SCHEMAS[collection], value, collection.slice(0, -1));
  return problem.ok ? refuse('validation_failed') : problem;
}

export function isCollectionName(name: string): name is CollectionName {
  return (COLLECTIONS as readonly string[]).includes(name);
}
