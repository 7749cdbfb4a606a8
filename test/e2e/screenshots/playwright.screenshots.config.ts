import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import base from '../../../playwright.config';

/**
 * The product screenshots of docs/screenshots/ (README), not part of the normal end-to-end run:
 * `npx playwright test --config test/e2e/screenshots/playwright.screenshots.config.ts` after
 * `npm run build`. Same real sync server with a fresh demo organisation as the end-to-end tests.
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const webServer = Array.isArray(base.webServer) ? base.webServer[0] : base.webServer;

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '**/*.screenshots.ts',
  timeout: 120_000,
  reporter: [['list']],
  outputDir: `${repoRoot}test-results/screenshots`,
  use: { ...base.use, viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  ...(webServer ? { webServer: { ...webServer, cwd: repoRoot } } : {}),
});
