import type { FastifyRequest } from 'fastify';
import type { LinkBase } from '../services/identity-service';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);

function bare(address: string): string {
  return address
    .replace(/^\[|\]$/g, '')
    .replace(/^::ffff:/, '')
    .toLowerCase();
}

/**
 * The base URL of links mailed in answer to `request`: `SHORTLIST_PUBLIC_URL` when set, else the
 * request's own origin, but only when its `Host` can be trusted. A `Host` header is the client's to
 * choose: a reset link built from `Host: evil.example` would mail the victim a link that hands the
 * token to the attacker. So the origin is used only for a loopback name, or for the very IP address
 * the connection was accepted on; any other name needs `SHORTLIST_PUBLIC_URL` (null: no link is sent).
 */
export function linkBaseOf(request: FastifyRequest, publicUrl: string | null): LinkBase {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(`${request.protocol}://${request.host}`);
  } catch {
    return null;
  }
  if (url.username || url.password || url.pathname !== '/') return null;
  const hostname = bare(url.hostname);
  const localAddress = request.socket.localAddress;
  const isTrusted = LOOPBACK.has(hostname) || (localAddress !== undefined && hostname === bare(localAddress));
  return isTrusted ? url.origin : null;
}
