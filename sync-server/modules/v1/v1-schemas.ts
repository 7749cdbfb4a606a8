import Type, { type TSchema } from 'typebox';
import { ApplicationSchema } from '#shared/domain/application/application-schema';
import { Id } from '#shared/domain/common/schema-helpers';
import { errorResponses } from '../../plugins/schemas';
import { fail, succeed, type Outcome } from '../../services/outcome';

/** The largest page a list answers (SPEC §11). */
export const MAX_PAGE_SIZE = 200;
/** The page size when `limit` is not given. */
export const DEFAULT_PAGE_SIZE = 50;

/** OpenAPI security of every `/api/v1` operation: an access token or an API key, both as bearer. */
export const V1_SECURITY: { [scheme: string]: string[] }[] = [{ bearer: [] }, { apiKey: [] }];

/** `limit` and `cursor` of every list. */
export const PageQuery = {
  limit: Type.Optional(
    Type.String({
      pattern: '^[0-9]{1,6}$',
      description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
    }),
  ),
  cursor: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 1_000,
      description: 'The `nextCursor` of the previous page, as it was given (opaque).',
    }),
  ),
};

/** The page size asked for, within bounds. */
export function pageSize(raw: string | undefined): Outcome<number> {
  if (raw === undefined) return succeed(DEFAULT_PAGE_SIZE);
  const limit = Number(raw);
  return Number.isInteger(limit) && limit >= 1 && limit <= MAX_PAGE_SIZE
    ? succeed(limit)
    : fail('invalid', 'invalid_limit', `limit must be from 1 to ${MAX_PAGE_SIZE}.`);
}

/** `{data, nextCursor}` of a list of `item`. */
export function pageOf(item: TSchema) {
  return Type.Object({
    data: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` for the next page; null at the end of the list.',
    }),
  });
}

/** A document id in the path. */
export const IdParams = Type.Object({ id: Id({ description: 'The document id.' }) });
/** An application id in the path (`<jobId>__<candidateId>`). */
export const ApplicationIdParams = Type.Object({ id: ApplicationSchema.properties.id });

/** `Idempotency-Key` of a POST: a repeat with the same key (and body) answers the first answer. */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 255,
      pattern: '^[\\x21-\\x7e]+$',
      description:
        'Any unique printable text (a UUID). A repeat with the same key and body, within 24 hours, answers the first answer; with another body it is a 422.',
    }),
  ),
});

/** `If-Match` of a PATCH: the change is made only to that version (else 412). */
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 1_000,
      description: 'The `ETag` of the version the change is made to; another version answers 412.',
    }),
  ),
});

/** The error answers of reads. */
export const READ_ERRORS = errorResponses(400, 401, 403, 404, 429);
/** The error answers of writes. */
export const WRITE_ERRORS = errorResponses(400, 401, 403, 404, 409, 412, 422, 429);
/** The error answers of creations. */
export const CREATE_ERRORS = errorResponses(400, 401, 403, 409, 422, 429);

/** The `ETag` header of a single resource. */
export const ETAG_HEADER = {
  ETag: { type: 'string', description: 'The version of the resource, for If-Match.' },
} as const;
