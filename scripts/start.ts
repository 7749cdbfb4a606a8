/**
 * `npm start`: builds what is missing, starts the local sync server on its embedded store (demo
 * data on first run), waits for it, then opens the desktop app, or, where the Electron binary
 * cannot be had, the same app in the browser at the server's `/app/`. Ctrl+C stops everything.
 */
import { ProcessGroup } from './child-processes';
import { buildRenderer, isRendererBuilt, launchDesktopOrBrowser, startLocalServer } from './launcher';

const group = new ProcessGroup();
try {
  if (!isRendererBuilt()) await buildRenderer();
  const serverUrl = await startLocalServer(group);
  await launchDesktopOrBrowser(group, { serverUrl, fallbackUrl: `${serverUrl}/app/` });
} catch (error) {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  await group.stopAll();
  process.exit(1);
}
