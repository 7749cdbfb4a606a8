import type { Session, WebContents, WebPreferences } from 'electron';
import { safeExternalUrl } from './external-links';
import { isTrustedUrl, originOf } from './ipc-sender';

/**
 * The web preferences of every window the app creates (Electron's security checklist): the page
 * runs in a sandboxed renderer with no Node, the preload in an isolated world, web security on, no
 * `<webview>`, no insecure content, no experimental features.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    devTools: true,
  };
}

/** Permissions granted to trusted pages; every other request and check is denied. */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set([
  // "Copy" in the rejected-changes list uses navigator.clipboard.writeText.
  'clipboard-sanitized-write',
  // The local database asks that its IndexedDB data not be evicted under storage pressure.
  'persistent-storage',
]);

/** Whether a page at `requestingUrl` may have `permission`. Denied by default. */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string,
  trustedOrigins: readonly string[],
): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isTrustedUrl(requestingUrl, trustedOrigins);
}

/** Installs the deny-by-default permission handlers on a session. */
export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  trustedOrigins: readonly string[],
): void {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const url = details.requestingUrl || webContents.getURL();
    callback(details.isMainFrame && isPermissionGranted(permission, url, trustedOrigins));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) => {
    const url = details.requestingUrl ?? requestingOrigin;
    return details.isMainFrame !== false && isPermissionGranted(permission, url, trustedOrigins);
  });
}

/** What to do when a page tries to go to `url` (a link, a script, a redirect). */
export type NavigationDecision = { kind: 'allow' } | { kind: 'deny'; openExternally: string | null };

/**
 * Navigation policy: only pages of the trusted origins may be loaded in an app window. An http(s)
 * destination is never loaded in the app; it may be offered to the system browser instead.
 */
export function decideNavigation(url: string, trustedOrigins: readonly string[]): NavigationDecision {
  if (isTrustedUrl(url, trustedOrigins)) return { kind: 'allow' };
  return { kind: 'deny', openExternally: safeExternalUrl(url) };
}

/** The side effects the guards need, injected so tests can observe them. */
export interface GuardEffects {
  openExternal(url: string): void;
  /** Logs a refused navigation or window (a warning, not an error dialog). */
  warn(message: string): void;
}

/**
 * Installs the navigation and new-window guards on a web contents: `will-navigate` and
 * `will-redirect` to another origin are prevented, `window.open`/`target=_blank` never creates a
 * window (http(s) links go to the system browser), and `<webview>` is refused.
 */
export function guardWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  trustedOrigins: readonly string[],
  effects: GuardEffects,
): void {
  const guardNavigation = (event: { preventDefault(): void }, url: string): void => {
    const decision = decideNavigation(url, trustedOrigins);
    if (decision.kind === 'allow') return;
    event.preventDefault();
    effects.warn(`Blocked navigation to ${describeUrl(url)}`);
    if (decision.openExternally) effects.openExternal(decision.openExternally);
  };
  contents.on('will-navigate', (event) => guardNavigation(event, event.url));
  contents.on('will-redirect', (event) => guardNavigation(event, event.url));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    effects.warn('Blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const external = safeExternalUrl(url);
    if (external) effects.openExternal(external);
    else effects.warn(`Blocked a new window for ${describeUrl(url)}`);
    return { action: 'deny' };
  });
}

function describeUrl(url: string): string {
  return originOf(url) ?? url.slice(0, 40);
}
