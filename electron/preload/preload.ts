/**
 * The preload script: runs in an isolated world of every app window (sandboxed, so it is bundled
 * to one CommonJS file, `dist/electron/preload.cjs`, and may only import `electron`) and exposes
 * the typed bridge of shared/bridge as `window.shortlist`. Each function is one named IPC channel;
 * `ipcRenderer` itself is never exposed. The main process validates every call again.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { parseDeepLink, type DeepLink, type DesktopBridge } from '#shared/bridge/desktop-bridge';
import { DEEP_LINK_CHANNEL, ipcChannel, type BridgeInvokeMethod } from '#shared/bridge/ipc-channels';

const invoke = <K extends BridgeInvokeMethod>(
  method: K,
  ...args: unknown[]
): Promise<Awaited<ReturnType<DesktopBridge[K]>>> =>
  ipcRenderer.invoke(ipcChannel(method), ...args) as Promise<Awaited<ReturnType<DesktopBridge[K]>>>;

const deepLinkListeners = new Set<(link: DeepLink) => void>();
/** Links that arrived before the renderer subscribed (the app opened from a link). */
const pendingDeepLinks: DeepLink[] = [];

ipcRenderer.on(DEEP_LINK_CHANNEL, (_event: IpcRendererEvent, raw: unknown) => {
  // Only the main process can send on this channel, but the shape is still checked.
  const link = isDeepLink(raw) ? parseDeepLink(`shortlist://${raw.kind}/${raw.id}`) : null;
  if (!link) return;
  if (deepLinkListeners.size === 0) pendingDeepLinks.push(link);
  for (const listener of deepLinkListeners) listener(link);
});

const bridge = {
  platform: process.platform,
  getDefaultServerUrl: () => invoke('getDefaultServerUrl'),
  loadRefreshToken: () => invoke('loadRefreshToken'),
  saveRefreshToken: (token: string) => invoke('saveRefreshToken', token),
  clearRefreshToken: () => invoke('clearRefreshToken'),
  getTokenStoragePolicy: () => invoke('getTokenStoragePolicy'),
  setPlaintextTokenOptIn: (optIn: boolean) => invoke('setPlaintextTokenOptIn', optIn),
  openPipelineWindow: (jobId: string) => invoke('openPipelineWindow', jobId),
  notify: (notification) => invoke('notify', { ...notification }),
  openExternal: (url: string) =>
    // Only links a person just clicked: transient user activation is per frame, shared with the page.
    navigator.userActivation.isActive
      ? invoke('openExternal', url)
      : Promise.reject(new Error('openExternal needs a click')),
  clearLocalData: () => invoke('clearLocalData'),
  onDeepLink: (listener: (link: DeepLink) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onDeepLink needs a function');
    deepLinkListeners.add(listener);
    for (const link of pendingDeepLinks.splice(0)) listener(link);
    return () => {
      deepLinkListeners.delete(listener);
    };
  },
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('shortlist', bridge);

function isDeepLink(value: unknown): value is DeepLink {
  if (typeof value !== 'object' || value === null || !('kind' in value) || !('id' in value)) return false;
  const { kind, id } = value;
  return (kind === 'job' || kind === 'candidate' || kind === 'interview') && typeof id === 'string';
}
