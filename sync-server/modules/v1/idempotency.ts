import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CouchStore } from '../../infra/couch-store';
import { ApiError } from '../../plugins/api-error';
import { actorOf } from '../../plugins/auth';
import {
  abandonIdempotencyKey,
  claimIdempotencyKey,
  completeIdempotencyKey,
  idempotencyScope,
  type RecordedAnswer,
} from '../../services/idempotency-records';
import { contentHash, etagOf } from './http-semantics';

/**
 * Ids an idempotent request derives from its key, so that running it twice (two instances at once,
 * or again after a crash) makes one write: a creation's document id, and the write record's id,
 * which the request finds in the document if it already ran.
 */
export interface IdempotentIds {
  documentId(prefix: string): string;
  readonly writeId: string;
}

/** An answer of a v1 write: status, body and the resource's tag and place. */
export type V1Answer = RecordedAnswer;

/** Sends an answer (the recorded first answer of a repeat says so in `Idempotent-Replayed`). */
export function sendAnswer(reply: FastifyReply, answer: V1Answer, isReplay = false): FastifyReply {
  if (answer.etag) void reply.header('etag', answer.etag);
  if (answer.location) void reply.header('location', answer.location);
  if (isReplay) void reply.header('idempotent-replayed', 'true');
  return reply.status(answer.status).send(answer.body);
}

/**
 * Runs a POST under its `Idempotency-Key` (SPEC §11), if it has one: the key is claimed in the store
 * (its 409 decides between instances), the request runs with ids derived from the key, and its
 * answer (also a 4xx) is recorded; a repeat with the same key and body replays it, a repeat with
 * another body is a 422, and one while the first still runs waits for it (or is a 409). A failure on
 * the server's side gives the key up, so a repeat runs again.
 */
export async function runIdempotent(
  store: CouchStore,
  request: FastifyRequest,
  reply: FastifyReply,
  execute: (ids: IdempotentIds | null) => Promise<V1Answer>,
): Promise<FastifyReply> {
  const header = request.headers['idempotency-key'];
  const key = typeof header === 'string' ? header : undefined;
  if (key === undefined) return sendAnswer(reply, await execute(null));
  const actor = actorOf(request);
  const principal = actor.apiKey ? `key:${actor.apiKey.id}` : `user:${actor.id}`;
  const scope = idempotencyScope(principal, `${request.method} ${request.url.split('?')[0] ?? ''}`, key);
  const bodyHash = contentHash(request.body ?? null);
  const claim = await claimIdempotencyKey(store, scope, bodyHash, Date.now);
  if (claim.kind === 'mismatch') {
    throw new ApiError(
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was used with another request body; use a new key for a new request.',
    );
  }
  if (claim.kind === 'in_progress') {
    throw new ApiError(
      409,
      'idempotency_in_progress',
      'A request with this Idempotency-Key is still running; try again.',
    );
  }
  if (claim.kind === 'replay') return sendAnswer(reply, claim.answer, true);
  const ids: IdempotentIds = {
    documentId: (prefix) => `${prefix}-${scope.slice(0, 32)}`,
    writeId: `i${scope.slice(0, 24)}`,
  };
  let answer: V1Answer;
  try {
    answer = await execute(ids);
  } catch (error) {
    if (error instanceof ApiError && error.statusCode < 500) {
      const refused = {
        status: error.statusCode,
        body: { error: { code: error.code, message: error.message } },
      };
      await completeIdempotencyKey(store, claim, bodyHash, refused, Date.now());
    } else {
      await abandonIdempotencyKey(store, claim);
    }
    throw error;
  }
  await completeIdempotencyKey(store, claim, bodyHash, answer, Date.now());
  return sendAnswer(reply, answer);
}

/** The answer of a write that made or changed a resource: it, with its tag (and place, when made). */
export function resourceAnswer(
  status: number,
  document: { readonly id: string },
  location?: string,
): V1Answer {
  return { status, body: document, etag: etagOf(document), ...(location ? { location } : {}) };
}
