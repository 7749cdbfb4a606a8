/**
 * The Electron main process entry point, bundled to `dist/electron/main.cjs` (CommonJS, so
 * `__dirname` is the bundle's directory in development and inside app.asar alike).
 */
import { startShell } from './shell';

startShell(__dirname);
