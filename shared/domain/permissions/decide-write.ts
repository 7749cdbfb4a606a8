import { decideApplicationWrite } from '../application/application-rules';
import type { Application } from '../application/application-schema';
import { decideCandidateWrite } from '../candidate/candidate-rules';
import type { Candidate } from '../candidate/candidate-schema';
import { refuse, type Decision } from '../common/refusal';
import type { Actor } from '../common/roles';
import { validateAgainst } from '../common/validate';
import { decideInterviewWrite } from '../interview/interview-rules';
import type { Interview } from '../interview/interview-schema';
import { decideJobWrite } from '../job/job-rules';
import type { Job } from '../job/job-schema';
import { COLLECTION_SCHEMAS, type CollectionName, type DocumentOf } from '../../sync/collections';
import { roleMay } from './write-matrix';
import type { WriteContext } from './write-context';

/** A document as it arrives from a client: the collection's fields, maybe a tombstone flag. */
export type IncomingDocument = Record<string, unknown> & { _deleted?: boolean };

/** Replication bookkeeping fields that are not part of a document's content. */
const REPLICATION_FIELDS = ['_deleted', '_rev', '_meta', '_attachments'];

/** The document's own fields, without replication bookkeeping. */
export function documentContent(document: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !REPLICATION_FIELDS.includes(key)));
}

/**
 * The one write decision of SPEC §3: may `actor` turn `before` (the stored version, null if none)
 * into `after` in `collection`? `after` is validated against the collection's schema first, then
 * judged as a whole-document change by the aggregate's rules. The server calls this on every pushed
 * row; the app calls it to guide people before they try.
 */
export function decideWrite<C extends CollectionName>(
  actor: Actor,
  collection: C,
  before: DocumentOf<C> | null,
  after: IncomingDocument,
  context: WriteContext,
): Decision {
  if (collection === 'users') {
    return refuse('read_only_collection', 'The users directory is managed by admins on the server.');
  }
  if (after._deleted === true) {
    return roleMay(actor.role, 'document.delete') ? { ok: true } : refuse('delete_forbidden');
  }
  const content = documentContent(after);
  const validation = validateAgainst(COLLECTION_SCHEMAS[collection], content, collection.slice(0, -1));
  if (!validation.ok) return validation;
  if (before && before.id !== content['id']) return refuse('id_mismatch', 'A document cannot change its id.');
  switch (collection) {
    case 'jobs':
      return decideJobWrite(actor, before as Job | null, content as Job);
    case 'candidates':
      return decideCandidateWrite(actor, before as Candidate | null, content as Candidate, context);
    case 'applications':
      return decideApplicationWrite(actor, before as Application | null, content as Application, context);
    case 'interviews':
      return decideInterviewWrite(actor, before as Interview | null, content as Interview, context);
    default:
      return refuse('read_only_collection');
  }
}
