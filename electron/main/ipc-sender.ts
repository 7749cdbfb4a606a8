/** The parts of an IPC event the sender check reads (a subset of Electron's `IpcMainInvokeEvent`). */
export interface IpcSenderEvent {
  readonly sender: { readonly id: number; readonly mainFrame: unknown };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/**
 * Whether an IPC message may be acted on: it must come from the top frame (never an iframe) of a
 * web contents this app created, showing a page of a trusted origin (`app://shortlist`, or the
 * Vite dev server during `npm run dev`). A frame that has navigated away or been destroyed
 * (`senderFrame` null) is refused.
 */
export function isTrustedSender(
  event: IpcSenderEvent,
  trustedOrigins: readonly string[],
  isOwnWebContents: (webContentsId: number) => boolean,
): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  if (frame !== event.sender.mainFrame) return false;
  if (!isOwnWebContents(event.sender.id)) return false;
  return isTrustedUrl(frame.url, trustedOrigins);
}

/** Whether `url` is a page of one of the trusted origins. */
export function isTrustedUrl(url: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}

/**
 * The origin of an http(s) or app:// URL, or null. Node's URL gives custom schemes an opaque
 * origin ("null"); Chromium treats `app:` as a standard scheme (registered so), with origin
 * `app://<host>`, which is what this computes.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  if (parsed.protocol === 'app:' && parsed.host !== '' && parsed.username === '' && parsed.password === '') {
    return `app://${parsed.host.toLowerCase()}`;
  }
  return null;
}
