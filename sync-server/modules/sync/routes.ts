import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { STAFF_ROLES } from '#shared/domain/common/roles';
import { COLLECTIONS, type CollectionName } from '#shared/domain/collections';
import {
  ApiErrorSchema,
  MAX_PULL_LIMIT,
  PullQuerySchema,
  pullResponseSchema,
  PushRequestSchema,
  pushResponseSchema,
} from '#shared/sync/protocol';
import { actorOf, authenticate, storeOf } from '../../plugins/auth';
import { badRequest } from '../../plugins/api-error';
import { checkpointKey } from './pull-checkpoint';
import { recordCandidatesDelivered } from '../../services/deliveries';
import { pullDocuments } from './pull-service';
import { pushDocuments } from './push-service';
import { BEARER } from '../../plugins/schemas';

/** Default pull batch when the client names none. */
const DEFAULT_PULL_LIMIT = 100;
/** A push of 500 full documents with their assumed states fits in this. */
const PUSH_BODY_LIMIT = 32 * 1024 * 1024;

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 413: ApiErrorSchema };

/** `/api/sync/{collection}/pull` and `/push` for every replicated collection (SPEC §5), staff only. */
export function syncRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const onRequest = authenticate(app, STAFF_ROLES);
  const key = checkpointKey(app.jwtSecret);
  for (const collection of COLLECTIONS) registerCollection(app, collection, onRequest, key);
  return Promise.resolve();
}

function registerCollection(
  app: FastifyInstance,
  collection: CollectionName,
  onRequest: ReturnType<typeof authenticate>,
  key: Buffer,
): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  typed.get(
    `/${collection}/pull`,
    {
      onRequest,
      schema: {
        tags: ['sync'],
        operationId: `pull${capitalized(collection)}`,
        summary: `Pull ${collection} changed since a checkpoint`,
        description:
          'RxDB checkpoint pull. Send back, URL-encoded, the checkpoint of the previous pull (none on the first). ' +
          'A batch shorter than `limit` means the client is up to date. A checkpoint this server did not issue to ' +
          'this user for this collection (or one of another store) restarts the pull from what the user may read now.',
        security: BEARER,
        querystring: PullQuerySchema,
        response: { 200: pullResponseSchema(collection), ...errors },
      },
    },
    async (request) => {
      const limit = request.query.limit === undefined ? DEFAULT_PULL_LIMIT : Number(request.query.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PULL_LIMIT) {
        throw badRequest(`limit must be from 1 to ${MAX_PULL_LIMIT}.`, 'invalid_limit');
      }
      const actor = actorOf(request);
      const now = Date.now();
      const answer = await pullDocuments(storeOf(request), key, {
        actor,
        collection,
        checkpoint: parseCheckpointJson(request.query.checkpoint),
        limit,
        now,
      });
      if (collection === 'candidates' && answer.documents.length < limit) {
        // Up to date as of `now`: what erasure receipts are made of.
        recordCandidatesDelivered(storeOf(request), actor.sessionId, now, (error) =>
          request.log.warn({ err: error }, 'could not record a delivery'),
        );
      }
      return answer;
    },
  );

  typed.post(
    `/${collection}/push`,
    {
      onRequest,
      bodyLimit: PUSH_BODY_LIMIT,
      schema: {
        tags: ['sync'],
        operationId: `push${capitalized(collection)}`,
        summary: `Push ${collection} written on a laptop`,
        description:
          'RxDB push with assumed master state. A row whose assumed state is not the server’s is a conflict; ' +
          'a row that breaks a rule is refused (in `rejections`, with its server document in `conflicts`).',
        security: BEARER,
        body: PushRequestSchema,
        response: { 200: pushResponseSchema(collection), ...errors },
      },
    },
    async (request) =>
      pushDocuments(storeOf(request), actorOf(request), collection, request.body, () => Date.now()),
  );
}

function capitalized(name: string): string {
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** The checkpoint query parameter as JSON (null when absent); text that is not JSON is a 400. */
function parseCheckpointJson(raw: string | undefined): unknown {
  if (raw === undefined || raw === '' || raw === 'null') return null;
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest('checkpoint must be the JSON the previous pull returned.', 'invalid_checkpoint');
  }
}
