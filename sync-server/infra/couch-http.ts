/**
 * A small HTTP client for the CouchDB API that, unlike nano, tells the status of every answer: a
 * cluster answers 202 (fewer copies than the write quorum) where nano reports plain success, and
 * the change follower must tell a 400 (unknown sequence) from a cut connection or an empty body.
 */

/** An answer of the store: its status and its body parsed as JSON (undefined when it is not JSON). */
export interface StoreAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * The store could not be asked or answered with an error. Shaped like nano's errors (`scope`
 * `couch`, `statusCode`), so `statusOf` and `isStoreUnavailable` judge both alike; no status means
 * the store did not answer (refused, cut, timed out).
 */
export class StoreHttpError extends Error {
  override readonly name = 'StoreHttpError';
  readonly scope = 'couch';

  constructor(
    message: string,
    readonly statusCode: number | undefined,
    readonly error?: string,
    readonly reason?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** What one request asks. `path` is below the store's base URL, already encoded (see `docPath`). */
export interface StoreRequest {
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  readonly path: string;
  readonly qs?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /** Abort the request after this long (none by default, like nano). */
  readonly timeoutMs?: number;
}

/** The URL path of a document: design and local documents keep their slash, like CouchDB expects. */
export function docPath(db: string, id: string): string {
  const special = /^(_design|_local)\/(.+)$/.exec(id);
  const docSegment = special
    ? `${special[1]}/${encodeURIComponent(special[2] ?? '')}`
    : encodeURIComponent(id);
  return `${encodeURIComponent(db)}/${docSegment}`;
}

/** The store at one base URL (credentials in the URL become basic auth, as nano does). */
export class CouchHttp {
  private readonly base: string;
  private readonly authorization: string | undefined;

  constructor(url: string) {
    const parsed = new URL(url);
    this.authorization = parsed.username
      ? `Basic ${Buffer.from(`${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`).toString('base64')}`
      : undefined;
    parsed.username = '';
    parsed.password = '';
    this.base = parsed.toString().replace(/\/+$/, '');
  }

  /** Sends one request; answers every HTTP status, throws `StoreHttpError` only when there is no answer. */
  async request(request: StoreRequest): Promise<StoreAnswer> {
    const query = request.qs ? `?${new URLSearchParams(request.qs).toString()}` : '';
    const signals = [
      request.signal,
      request.timeoutMs === undefined ? undefined : AbortSignal.timeout(request.timeoutMs),
    ];
    const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
    // No compression: the embedded store gzips every answer it is allowed to (CPU on both sides, on
    // one machine, for nothing); CouchDB never compresses answers, so this changes nothing there.
    const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'identity' };
    if (this.authorization) headers['authorization'] = this.authorization;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    let text: string;
    let status: number;
    try {
      const response = await fetch(`${this.base}/${request.path}${query}`, {
        method: request.method,
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        ...(present.length > 0
          ? { signal: present.length === 1 ? present[0] : AbortSignal.any(present) }
          : {}),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw new StoreHttpError(
        `The store did not answer ${request.method} ${request.path.split('/')[0] ?? ''}: ${describe(error)}`,
        undefined,
        undefined,
        undefined,
        { cause: error },
      );
    }
    return { status, body: parseJson(text) };
  }
}

/** The error for an answer the caller did not expect (4xx and 5xx keep their status). */
export function unexpectedAnswer(what: string, answer: StoreAnswer): StoreHttpError {
  const body = isRecord(answer.body) ? answer.body : {};
  const error = typeof body['error'] === 'string' ? body['error'] : undefined;
  const reason = typeof body['reason'] === 'string' ? body['reason'] : undefined;
  return new StoreHttpError(
    `${what}: the store answered ${answer.status}${error ? ` ${error}` : ''}${reason ? ` (${reason})` : ''}`,
    answer.status,
    error,
    reason,
  );
}

/** Whether a value is a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

const clients = new Map<string, CouchHttp>();

/** The one client for a base URL (modules that hold only a nano database scope find theirs here). */
export function couchHttpFor(url: string): CouchHttp {
  let client = clients.get(url);
  if (!client) {
    client = new CouchHttp(url);
    clients.set(url, client);
  }
  return client;
}
