import type { DesktopBridge } from './desktop-bridge';

/**
 * The IPC naming convention of the bridge, mirrored in electron/main/ipc-handlers.ts (the two
 * tsconfig projects cannot import each other's files; a test in main checks they agree).
 */
export type BridgeInvokeMethod = Exclude<keyof DesktopBridge, 'platform' | 'onDeepLink'>;

/** The IPC channel of a bridge function. */
export function ipcChannel(method: BridgeInvokeMethod): string {
  return `shortlist:${method}`;
}

/** The channel on which the main window receives deep links (main → renderer). */
export const DEEP_LINK_CHANNEL = 'shortlist:deep-link';
