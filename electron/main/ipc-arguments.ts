import type { DesktopNotification } from '#shared/bridge/desktop-bridge';

/** An IPC argument the main process refuses; the renderer is not trusted. */
export class InvalidIpcArgumentError extends Error {
  constructor(
    readonly channel: string,
    reason: string,
  ) {
    super(`Refused ${channel}: ${reason}`);
    this.name = 'InvalidIpcArgumentError';
  }
}

/** Ids share the deep-link alphabet of shared/bridge (letters, digits, `_`, `-`; 1–64 chars). */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Refresh tokens are opaque printable ASCII. */
const TOKEN_PATTERN = /^[\x21-\x7e]{1,4096}$/;
/** In-app routes: absolute, no `//`, no query or fragment, no `..`. */
const ROUTE_PATTERN = /^(\/[A-Za-z0-9_-]+)*\/?$/;

const MAX_TITLE_LENGTH = 200;
const MAX_BODY_LENGTH = 1_000;
const MAX_ROUTE_LENGTH = 300;

/** Asserts that a call carried exactly `count` arguments. */
export function expectArgumentCount(channel: string, args: readonly unknown[], count: number): void {
  if (args.length !== count)
    throw new InvalidIpcArgumentError(channel, `expected ${count} argument(s), got ${args.length}`);
}

/** A job id for `openPipelineWindow`. */
export function parseJobId(channel: string, value: unknown): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value))
    throw new InvalidIpcArgumentError(channel, 'not a valid job id');
  return value;
}

/** A refresh token for `saveRefreshToken`. */
export function parseRefreshToken(channel: string, value: unknown): string {
  if (typeof value !== 'string' || !TOKEN_PATTERN.test(value))
    throw new InvalidIpcArgumentError(channel, 'not a valid refresh token');
  return value;
}

/** A strict boolean (no truthy strings). */
export function parseBoolean(channel: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new InvalidIpcArgumentError(channel, 'expected a boolean');
  return value;
}

/** An in-app route such as `/interviews/int-1`; the main process only ever loads it on app://. */
export function parseRoute(channel: string, value: unknown): string {
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > MAX_ROUTE_LENGTH ||
    !ROUTE_PATTERN.test(value)
  ) {
    throw new InvalidIpcArgumentError(channel, 'not a valid in-app route');
  }
  return value;
}

/** A notification: a plain object with `title`, `body` and an optional `route`, nothing else. */
export function parseNotification(channel: string, value: unknown): DesktopNotification {
  if (!isPlainObject(value)) throw new InvalidIpcArgumentError(channel, 'expected a notification object');
  const unknownKeys = Object.keys(value).filter(
    (key) => key !== 'title' && key !== 'body' && key !== 'route',
  );
  if (unknownKeys.length > 0)
    throw new InvalidIpcArgumentError(channel, `unexpected field(s) ${unknownKeys.join(', ')}`);
  const { title, body, route } = value;
  if (typeof title !== 'string' || title.trim().length === 0 || title.length > MAX_TITLE_LENGTH) {
    throw new InvalidIpcArgumentError(channel, `title must be 1–${MAX_TITLE_LENGTH} characters`);
  }
  if (typeof body !== 'string' || body.length > MAX_BODY_LENGTH) {
    throw new InvalidIpcArgumentError(channel, `body must be at most ${MAX_BODY_LENGTH} characters`);
  }
  if (route === undefined) return { title, body };
  return { title, body, route: parseRoute(channel, route) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
