/**
 * `npm run dist`: builds the renderer and the Electron bundles for production, then packages with
 * electron-builder (electron-builder.yml). Extra arguments go to electron-builder, for example
 * `npm run dist -- --dir` or `npm run dist -- --linux AppImage`. Where Electron cannot be
 * downloaded, `ELECTRON_OVERRIDE_DIST_PATH` (a local Electron build) is used as `electronDist`.
 */
import { buildElectronBundles, PROJECT_ROOT } from './build-electron';
import { run } from './child-processes';
import { buildRenderer, TOOLS } from './launcher';

const extraArgs = process.argv.slice(2);
const electronDist = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
try {
  await buildRenderer();
  await buildElectronBundles({ production: true });
  // electron-builder reads electron-builder.yml from the project root; -c.* options override it.
  const overrides = electronDist ? [`-c.electronDist=${electronDist}`] : [];
  // Never publish by accident (electron-builder publishes from CI on tags unless told otherwise).
  const publish = extraArgs.some((arg) => arg.startsWith('--publish') || arg === '-p')
    ? []
    : ['--publish', 'never'];
  await run(process.execPath, [TOOLS.electronBuilder, ...overrides, ...publish, ...extraArgs], {
    cwd: PROJECT_ROOT,
  });
} catch (error) {
  console.error(`npm run dist failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
