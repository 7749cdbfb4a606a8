import type { PushRow } from '#shared/sync/protocol';
import type { CollectionName } from '#shared/domain/collections';
import type { PushRejection } from '#shared/sync/protocol';

/** A document on the wire, as the benchmarks handle it. */
export type WireDoc = Record<string, unknown> & { id: string; _deleted?: boolean };

/** A signed-in client. */
export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly user: {
    readonly id: string;
    readonly email: string;
    readonly name: string;
    readonly role: string;
  };
}

export interface PullPage {
  readonly documents: WireDoc[];
  readonly checkpoint: Record<string, unknown> | null;
}

export interface PushOutcome {
  readonly conflicts: WireDoc[];
  readonly rejections: PushRejection[];
}

const REQUEST_TIMEOUT_MS = 60_000;

async function expectJson<T>(response: Response, what: string): Promise<T> {
  if (!response.ok)
    throw new HttpError(
      response.status,
      `${what} failed: ${response.status} ${(await response.text()).slice(0, 500)}`,
    );
  return (await response.json()) as T;
}

/** A non-2xx answer. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** `POST /api/auth/login`. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return expectJson<Session>(response, `sign-in of ${email}`);
}

/** One `GET /api/sync/{collection}/pull`. */
export async function pull(
  baseUrl: string,
  token: string,
  collection: CollectionName,
  checkpoint: Record<string, unknown> | null,
  limit: number,
): Promise<PullPage> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint));
  const response = await fetch(`${baseUrl}/api/sync/${collection}/pull?${query.toString()}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return expectJson<PullPage>(response, `pull of ${collection}`);
}

/** Pulls until a short batch, as RxDB does; at most `maxPages` pages. */
export async function pullAll(
  baseUrl: string,
  token: string,
  collection: CollectionName,
  checkpoint: Record<string, unknown> | null,
  limit = 500,
  maxPages = 10_000,
): Promise<PullPage> {
  const documents: WireDoc[] = [];
  let current = checkpoint;
  for (let page = 0; page < maxPages; page += 1) {
    const batch = await pull(baseUrl, token, collection, current, limit);
    documents.push(...batch.documents);
    current = batch.checkpoint;
    if (batch.documents.length < limit) return { documents, checkpoint: current };
  }
  throw new Error(`pull of ${collection} did not end within ${maxPages} pages`);
}

/** One `POST /api/sync/{collection}/push`. */
export async function push(
  baseUrl: string,
  token: string,
  collection: CollectionName,
  rows: readonly PushRow[],
): Promise<PushOutcome> {
  const response = await fetch(`${baseUrl}/api/sync/${collection}/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(rows),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return expectJson<PushOutcome>(response, `push of ${collection}`);
}

/** `GET /api/v1/{collection}/{id}` (the integration API): one document as the server holds it now. */
export async function readOne(
  baseUrl: string,
  accessToken: string,
  collection: 'applications' | 'candidates' | 'jobs' | 'interviews',
  id: string,
): Promise<WireDoc> {
  const response = await fetch(`${baseUrl}/api/v1/${collection}/${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${accessToken}` },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return expectJson<WireDoc>(response, `read of ${collection}/${id}`);
}
