import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the Electron executable is, or why there is none. */
export type ElectronBinary =
  { found: true; executable: string } | { found: false; reason: string; isDownloadable?: boolean };

/** The one line that says how to get Electron where it is missing. */
export const ELECTRON_FIX =
  'run `node node_modules/electron/install.js` on a machine with network access, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron 45 build';

/**
 * Finds the Electron executable without triggering its download (importing `electron` in Node
 * would try to fetch it). Honours `ELECTRON_OVERRIDE_DIST_PATH` like the electron package does.
 */
export function findElectronBinary(
  projectRoot: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): ElectronBinary {
  const packageDir = path.join(projectRoot, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : platformExecutable(platform);
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const executable = path.join(override, relative);
    return existsSync(executable)
      ? { found: true, executable }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${executable} does not exist` };
  }
  if (!existsSync(packageDir)) return { found: false, reason: 'the electron package is not installed' };
  const executable = path.join(packageDir, 'dist', relative);
  return existsSync(executable)
    ? { found: true, executable }
    : {
        found: false,
        reason: 'its binary was never downloaded (the electron package fetches it on first use)',
        isDownloadable: true,
      };
}

/** The Electron executable inside an Electron dist folder. */
export function platformExecutable(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}
