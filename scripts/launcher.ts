import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildElectronBundles, ELECTRON_BUNDLE_DIR, PROJECT_ROOT } from './build-electron';
import type { ProcessGroup } from './child-processes';
import { isOk, openBrowser, run, waitForOk } from './child-processes';
import { ELECTRON_FIX, findElectronBinary } from './electron-binary';

/** Paths of the tools the launchers run with this Node (no shell, no npx: works on every OS). */
export const TOOLS = {
  tsx: path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
  vite: path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
  electronBuilder: path.join(PROJECT_ROOT, 'node_modules', 'electron-builder', 'cli.js'),
};

export const RENDERER_DIST = path.join(PROJECT_ROOT, 'renderer', 'dist');
export const SERVER_ENTRY = path.join(PROJECT_ROOT, 'sync-server', 'server.ts');

/** The local sync server's address (SPEC §7 `PORT`, `HOST`); a wildcard host is reached on loopback. */
export function localServerUrl(env: NodeJS.ProcessEnv = process.env): string {
  const port = env['PORT'] || '4000';
  const host = env['HOST'] && env['HOST'] !== '0.0.0.0' && env['HOST'] !== '::' ? env['HOST'] : '127.0.0.1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Builds the renderer's web build (base `/app/`, used both by the server and the app:// scheme). */
export async function buildRenderer(): Promise<void> {
  console.log('Building the renderer (renderer/dist)…');
  await run(process.execPath, [TOOLS.vite, 'build', '--config', 'renderer/vite.config.ts'], {
    cwd: PROJECT_ROOT,
  });
}

/**
 * Starts the local sync server (embedded store; demo data on first run unless SHORTLIST_DEMO says
 * otherwise) and waits until `/api/ready` answers. A server already answering there is reused.
 */
export async function startLocalServer(
  group: ProcessGroup,
  options: { entry?: string; watch?: boolean } = {},
): Promise<string> {
  const serverUrl = localServerUrl();
  if (await isOk(`${serverUrl}/api/ready`)) {
    console.log(`Using the sync server already running at ${serverUrl}.`);
    return serverUrl;
  }
  const entry = options.entry ?? SERVER_ENTRY;
  let hasExited = false;
  group.spawn(
    'sync-server',
    process.execPath,
    [TOOLS.tsx, ...(options.watch ? ['watch'] : []), entry],
    { cwd: PROJECT_ROOT, env: { ...process.env, SHORTLIST_DEMO: process.env['SHORTLIST_DEMO'] ?? '1' } },
    (code) => {
      hasExited = true;
      console.error(`The sync server stopped (exit code ${code}).`);
      void group.stopAll().then(() => process.exit(code || 1));
    },
  );
  await waitForOk(`${serverUrl}/api/ready`, { timeoutMs: 120_000, hasFailed: () => hasExited });
  return serverUrl;
}

/**
 * Runs Electron on the bundled main script when its binary can be had; otherwise prints one line
 * saying why and how to fix it, and opens `fallbackUrl` (the same app) in the browser.
 */
export async function launchDesktopOrBrowser(
  group: ProcessGroup,
  options: { serverUrl: string; fallbackUrl: string; devServerUrl?: string },
): Promise<void> {
  let electron = findElectronBinary(PROJECT_ROOT);
  if (!electron.found && electron.isDownloadable && (await downloadElectron())) {
    electron = findElectronBinary(PROJECT_ROOT);
  }
  if (!electron.found) {
    console.log(`Electron is not available: ${electron.reason}. To get the desktop app, ${ELECTRON_FIX}.`);
    console.log(
      `Shortlist is running in your browser instead: ${options.fallbackUrl}${group.size > 0 ? '  (Ctrl+C to stop)' : ''}`,
    );
    openBrowser(options.fallbackUrl);
    return;
  }
  await buildElectronBundles({ production: false });
  console.log('Opening the Shortlist desktop app… (Ctrl+C to stop)');
  const env: NodeJS.ProcessEnv = { ...process.env, SHORTLIST_SERVER_URL: options.serverUrl };
  if (options.devServerUrl) env['SHORTLIST_DEV_SERVER_URL'] = options.devServerUrl;
  // Set by some terminals (VS Code's): it would make Electron act as plain Node.
  delete env['ELECTRON_RUN_AS_NODE'];
  group.spawn(
    'electron',
    electron.executable,
    [path.join(ELECTRON_BUNDLE_DIR, 'main.cjs')],
    { cwd: PROJECT_ROOT, env },
    () => void group.stopAll().then(() => process.exit(0)),
  );
}

/**
 * npm 11 does not run the electron package's install script, so its binary is fetched on the first
 * start instead. Answers whether that worked (not on a machine without network: then the browser).
 */
async function downloadElectron(): Promise<boolean> {
  const installer = path.join(PROJECT_ROOT, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return false;
  console.log('Downloading Electron for the desktop app…');
  try {
    await run(process.execPath, [installer], { cwd: PROJECT_ROOT, stdio: 'ignore', timeout: 10 * 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** Whether the renderer's web build exists. */
export function isRendererBuilt(): boolean {
  return existsSync(path.join(RENDERER_DIST, 'index.html'));
}
