/**
 * `npm run dev`: the sync server (restarted on change by `tsx watch`), the Vite dev server with
 * hot reload for the renderer, and the desktop app loading the renderer from Vite (or the browser
 * where Electron cannot be had). Ctrl+C stops everything.
 */
import { isOk, ProcessGroup, waitForOk } from './child-processes';
import { launchDesktopOrBrowser, startLocalServer, TOOLS } from './launcher';
import { PROJECT_ROOT } from './build-electron';

const VITE_PORT = process.env['VITE_PORT'] ?? '5173';
const devServerUrl = `http://localhost:${VITE_PORT}`;

const group = new ProcessGroup();
try {
  // Something else answering on the Vite port would be mistaken for our dev server.
  if (await isOk(`${devServerUrl}/`))
    throw new Error(`port ${VITE_PORT} is already in use; set VITE_PORT to a free port`);
  const serverUrl = await startLocalServer(group, { watch: true });
  let hasViteExited = false;
  group.spawn(
    'vite',
    process.execPath,
    [TOOLS.vite, '--config', 'renderer/vite.config.ts', '--port', VITE_PORT, '--strictPort'],
    { cwd: PROJECT_ROOT, env: { ...process.env, SHORTLIST_SERVER: serverUrl } },
    () => {
      hasViteExited = true;
      void group.stopAll().then(() => process.exit(1));
    },
  );
  await waitForOk(`${devServerUrl}/app/`, { timeoutMs: 60_000, hasFailed: () => hasViteExited });
  await launchDesktopOrBrowser(group, { serverUrl, fallbackUrl: `${devServerUrl}/app/`, devServerUrl });
} catch (error) {
  console.error(`npm run dev failed: ${error instanceof Error ? error.message : String(error)}`);
  await group.stopAll();
  process.exit(1);
}
