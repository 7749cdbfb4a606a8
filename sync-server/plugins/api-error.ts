import type { Failure, FailureKind, Outcome } from '../services/outcome';

/**
 * An error that becomes a 4xx answer `{"error": {"code", "message"}}` (SPEC §5). Routes and services
 * throw it; the error handler turns it into the response.
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** 400: malformed input. */
export const badRequest = (message: string, code = 'bad_request'): ApiError =>
  new ApiError(400, code, message);
/** 401: no, bad or ended sign-in. */
export const unauthorized = (message = 'Sign in first.', code = 'unauthorized'): ApiError =>
  new ApiError(401, code, message);
/** 403: the role may not do this. */
export const forbidden = (message = 'Your role may not do this.', code = 'forbidden_role'): ApiError =>
  new ApiError(403, code, message);
/** 404: no such thing. */
export const notFound = (message = 'Not found.', code = 'not_found'): ApiError =>
  new ApiError(404, code, message);
/** 409: it exists already, or changed meanwhile. */
export const conflict = (message: string, code = 'conflict'): ApiError => new ApiError(409, code, message);

const STATUS_OF: Readonly<Record<FailureKind, number>> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  too_large: 413,
  unsupported: 415,
  refused: 422,
};

/** The HTTP error of a service's failure. */
export function apiErrorOf(failure: Failure): ApiError {
  return new ApiError(STATUS_OF[failure.kind], failure.code, failure.message);
}

/** A service's value, or its failure thrown as the HTTP error the one error handler answers with. */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw apiErrorOf(outcome);
  return outcome.value;
}
