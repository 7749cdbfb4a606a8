import { documentContent } from '../common/document-content';
import { decideApplicationWrite } from '../application/application-rules';
import { decideCandidateWrite } from '../candidate/candidate-rules';
import { ALLOWED, refuse, type Decision } from '../common/refusal';
import type { Actor } from '../common/roles';
import { decideInterviewWrite } from '../interview/interview-rules';
import { decideJobWrite } from '../job/job-rules';
import { decideMessageWrite } from '../message/message-rules';
import { decideSettingsWrite } from '../settings/settings-rules';
import { decideCommentDelete, decideCommentWrite } from '../comment/comment-rules';
import {
  isDocumentOf,
  parseDocumentOf,
  type CollectionName,
  type DocumentCheck,
  type DocumentOf,
} from '../collections';
import { roleMay } from '../access/write-matrix';
import type { WriteContext } from './write-context';

/** A document as it arrives from a client: the collection's fields, maybe a tombstone flag. */
export type IncomingDocument = Record<string, unknown> & { _deleted?: boolean };

/** The rules of one collection, on a document already checked against its schema. */
type Decider<C extends CollectionName> = (
  actor: Actor,
  before: DocumentOf<C> | null,
  after: DocumentOf<C>,
  context: WriteContext,
) => Decision;

/** Whether a document may be deleted (tombstoned), judged against its stored version. */
type DeleteDecider<C extends CollectionName> = (actor: Actor, before: DocumentOf<C> | null) => Decision;

const usersAreReadOnly = (): Decision =>
  refuse('read_only_collection', 'The users directory is managed by admins on the server.');

const DECIDERS: { readonly [C in CollectionName]: Decider<C> } = {
  users: usersAreReadOnly,
  settings: decideSettingsWrite,
  jobs: (actor, before, after) => decideJobWrite(actor, before, after),
  candidates: decideCandidateWrite,
  applications: decideApplicationWrite,
  interviews: decideInterviewWrite,
  messages: decideMessageWrite,
  comments: decideCommentWrite,
};

/** Admins delete documents (GDPR erasure and clean-up); nobody else. */
const adminsDelete = (actor: Actor): Decision =>
  roleMay(actor.role, 'document.delete') ? ALLOWED : refuse('delete_forbidden');

const DELETE_DECIDERS: { readonly [C in CollectionName]: DeleteDecider<C> } = {
  users: usersAreReadOnly,
  settings: adminsDelete,
  jobs: adminsDelete,
  candidates: adminsDelete,
  applications: adminsDelete,
  interviews: adminsDelete,
  messages: adminsDelete,
  comments: decideCommentDelete,
};

/**
 * The one write decision of SPEC §3: may `actor` turn `before` (the stored version, null if none)
 * into `after` in `collection`? `after` is validated against the collection's schema first, then
 * judged as a whole-document change by the aggregate's rules. The server calls this on every pushed
 * row (with its compiled `check` of the same schemas); the app calls it to guide people before they try.
 */
export function decideWrite<C extends CollectionName>(
  actor: Actor,
  collection: C,
  before: DocumentOf<C> | null,
  after: IncomingDocument,
  context: WriteContext,
  check: DocumentCheck = isDocumentOf,
): Decision {
  // Even deleting: the directory changes only through the admin endpoints.
  if (collection === 'users') return usersAreReadOnly();
  if (after._deleted === true) {
    const decideDelete: DeleteDecider<C> = DELETE_DECIDERS[collection];
    return decideDelete(actor, before);
  }
  const parsed = parseDocumentOf(collection, documentContent(after), check);
  if (!parsed.ok) return parsed;
  if (before && before.id !== parsed.value.id)
    return refuse('id_mismatch', 'A document cannot change its id.');
  const decide: Decider<C> = DECIDERS[collection];
  return decide(actor, before, parsed.value, context);
}
