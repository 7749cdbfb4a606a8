import path from 'node:path';
import { APP_MOUNT, APP_ORIGIN, appUrl } from './app-path';
import { toOrigin } from './content-security-policy';

/** The configuration of the desktop shell, resolved once at start. */
export interface ShellConfig {
  /** The renderer build served on app:// (Vite's `renderer/dist`). */
  readonly rendererDir: string;
  /** The bundled preload script. */
  readonly preloadPath: string;
  /** The sync server the app talks to by default; also allowed by the CSP. */
  readonly serverUrl: string;
  /** During `npm run dev` only: the Vite dev server the windows load instead of app://. */
  readonly devServerUrl: string | null;
  /** The origins whose pages may call the bridge and be navigated to. */
  readonly trustedOrigins: readonly string[];
}

/** The local sync server that `npm start` runs (SPEC §7: port 4000 on 127.0.0.1). */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:4000';

/**
 * Reads the shell's configuration. `bundleDir` is the directory of the bundled main script
 * (`dist/electron/`, inside app.asar once packaged); the renderer build sits at `renderer/dist`
 * two levels up in both layouts.
 *
 * Environment (all optional): `SHORTLIST_SERVER_URL` (an http(s) URL), and, only in an unpackaged
 * app, `SHORTLIST_DEV_SERVER_URL` (a loopback http URL: the Vite dev server) and
 * `SHORTLIST_RENDERER_DIR`. A packaged app ignores the last two, so nobody can point a shipped app
 * at other code through its environment.
 */
export function loadShellConfig(
  env: NodeJS.ProcessEnv,
  options: { isPackaged: boolean; bundleDir: string },
): ShellConfig {
  const serverUrl = parseServerUrl(env['SHORTLIST_SERVER_URL']);
  const devServerUrl = options.isPackaged ? null : parseDevServerUrl(env['SHORTLIST_DEV_SERVER_URL']);
  const rendererOverride = options.isPackaged ? undefined : env['SHORTLIST_RENDERER_DIR'];
  return {
    rendererDir: path.resolve(
      rendererOverride || path.join(options.bundleDir, '..', '..', 'renderer', 'dist'),
    ),
    preloadPath: path.join(options.bundleDir, 'preload.cjs'),
    serverUrl,
    devServerUrl,
    trustedOrigins: devServerUrl ? [APP_ORIGIN, toOrigin(devServerUrl)] : [APP_ORIGIN],
  };
}

/** The URL a window loads to show an in-app route. */
export function rendererUrl(config: Pick<ShellConfig, 'devServerUrl'>, route: string): string {
  if (!config.devServerUrl) return appUrl(route);
  return `${toOrigin(config.devServerUrl)}${APP_MOUNT}${route.replace(/^\/+/, '')}`;
}

function parseServerUrl(raw: string | undefined): string {
  if (!raw) return DEFAULT_SERVER_URL;
  try {
    return toOrigin(raw);
  } catch {
    return DEFAULT_SERVER_URL;
  }
}

function parseDevServerUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    const isLoopback =
      url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
    return url.protocol === 'http:' && isLoopback ? url.origin : null;
  } catch {
    return null;
  }
}
