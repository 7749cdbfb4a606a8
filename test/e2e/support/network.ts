import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, BrowserContextOptions } from '@playwright/test';

/** The sync server the suite runs against (playwright.config.ts starts it). */
export function serverPort(): number {
  return Number(process.env['E2E_PORT'] ?? 4317);
}

/**
 * A TCP relay between one browser context and the sync server that can be cut, as unplugging the
 * network would. Chromium's offline emulation alone is not a cut: it does not reliably hold for the
 * requests of a page its service worker controls, so an "offline" push could still reach the server.
 * Behind a gate nothing can: while it is shut, open connections are dropped and new ones reset.
 */
export interface NetworkGate {
  /** Base URL (origin) of the relay; the app is served through it. */
  readonly url: string;
  setOpen(isOpen: boolean): void;
  close(): Promise<void>;
}

export async function openNetworkGate(targetPort = serverPort()): Promise<NetworkGate> {
  const sockets = new Set<Socket>();
  let isOpen = true;
  const cut = (socket: Socket) =>
    socket.readyState === 'open' ? socket.resetAndDestroy() : socket.destroy();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const relay = createServer((client) => {
    if (!isOpen) {
      cut(client);
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    track(client);
    track(upstream);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setOpen(open) {
      isOpen = open;
      if (!open) for (const socket of sockets) cut(socket);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}

const gates = new WeakMap<BrowserContext, NetworkGate>();

/** Remembers which gate a context reaches the server through (see `setOffline`). */
export function registerGate(context: BrowserContext, gate: NetworkGate): void {
  gates.set(context, gate);
}

/**
 * A second browser context (another person's laptop) with a network of its own, so it can go
 * offline while the others stay online. Its gate closes with it.
 */
export async function openContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const gate = await openNetworkGate();
  const context = await browser.newContext({ ...options, baseURL: `${gate.url}/app/` });
  registerGate(context, gate);
  context.on('close', () => void gate.close());
  return context;
}

/**
 * Takes a browser context off the network, or back on: the browser reports offline to the app, and
 * the context's gate to the server is cut.
 */
export async function setOffline(context: BrowserContext, offline: boolean): Promise<void> {
  const gate = gates.get(context);
  if (!gate) throw new Error('This context has no network gate: use the `context` fixture or openContext().');
  gate.setOpen(!offline);
  await context.setOffline(offline);
}
