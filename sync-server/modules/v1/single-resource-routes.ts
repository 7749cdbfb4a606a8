import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TObject, TSchema, TString } from 'typebox';
import type { CollectionName } from '#shared/domain/collections';
import { unwrap } from '../../plugins/api-error';
import { actorOf, storeOf } from '../../plugins/auth';
import { succeed } from '../../services/outcome';
import { etagOf } from './http-semantics';
import { mergePatch } from './patch';
import { readResource, updateResource, V1Context } from './resource-service';
import { ETAG_HEADER, IfMatchHeaders, READ_ERRORS, V1_SECURITY, WRITE_ERRORS } from './v1-schemas';

/** An operation's name and words in the OpenAPI document. */
interface OperationText {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
}

/** One resource's `GET` and (merge-patch) `PATCH` at `path`, e.g. `/jobs/:id`. */
export interface SingleResourceSpec<C extends CollectionName> {
  readonly collection: C;
  readonly path: string;
  readonly params: TObject<{ id: TString }>;
  /** The resource's schema (the collection's document). */
  readonly schema: TSchema;
  readonly get: OperationText;
  /** `body` is the merge patch's schema (with its `examples`). */
  readonly patch: OperationText & { readonly body: TObject };
}

/**
 * `GET` (with its `ETag`) and `PATCH` (a JSON merge patch, under `If-Match`) of one resource as its
 * reader sees it; the same for every collection of the integration API.
 */
export function singleResourceRoutes<C extends CollectionName>(
  root: FastifyInstance,
  spec: SingleResourceSpec<C>,
): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const response = { ...spec.schema, headers: ETAG_HEADER };
  app.get(
    spec.path,
    {
      schema: {
        tags: ['v1'],
        ...spec.get,
        security: V1_SECURITY,
        params: spec.params,
        response: { 200: response, ...READ_ERRORS },
      },
    },
    async (request, reply) => {
      const context = new V1Context(storeOf(request), actorOf(request));
      const { document } = unwrap(await readResource(context, spec.collection, request.params.id));
      return reply.header('etag', etagOf(document)).send(document);
    },
  );

  const { body, ...text } = spec.patch;
  app.patch(
    spec.path,
    {
      schema: {
        tags: ['v1'],
        ...text,
        security: V1_SECURITY,
        params: spec.params,
        headers: IfMatchHeaders,
        body,
        response: { 200: response, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const context = new V1Context(storeOf(request), actorOf(request));
      const patch: Readonly<Record<string, unknown>> = request.body;
      const updated = unwrap(
        await updateResource(context, {
          collection: spec.collection,
          id: request.params.id,
          ifMatch: request.headers['if-match'],
          change: (current) => succeed(mergePatch(current, patch)),
        }),
      );
      return reply.header('etag', etagOf(updated)).send(updated);
    },
  );
}
