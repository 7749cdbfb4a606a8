import { test as base } from '@playwright/test';
import { openNetworkGate, registerGate, serverPort, type NetworkGate } from './network';

export { expect } from '@playwright/test';

/**
 * The suite's `test`: each test's browser context reaches the sync server through a network gate of
 * its own, so `setOffline(context, …)` cuts it for real (see network.ts). The test's own API calls
 * (`request`, set-up and checks) go to the server directly, so they work while the app is offline.
 */
export const test = base.extend<{ gate: NetworkGate }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  gate: async ({}, use) => {
    const gate = await openNetworkGate();
    await use(gate);
    await gate.close();
  },
  baseURL: async ({ gate }, use) => {
    await use(`${gate.url}/app/`);
  },
  request: async ({ playwright }, use) => {
    const request = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${serverPort()}/` });
    await use(request);
    await request.dispose();
  },
  context: async ({ context, gate }, use) => {
    registerGate(context, gate);
    await use(context);
  },
});
