import { readFile, realpath, stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import type { CustomScheme, Protocol } from 'electron';
import { APP_HOST, APP_SCHEME, contentTypeOf, isInside, resolveAppPath } from './app-path';

/**
 * The privileges of `app://`, registered before the app is ready: standard (real origins, relative
 * URLs), secure (a secure context: IndexedDB, Web Locks, crypto.subtle), fetch API and CORS
 * support, and code cache. It does not bypass the CSP.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    codeCache: true,
    stream: true,
  },
};

/** Security headers sent with every app:// response. */
export function appResponseHeaders(contentSecurityPolicy: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

/**
 * Answers a request to app:// from the renderer build in `rootDir`: GET/HEAD only, host
 * `shortlist` only, paths resolved by {@link resolveAppPath} (traversal refused, client-side
 * routes answered with index.html).
 */
export async function serveAppRequest(
  request: Request,
  rootDir: string,
  contentSecurityPolicy: string,
): Promise<Response> {
  const headers = appResponseHeaders(contentSecurityPolicy);
  const answer = (status: number, text: string): Response =>
    new Response(text, { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'Method not allowed');

  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return answer(400, 'Bad request');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return answer(404, 'Not found');

  const resolution = resolveAppPath(rootDir, url.pathname, isFile);
  if (resolution.kind === 'refused') return answer(403, 'Forbidden');
  if (resolution.kind === 'not-found') return answer(404, 'Not found');
  try {
    // A symbolic link inside the build must not lead outside it either.
    if (!isInside(await realpath(rootDir), await realpath(resolution.filePath)))
      return answer(403, 'Forbidden');
    const info = await stat(resolution.filePath);
    if (!info.isFile()) return answer(404, 'Not found');
    const body = request.method === 'HEAD' ? null : await readFile(resolution.filePath);
    return new Response(body, {
      status: 200,
      headers: {
        ...headers,
        'Content-Type': contentTypeOf(resolution.filePath),
        'Content-Length': String(info.size),
      },
    });
  } catch {
    return answer(
      404,
      resolution.kind === 'index' ? 'The renderer is not built (run the renderer build).' : 'Not found',
    );
  }
}

/** Serves app:// on a session's protocol registry. */
export function handleAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  rootDir: string,
  contentSecurityPolicy: string,
): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rootDir, contentSecurityPolicy));
}

function isFile(filePath: string): boolean {
  try {
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
}
