import type { DesktopBridge } from '#shared/bridge/desktop-bridge';
import type { TokenStore } from './session-types';

declare global {
  interface Window {
    /** The Electron preload's bridge (shared/bridge/desktop-bridge.ts); absent in a browser. */
    shortlist?: DesktopBridge;
  }
}

export function desktopBridge(): DesktopBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.shortlist;
}

/**
 * On the desktop the refresh token is the only secret, so it goes to the OS keychain through the
 * bridge; who signed in and where (needed to reopen offline on their data) stay in `local`.
 * Where the machine has no keychain the bridge keeps the token in memory, so after a restart the
 * app reopens on the last user's data and asks them to sign in again.
 */
export function desktopTokenStore(local: TokenStore): TokenStore | undefined {
  const bridge = desktopBridge();
  if (!bridge) return undefined;
  return {
    async load() {
      const [stored, refreshToken] = await Promise.all([local.load(), bridge.loadRefreshToken()]);
      return stored ? { ...stored, refreshToken } : null;
    },
    async save(session) {
      // The token first: a refresh already spent the previous one on the server, so a window closed or
      // reloaded before it is kept would start with a spent token.
      await (session.refreshToken ? bridge.saveRefreshToken(session.refreshToken) : bridge.clearRefreshToken());
      await local.save({ ...session, refreshToken: null });
    },
    async clear() {
      await Promise.all([local.clear(), bridge.clearRefreshToken()]);
    },
  };
}
