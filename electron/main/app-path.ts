import path from 'node:path';

/** The privileged scheme the renderer is loaded from (standard + secure, so IndexedDB works). */
export const APP_SCHEME = 'app';
/** The single host of the scheme: every renderer page is `app://shortlist/...`. */
export const APP_HOST = 'shortlist';
/** The origin of renderer pages, the only origin trusted to call the bridge. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/**
 * The path the renderer build is mounted under. The renderer is built once with Vite's default
 * base `/app/` (the sync server serves the same build at `/app/`), so asset URLs and client-side
 * routes are identical in a browser and in the desktop app.
 */
export const APP_MOUNT = '/app/';

/** Where a request for `app://shortlist/<pathname>` is answered from. */
export type AppPathResolution =
  | { kind: 'file'; filePath: string }
  | { kind: 'index'; filePath: string }
  | { kind: 'not-found' }
  | { kind: 'refused'; reason: string };

/**
 * Resolves the URL pathname of an `app://` request to a file inside `rootDir` (the renderer build).
 * Pure except for `isFile`, which says whether a candidate path is an existing file.
 *
 * The pathname is percent-decoded and normalised; anything that would leave `rootDir` (`..`,
 * encoded slashes or backslashes, NUL bytes, malformed escapes) is refused. A path without a file
 * extension that matches no file is a client-side route and gets `index.html`; a missing asset
 * (a path with an extension) is not found rather than silently answered with HTML.
 */
export function resolveAppPath(
  rootDir: string,
  pathname: string,
  isFile: (filePath: string) => boolean,
): AppPathResolution {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'refused', reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0')) return { kind: 'refused', reason: 'NUL byte' };
  if (decoded.includes('\\')) return { kind: 'refused', reason: 'backslash' };
  if (!decoded.startsWith('/')) return { kind: 'refused', reason: 'relative path' };
  if (decoded.split('/').some((segment) => segment === '..'))
    return { kind: 'refused', reason: 'parent segment' };

  const mounted =
    decoded === APP_MOUNT.slice(0, -1)
      ? '/'
      : decoded.startsWith(APP_MOUNT)
        ? decoded.slice(APP_MOUNT.length - 1)
        : decoded;
  const relative = path.posix.normalize(mounted).replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const indexPath = path.join(root, 'index.html');
  if (relative === '' || relative === '.') return { kind: 'index', filePath: indexPath };

  const candidate = path.resolve(root, ...relative.split('/'));
  if (!isInside(root, candidate)) return { kind: 'refused', reason: 'outside the renderer build' };
  if (isFile(candidate)) return { kind: 'file', filePath: candidate };
  if (path.posix.extname(relative) !== '') return { kind: 'not-found' };
  return { kind: 'index', filePath: indexPath };
}

/** True when `candidate` is `root` itself or a path below it. */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The `app://` URL of an in-app route such as `/jobs/job-1/pipeline`. */
export function appUrl(route: string): string {
  return `${APP_ORIGIN}${APP_MOUNT}${route.replace(/^\/+/, '')}`;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The Content-Type of a file served from the renderer build. */
export function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
