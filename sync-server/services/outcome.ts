/**
 * What a server service answers (STYLE.md: errors are values at boundaries): its value, or a failure
 * with a kind, a machine code and a message for a person. Only routes turn a failure into HTTP
 * (`unwrap` in plugins/api-error); no HTTP type appears below them.
 */
export type Outcome<T> = { readonly ok: true; readonly value: T } | Failure;

/** Why a service could not do what it was asked. */
export interface Failure {
  readonly ok: false;
  readonly kind: FailureKind;
  readonly code: string;
  readonly message: string;
}

/**
 * The kinds of failure: malformed input, no or bad sign-in, a role that may not, nothing there, a lost
 * race or a duplicate, a stale precondition (`If-Match`), too large, a type not accepted, or a rule of the hiring workflow.
 */
export type FailureKind =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'too_large'
  | 'unsupported'
  | 'refused';

export function succeed<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function fail(kind: FailureKind, code: string, message: string): Failure {
  return { ok: false, kind, code, message };
}
