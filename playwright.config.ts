import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: Debian's Chromium drives the built renderer (`npm run build`) served by a real
 * sync server on the embedded store, with the demo organisation loaded into a fresh data directory.
 */
const port = Number(process.env['E2E_PORT'] ?? 4317);
const dataDir = process.env['E2E_DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'shortlist-e2e-'));
process.env['E2E_DATA_DIR'] = dataDir;

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env['CI'] ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/app/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'npx tsx sync-server/server.ts',
    url: `http://127.0.0.1:${port}/api/ready`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      SHORTLIST_DATA_DIR: dataDir,
      SHORTLIST_DEMO: '1',
      SHORTLIST_JWT_SECRET: 'e2e-secret-that-is-long-enough-for-hs256-signing',
      // The deployment's operator (SPEC §10), who creates the second organisation of organisations.spec.ts.
      SHORTLIST_OPERATOR_EMAIL: 'operator@e2e.example',
      SHORTLIST_OPERATOR_PASSWORD: 'e2e-operator-password',
      // The suite signs the demo accounts in many times from one address; limits are tested in the server's tests.
      SHORTLIST_LOGIN_LIMIT_PER_ACCOUNT: '1000',
      SHORTLIST_LOGIN_LIMIT_PER_ADDRESS: '10000',
      // admin-integrations.spec.ts subscribes a webhook to a receiver it runs on loopback.
      SHORTLIST_WEBHOOK_ALLOW_PRIVATE: '1',
      // Several people may build and test at once: each can point at its own build.
      ...(process.env['E2E_RENDERER_DIST']
        ? { SHORTLIST_RENDERER_DIST: process.env['E2E_RENDERER_DIST'] }
        : {}),
    },
  },
});
