import type { FastifyError, FastifyInstance } from 'fastify';
import type { ApiErrorBody } from '../../shared/sync/protocol';
import { isStoreUnavailable } from '../store/couch-store';
import { ApiError } from './api-error';

/** Fastify's own 4xx error codes, mapped to ours. */
const FASTIFY_CODES: Readonly<Record<string, { status: number; code: string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json' },
};

function body(code: string, message: string): ApiErrorBody {
  return { error: { code, message } };
}

/**
 * The one error handler: every failure leaves as `{"error": {"code", "message"}}`. Bad input is a 4xx
 * (validation 400, malformed JSON 400, oversize 413); only the server's own faults are 5xx.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError | Error, request, reply) => {
    if (error instanceof ApiError) {
      return reply.status(error.statusCode).send(body(error.code, error.message));
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      return reply.status(400).send(body('invalid_request', fastifyError.message));
    }
    const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
    if (known) return reply.status(known.status).send(body(known.code, fastifyError.message));
    if (error instanceof SyntaxError)
      return reply.status(400).send(body('malformed_json', 'The body is not valid JSON.'));
    const status = fastifyError.statusCode;
    // nano's errors: the store did not answer (or failed) — the server's fault, and temporary.
    if (isStoreUnavailable(error)) {
      request.log.warn({ err: error }, 'store unavailable');
      return reply
        .status(503)
        .send(body('store_unavailable', 'The data store is not available; try again shortly.'));
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const code = status === 429 ? 'rate_limited' : (fastifyError.code ?? 'bad_request').toLowerCase();
      return reply.status(status).send(body(code, fastifyError.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(body('internal_error', 'Something went wrong on the server.'));
  });

  app.setNotFoundHandler((request, reply) => {
    return reply
      .status(404)
      .send(body('not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`));
  });
}
