import type { BrowserContext, Route } from '@playwright/test';

const API = '**/api/**';
const cutOff = (route: Route) => route.abort('internetdisconnected');

/**
 * Takes a browser context off the network, or back on. Chromium's offline emulation alone does not
 * hold for every request of a page controlled by a service worker (the app's offline shell), so a
 * retried push could still reach the server; the API is cut off by a route as well, as a real
 * network cut would.
 */
export async function setOffline(context: BrowserContext, offline: boolean): Promise<void> {
  await context.setOffline(offline);
  if (offline) await context.route(API, cutOff);
  else await context.unroute(API, cutOff);
}
