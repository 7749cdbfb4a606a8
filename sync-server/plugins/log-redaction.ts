import type { FastifyServerOptions } from 'fastify';

/** Query keys that carry secrets, compared lowercased with everything but letters and digits removed. */
const SECRET_KEY = /token|secret|passw|apikey|signature|credential|jwt|authorization|^key$|^sig$|^code$/;
/** A JWT (`eyJ…` header, payload, signature), wherever it is. */
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/;
/** A refresh token: `<session id>.<secret>`. */
const REFRESH_TOKEN = /[A-Za-z0-9_-]{8,64}\.[A-Za-z0-9_-]{40,}/;
const REDACTED = '[redacted]';

/** `text` percent-decoded (and `+` as space) until it stops changing, as far as it decodes. */
function decodedFully(text: string): string {
  let current = text;
  for (let round = 0; round < 5; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current.replace(/\+/g, ' '));
    } catch {
      // Malformed escapes: decode what can be decoded, escape by escape.
      next = current.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
        try {
          return decodeURIComponent(run);
        } catch {
          return run;
        }
      });
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

function looksSecret(text: string): boolean {
  const decoded = decodedFully(text);
  return JWT.test(decoded) || REFRESH_TOKEN.test(decoded);
}

/**
 * The URL as it may be logged: every query value whose key names a secret (`access_token`, however
 * spelled or encoded: `access%5Ftoken`, `ACCESS_TOKEN`, `access_token[]`, double-encoded…) or whose
 * value holds a token is replaced by `[redacted]`, and so is any path segment that holds a token.
 * Both `&` and `;` count as separators, whatever a parser would make of them.
 */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const safePath = path
    .split('/')
    .map((segment) => (looksSecret(segment) ? REDACTED : segment))
    .join('/');
  if (queryAt === -1) return safePath;
  const query = url
    .slice(queryAt + 1)
    .split(/([&;])/)
    .map((part) => {
      if (part === '&' || part === ';' || part === '') return part;
      const equals = part.indexOf('=');
      const key = equals === -1 ? part : part.slice(0, equals);
      const name = decodedFully(key)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '');
      if (equals === -1) return looksSecret(part) ? REDACTED : part;
      return SECRET_KEY.test(name) || looksSecret(part.slice(equals + 1)) ? `${key}=${REDACTED}` : part;
    })
    .join('');
  return `${safePath}?${query}`;
}

/** Free text (an error message, a stack) with tokens and `…token=value` pairs blanked. */
function redactText(text: string): string {
  return text
    .replace(new RegExp(JWT.source, 'g'), REDACTED)
    .replace(new RegExp(REFRESH_TOKEN.source, 'g'), REDACTED)
    .replace(/([A-Za-z0-9_%-]*token[A-Za-z0-9_%[\]-]*=)[^\s&;'"]+/gi, `$1${REDACTED}`);
}

/** What is logged of an error: never a nano request (it carries the store's URL and credentials). */
function serializeError(error: Error): {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
} {
  // Loggers are handed anything as `err`, not only errors.
  const thrown: unknown = error;
  if (!(thrown instanceof Error))
    return { type: typeof thrown, message: redactText(String(thrown)), stack: '' };
  const { code, statusCode } = thrown as { code?: unknown; statusCode?: unknown };
  return {
    type: error.name,
    message: redactText(error.message),
    stack: redactText(error.stack ?? ''),
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
  };
}

/**
 * The logger option with serializers that keep secrets out of every line: requests are logged with a
 * redacted URL (no headers), errors without the request that caused them.
 */
export function withRedactedLogs(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === false || logger === undefined) return false;
  const options = logger === true ? { level: 'info' } : logger;
  return {
    ...options,
    serializers: {
      req: (request: { method: string; url: string; hostname?: string; ip?: string }) => ({
        method: request.method,
        url: redactUrl(request.url),
        hostname: request.hostname,
        remoteAddress: request.ip,
      }),
      err: serializeError,
    },
  };
}
