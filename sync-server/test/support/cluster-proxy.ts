import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small HTTP proxy in front of the embedded store that behaves like a CouchDB cluster under
 * stress, so tests can prove what only a cluster shows:
 * - `answerAccepted`: writes answered 202 instead of 201 (fewer copies than the quorum);
 * - `makeSiblings`: a write the store refuses as a conflict is written as a sibling leaf instead
 *   (`_bulk_docs` with `new_edits: false`) and answered 202, as a second node that had not seen the
 *   other write would: two instances both "win" at first;
 * - `gather`: holds matching requests until several arrived, so two instances read before either writes;
 * - `override`: cuts (mid-answer), hangs or answers matching requests itself (cut longpolls, empty
 *   feeds, 400s);
 * - `lagViews`: views answer without catching up with the latest writes;
 * - `raceIndexes`: a second creation of one Mango index answers 500 `error_saving_ddoc`.
 */
export interface ClusterProxy {
  /** The proxy's URL, with the store's credentials. */
  readonly url: string;
  /** Every request seen: method and path (with query). */
  readonly requests: { method: string; path: string }[];
  answerAccepted(isOn: boolean): void;
  /** Sibling revision ids sort above (`high`) or below (`low`) the store's own; null turns it off. */
  makeSiblings(rank: 'high' | 'low' | null): void;
  /** Holds the next requests matching until `count` of them arrived; resolves when they are let go. */
  gather(match: RequestMatch, count: number): Promise<void>;
  /** Answers matching requests itself until the returned function is called. */
  override(match: RequestMatch, answer: OverrideAnswer): () => void;
  lagViews(isOn: boolean): void;
  raceIndexes(isOn: boolean): void;
  close(): Promise<void>;
}

/** Which requests a rule applies to. */
export interface RequestMatch {
  readonly method?: string;
  /** Tested against the path with its query string. */
  readonly path: RegExp;
  /** Tested against the request body, if given. */
  readonly body?: RegExp;
}

/** What the proxy does instead of the store. */
export type OverrideAnswer =
  | { readonly kind: 'cut'; readonly afterMs: number }
  | { readonly kind: 'hang' }
  | { readonly kind: 'answer'; readonly status: number; readonly body: string };

interface Gathering {
  readonly match: RequestMatch;
  readonly count: number;
  readonly held: (() => void)[];
  readonly released: () => void;
}

function matches(match: RequestMatch, method: string, path: string, body: Buffer): boolean {
  return (
    (match.method === undefined || match.method === method) &&
    match.path.test(path) &&
    (match.body === undefined || match.body.test(body.toString('utf8')))
  );
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function parseJson(buffer: Buffer): unknown {
  try {
    return JSON.parse(buffer.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Starts a proxy to the store at `storeUrl` (which carries its credentials). */
export async function startClusterProxy(storeUrl: string): Promise<ClusterProxy> {
  const target = new URL(storeUrl);
  const requests: { method: string; path: string }[] = [];
  let isAccepting = false;
  let siblingRank: 'high' | 'low' | null = null;
  let isLaggingViews = false;
  let isRacingIndexes = false;
  const indexesMade = new Set<string>();
  const gatherings: Gathering[] = [];
  const overrides = new Set<{ match: RequestMatch; answer: OverrideAnswer }>();
  const hanging = new Set<ServerResponse>();

  /** One request to the store, buffered. */
  const ask = (
    method: string,
    path: string,
    headers: http.IncomingHttpHeaders,
    body?: Buffer,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      // Uncompressed, so the proxy can read what it rewrites.
      const { 'accept-encoding': _encoding, ...plain } = headers;
      const outgoing = http.request(
        { host: target.hostname, port: target.port, method, path, headers: { ...plain, host: target.host } },
        (response) => {
          void readBody(response).then(
            (buffer) =>
              resolve({ status: response.statusCode ?? 502, headers: response.headers, body: buffer }),
            reject,
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const siblingRev = (
    parentRev: string | undefined,
  ): { rev: string; revisions: { start: number; ids: string[] } } => {
    const hash = `${siblingRank === 'low' ? '00000' : 'fffff'}${randomBytes(14).toString('hex').slice(0, 27)}`;
    const parent = parentRev ? /^(\d+)-(.+)$/.exec(parentRev) : null;
    const position = parent ? Number(parent[1]) + 1 : 1;
    return {
      rev: `${position}-${hash}`,
      revisions: { start: position, ids: parent?.[2] ? [hash, parent[2]] : [hash] },
    };
  };

  /** Writes `docs` as sibling leaves of the revisions they were based on; answers their new revisions. */
  const writeSiblings = async (
    db: string,
    docs: readonly Record<string, unknown>[],
    headers: http.IncomingHttpHeaders,
  ): Promise<string[]> => {
    const siblings = docs.map((doc) => {
      const { rev, revisions } = siblingRev(typeof doc['_rev'] === 'string' ? doc['_rev'] : undefined);
      return { ...doc, _rev: rev, _revisions: revisions };
    });
    const payload = Buffer.from(JSON.stringify({ new_edits: false, docs: siblings }));
    const written = await ask(
      'POST',
      `/${db}/_bulk_docs`,
      {
        ...(headers.authorization ? { authorization: headers.authorization } : {}),
        'content-type': 'application/json',
        'content-length': String(payload.length),
      },
      payload,
    );
    if (written.status >= 300) throw new Error(`the store refused siblings: ${written.status}`);
    return siblings.map((sibling) => sibling._rev);
  };

  const send = (
    response: ServerResponse,
    status: number,
    headers: http.IncomingHttpHeaders,
    body: Buffer,
  ): void => {
    const {
      'content-length': _length,
      'transfer-encoding': _encoding,
      connection: _connection,
      ...rest
    } = headers;
    response.writeHead(status, { ...rest, 'content-length': String(body.length) });
    response.end(body);
  };

  const sendJson = (response: ServerResponse, status: number, value: unknown): void => {
    send(response, status, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify(value)));
  };

  /** A document write (PUT of a document, or `_bulk_docs`) while 202s or siblings are on. */
  const handleWrite = async (
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    body: Buffer,
  ): Promise<void> => {
    const answer = await ask(request.method ?? 'GET', path, request.headers, body);
    const db = path.split('?')[0]?.split('/')[1] ?? '';
    const isBulk = /^\/[^/]+\/_bulk_docs(\?|$)/.test(path);
    const sent = parseJson(body);
    if (isBulk && isRecord(sent) && Array.isArray(sent['docs']) && Array.isArray(parseJson(answer.body))) {
      const rows = parseJson(answer.body) as unknown[];
      const docs = sent['docs'] as unknown[];
      const conflicted = rows.flatMap((row, index) =>
        isRecord(row) && row['error'] === 'conflict' && isRecord(docs[index]) ? [index] : [],
      );
      if (siblingRank && conflicted.length > 0 && sent['new_edits'] !== false) {
        const revs = await writeSiblings(
          db,
          conflicted.map((index) => docs[index] as Record<string, unknown>),
          request.headers,
        );
        conflicted.forEach((index, at) => {
          const doc = docs[index] as Record<string, unknown>;
          rows[index] = { ok: true, id: doc['_id'], rev: revs[at] };
        });
        sendJson(response, 202, rows);
        return;
      }
      const status = isAccepting && answer.status === 201 ? 202 : answer.status;
      send(response, status, answer.headers, answer.body);
      return;
    }
    if (answer.status === 409 && siblingRank && isRecord(sent)) {
      // PUT /db/id, or POST /db with the id in the body (as nano writes).
      const pathId = path.split('?')[0]?.split('/').slice(2).join('/') ?? '';
      const id = pathId ? decodeURIComponent(pathId) : String(sent['_id']);
      const query = new URLSearchParams(path.split('?')[1] ?? '');
      const doc = { ...sent, _id: id, ...(query.get('rev') ? { _rev: query.get('rev') } : {}) };
      const [rev] = await writeSiblings(db, [doc], request.headers);
      sendJson(response, 202, { ok: true, id, rev });
      return;
    }
    send(response, isAccepting && answer.status === 201 ? 202 : answer.status, answer.headers, answer.body);
  };

  /** Streams a request to the store and its answer back (longpolls stay open). */
  const pipe = (request: IncomingMessage, response: ServerResponse, path: string, body: Buffer): void => {
    const outgoing = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path,
        headers: { ...request.headers, host: target.host },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        answer.on('error', () => response.destroy());
      },
    );
    outgoing.on('error', () => response.destroy());
    response.on('close', () => outgoing.destroy());
    outgoing.end(body);
  };

  const server = http.createServer((request, response) => {
    void (async () => {
      const method = request.method ?? 'GET';
      let path = request.url ?? '/';
      requests.push({ method, path });
      const body = await readBody(request);

      for (const gathering of gatherings) {
        if (!matches(gathering.match, method, path, body)) continue;
        await new Promise<void>((resolve) => {
          gathering.held.push(resolve);
          if (gathering.held.length >= gathering.count) {
            gatherings.splice(gatherings.indexOf(gathering), 1);
            for (const release of gathering.held) release();
            gathering.released();
          }
        });
        break;
      }

      for (const { match, answer } of overrides) {
        if (!matches(match, method, path, body)) continue;
        if (answer.kind === 'hang') {
          hanging.add(response);
          response.on('close', () => hanging.delete(response));
          return;
        }
        if (answer.kind === 'cut') {
          // Forwarded, then the connection closes mid-answer (headers may be out), as a proxy's idle limit does.
          pipe(request, response, path, body);
          // Only this request's connection, and only while it is unanswered (keep-alive reuses sockets).
          const timer = setTimeout(() => request.socket.destroy(), answer.afterMs);
          response.on('close', () => clearTimeout(timer));
          return;
        }
        send(response, answer.status, { 'content-type': 'application/json' }, Buffer.from(answer.body));
        return;
      }

      if (isRacingIndexes && method === 'POST' && /^\/[^/]+\/_index(\?|$)/.test(path)) {
        const sent = parseJson(body);
        const key = `${path.split('/')[1] ?? ''}/${isRecord(sent) ? String(sent['ddoc'] ?? sent['name']) : ''}`;
        if (indexesMade.has(key)) {
          // What CouchDB answers the slower of two instances creating one index at once.
          sendJson(response, 500, {
            error: 'error_saving_ddoc',
            reason: 'Unknown error while saving the design document: conflict',
          });
          return;
        }
        indexesMade.add(key);
      }

      if (isLaggingViews && /\/_design\/[^/]+\/_view\//.test(path)) {
        path += `${path.includes('?') ? '&' : '?'}stale=ok`;
      }

      const isDocWrite =
        (method === 'PUT' && /^\/[^/_][^/]*\/[^_/][^/]*(\?|$)/.test(path)) ||
        (method === 'POST' && /^\/[^/_][^/]*\/?(\?|$)/.test(path)) ||
        (method === 'POST' && /^\/[^/]+\/_bulk_docs(\?|$)/.test(path));
      if (isDocWrite && (isAccepting || siblingRank)) {
        await handleWrite(request, response, path, body);
        return;
      }
      pipe(request, response, path, body);
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const proxied = new URL(storeUrl);
  proxied.port = String(port);

  return {
    url: proxied.toString().replace(/\/$/, ''),
    requests,
    answerAccepted: (isOn) => {
      isAccepting = isOn;
    },
    makeSiblings: (rank) => {
      siblingRank = rank;
    },
    gather: (match, count) =>
      new Promise<void>((resolve) => {
        gatherings.push({ match, count, held: [], released: resolve });
      }),
    override: (match, answer) => {
      const rule = { match, answer };
      overrides.add(rule);
      return () => {
        overrides.delete(rule);
        if (answer.kind === 'hang') for (const response of hanging) response.destroy();
      };
    },
    lagViews: (isOn) => {
      isLaggingViews = isOn;
    },
    raceIndexes: (isOn) => {
      isRacingIndexes = isOn;
    },
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
