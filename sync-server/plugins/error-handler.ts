import fp from 'fastify-plugin';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from '#shared/sync/protocol';
import { isStoreError, isStoreUnavailable } from '../infra/couch-store';
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
export const errorHandlerPlugin = fp(
  (app, _options, done) => {
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
      // The store refused what this server asked (a 4xx of the store's): the server's fault, never
      // the client's, which would otherwise drop a row it did nothing wrong with.
      if (isStoreError(error)) {
        request.log.error({ err: error }, 'the store refused a request of the server');
        return reply.status(500).send(body('internal_error', 'Something went wrong on the server.'));
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
    done();
  },
  { name: 'error-handler' },
);

/** Fastify's router errors, which never reach the error handler (`frameworkErrors` option). */
const ROUTER_ERRORS: Readonly<Record<string, { status: number; code: string; message: string }>> = {
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'bad_url',
    message: 'The URL is not valid: it has a malformed percent-escape.',
  },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'uri_too_long', message: 'A part of the URL is too long.' },
};

/**
 * The `frameworkErrors` option of Fastify: errors of routing (a malformed URL, an over-long
 * parameter) in our shape. The URL is not echoed: it may carry what should not be repeated.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const known = ROUTER_ERRORS[error.code];
  if (known) {
    void reply.status(known.status).send(body(known.code, known.message));
    return;
  }
  void reply.status(400).send(body('bad_request', 'The request could not be routed.'));
}

/** Node's HTTP parser errors, by the parser's code. */
const CLIENT_ERRORS: Readonly<Record<string, { status: number; code: string; message: string }>> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'headers_too_large',
    message: 'The request headers (the URL included) are too large.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'request_timeout',
    message: 'The request took too long to arrive.',
  },
  ERR_HTTP_HEADERS_TIMEOUT: {
    status: 408,
    code: 'request_timeout',
    message: 'The request took too long to arrive.',
  },
};

/**
 * The `clientErrorHandler` option of Fastify: what Node's HTTP parser refuses before Fastify sees a
 * request (headers too large: 431; a request that is not HTTP: 400; too slow: 408), answered in our
 * shape on the raw socket, which is then closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = (error.code ? CLIENT_ERRORS[error.code] : undefined) ?? {
    status: 400,
    code: 'bad_request',
    message: 'The request is not valid HTTP.',
  };
  const json = JSON.stringify(body(known.code, known.message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${known.status} ${STATUS_CODES[known.status] ?? 'Error'}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(json)}\r\n` +
        'Connection: close\r\n\r\n' +
        json,
    );
  }
  socket.destroy(error);
}
