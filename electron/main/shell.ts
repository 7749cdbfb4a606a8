import {
  app,
  ipcMain,
  Menu,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
  type BrowserWindow,
} from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildMenuTemplate } from './app-menu';
import { APP_SCHEME_PRIVILEGES, handleAppProtocol } from './app-protocol';
import { createAppWindow, type WindowStateAccess } from './app-windows';
import { contentSecurityPolicy } from './content-security-policy';
import { DEEP_LINK_PROTOCOL, deepLinkForRoute, deepLinkFromArgv, DeepLinkDispatcher } from './deep-links';
import { safeExternalUrl } from './external-links';
import { registerIpcHandlers } from './ipc-handlers';
import { performRemoteWipe } from './local-data';
import { Notifier } from './notifications';
import { loadShellConfig, rendererUrl, type ShellConfig } from './shell-config';
import { TokenStore } from './token-store';
import { guardWebContents, hardenSession, type GuardEffects } from './web-security';
import { WindowRegistry } from './window-registry';
import { WindowStateStore, type WindowBounds, type WindowKind } from './window-state';

/**
 * Starts the desktop shell. Call once, synchronously, from the main script: the scheme privileges,
 * sandboxing and the single-instance lock must be set up before the app is ready.
 * `bundleDir` is the directory of the bundled main script.
 */
export function startShell(bundleDir: string): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    // Another instance is running: it receives our argv (and deep link) through `second-instance`.
    app.quit();
    return;
  }

  const config = loadShellConfig(process.env, { isPackaged: app.isPackaged, bundleDir });
  const deepLinks = new DeepLinkDispatcher();
  const guardEffects: GuardEffects = {
    openExternal: (url) => void openExternal(url),
    warn: (message) => console.warn(`[shortlist] ${message}`),
  };

  // macOS delivers deep links through `open-url`, possibly before `ready`: the dispatcher queues them.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (!deepLinks.dispatchUrl(url)) guardEffects.warn('Ignored an invalid shortlist:// link');
  });
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, config.trustedOrigins, guardEffects),
  );
  // Windows and Linux: a second launch (possibly with a shortlist:// argument) focuses this instance.
  // Registered before `ready`; the dispatcher shows the main window and delivers (or queues) the link.
  app.on('second-instance', (_event, argv) => {
    const link = deepLinkFromArgv(argv);
    if (link) deepLinks.dispatch(link);
    else deepLinks.focus();
  });
  if (app.isPackaged) app.setAsDefaultProtocolClient(DEEP_LINK_PROTOCOL);
  const initialLink = deepLinkFromArgv(process.argv);
  if (initialLink) deepLinks.dispatch(initialLink);

  app
    .whenReady()
    .then(() => onReady(config, deepLinks, guardEffects))
    .catch((error: unknown) => {
      console.error('[shortlist] The desktop app could not start:', error);
      app.exit(1);
    });
}

async function onReady(
  config: ShellConfig,
  deepLinks: DeepLinkDispatcher,
  guardEffects: GuardEffects,
): Promise<void> {
  const userData = app.getPath('userData');
  const ses = session.defaultSession;
  hardenSession(ses, config.trustedOrigins);
  handleAppProtocol(ses.protocol, config.rendererDir, contentSecurityPolicy([config.serverUrl]));

  const tokens = new TokenStore(userData, safeStorage);
  const stateStore = new WindowStateStore(path.join(userData, 'window-state.json'));
  const windowState = await rememberedWindowState(stateStore);
  const devIcon = path.join(path.dirname(config.preloadPath), '..', '..', 'build', 'icons', '512x512.png');
  const windowDeps = {
    config,
    windowState,
    guardEffects,
    iconPath: !app.isPackaged && existsSync(devIcon) ? devIcon : null,
  };
  const registry = new WindowRegistry<BrowserWindow>((kind, route) =>
    createAppWindow(kind, route, windowDeps),
  );

  const showRoute = (route: string | undefined): void => {
    const main = registry.showMain();
    if (route === undefined) return;
    const link = deepLinkForRoute(route);
    if (link) deepLinks.dispatch(link);
    else void main.loadURL(rendererUrl(config, route));
  };
  const notifier = new Notifier({
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification(options),
    openRoute: showRoute,
  });

  registerIpcHandlers(ipcMain, {
    serverUrl: config.serverUrl,
    trustedOrigins: config.trustedOrigins,
    isOwnWebContents: (id) => registry.ownsWebContents(id),
    tokens,
    openPipelineWindow: (jobId) => void registry.openPipeline(jobId),
    notify: (notification) => void notifier.show(notification),
    openExternal,
    clearLocalData: () =>
      performRemoteWipe(
        {
          session: ses,
          tokenStore: tokens,
          windowState: { clear: () => windowState.clear() },
          windows: {
            closePipelines: () => registry.closePipelines(),
            reloadMain: () => void registry.main()?.loadURL(rendererUrl(config, '/')),
          },
        },
        { reload: 'after-reply' },
      ),
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(
        { platform: process.platform, isPackaged: app.isPackaged, serverUrl: config.serverUrl },
        { showMainWindow: () => void registry.showMain(), openExternal: (url) => void openExternal(url) },
      ),
    ),
  );

  app.on('activate', () => void registry.showMain());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  registry.showMain();
  deepLinks.attach(() => registry.showMain());
}

/** Opens an http(s) URL in the system browser; anything else is refused. */
async function openExternal(raw: string): Promise<void> {
  const url = safeExternalUrl(raw);
  if (url === null) throw new Error('Only http(s) links can be opened');
  await shell.openExternal(url, { activate: true });
}

/** Reads the remembered window bounds once; windows are created synchronously from this copy. */
async function rememberedWindowState(
  store: WindowStateStore,
): Promise<WindowStateAccess & { clear(): Promise<void> }> {
  const remembered = new Map<WindowKind, WindowBounds>();
  for (const kind of ['main', 'pipeline'] as const) {
    const bounds = await store.get(kind);
    if (bounds) remembered.set(kind, bounds);
  }
  return {
    remembered: (kind) => remembered.get(kind) ?? null,
    remember: (kind, bounds) => {
      remembered.set(kind, bounds);
      store
        .set(kind, bounds)
        .catch((error: unknown) => console.warn('[shortlist] Could not remember the window size:', error));
    },
    clear: async () => {
      remembered.clear();
      await store.clear();
    },
  };
}
