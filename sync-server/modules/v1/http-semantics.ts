import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { fail, succeed, type Outcome } from '../../services/outcome';

/** JSON with object keys sorted, so equal values hash alike on every instance. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 of the canonical JSON of `value`, hex. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/**
 * The strong entity tag of a resource as its reader gets it: a hash of that representation, so an
 * interviewer's redacted copy and a recruiter's full one have their own tags, and every instance
 * computes the same tag for the same version.
 */
export function etagOf(representation: unknown): string {
  return `"${createHash('sha256').update(canonicalJson(representation)).digest('base64url').slice(0, 27)}"`;
}

const ENTITY_TAG = /^\s*(W\/)?"([\x21\x23-\x7e]*)"\s*$/;

/**
 * Whether an `If-Match` header holds for the current tag (RFC 9110 §13.1.1: strong comparison, `*`
 * matches any current resource). A header that is not a list of entity tags is a 400.
 */
export function ifMatchHolds(header: string, currentTag: string): Outcome<boolean> {
  if (header.trim() === '*') return succeed(true);
  const tags = header.split(',');
  if (tags.length > 20 || header.length > 1_000) {
    return fail('invalid', 'invalid_if_match', 'If-Match has too many entity tags.');
  }
  let holds = false;
  for (const tag of tags) {
    const match = ENTITY_TAG.exec(tag);
    if (!match) {
      return fail('invalid', 'invalid_if_match', 'If-Match must be "*" or a list of quoted entity tags.');
    }
    if (!match[1] && `"${match[2]}"` === currentTag) holds = true;
  }
  return succeed(holds);
}

/** What a list's cursor remembers: the last id handed out, for one collection and one set of filters. */
interface CursorClaims {
  readonly collection: string;
  readonly filters: string;
  readonly after: string;
}

/**
 * Opaque list cursors: the position (the last id of the page) with the collection and filters it
 * belongs to, signed so a cursor the server did not issue, or one used with other filters, is a
 * clear 400 and never reaches the store.
 */
export class CursorCodec {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('shortlist-v1-list-cursor').digest();
  }

  seal(claims: CursorClaims): string {
    const body = Buffer.from(JSON.stringify([claims.collection, claims.filters, claims.after])).toString(
      'base64url',
    );
    return `${body}.${this.mac(body)}`;
  }

  /** The position a cursor names, if it is one of ours for this list. */
  open(cursor: string, collection: string, filters: string): Outcome<string> {
    const invalid = fail(
      'invalid',
      'invalid_cursor',
      'The cursor is not one this list issued; start again without it.',
    );
    const [body, mac, extra] = cursor.split('.');
    if (!body || !mac || extra !== undefined) return invalid;
    const expected = Buffer.from(this.mac(body));
    const sent = Buffer.from(mac);
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) return invalid;
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return invalid;
    }
    if (!Array.isArray(claims) || claims.length !== 3) return invalid;
    const [forCollection, forFilters, after] = claims as unknown[];
    if (forCollection !== collection || forFilters !== filters || typeof after !== 'string') {
      return fail('invalid', 'invalid_cursor', 'The cursor belongs to another list or other filters.');
    }
    return succeed(after);
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 32);
  }
}
