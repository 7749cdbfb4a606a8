import { DEEP_LINK_CHANNEL } from '#shared/bridge/ipc-channels';
import { parseDeepLink, type DeepLink } from '#shared/bridge/desktop-bridge';

/** The custom protocol the app registers as the OS's default handler. */
export const DEEP_LINK_PROTOCOL = 'shortlist';

/**
 * The deep link in a command line (Windows and Linux pass `shortlist://…` as an argument, to the
 * first instance at start or to `second-instance`). Every candidate is parsed as untrusted input
 * with `parseDeepLink`; the first valid one wins.
 */
export function deepLinkFromArgv(argv: readonly string[]): DeepLink | null {
  for (const argument of argv) {
    if (!argument.toLowerCase().startsWith(`${DEEP_LINK_PROTOCOL}:`)) continue;
    const link = parseDeepLink(argument);
    if (link) return link;
  }
  return null;
}

/**
 * The deep link matching an in-app route (`/jobs/<id>`, `/candidates/<id>`, `/interviews/<id>`),
 * so a notification click can be delivered like a deep link, without reloading the page.
 */
export function deepLinkForRoute(route: string): DeepLink | null {
  const match = /^\/(job|candidate|interview)s\/([^/]+)\/?$/.exec(route);
  if (!match) return null;
  return parseDeepLink(`${DEEP_LINK_PROTOCOL}://${match[1]}/${match[2]}`);
}

/** The part of a window the dispatcher sends to. */
export interface DeepLinkTarget {
  readonly webContents: {
    isLoading(): boolean;
    once(event: 'did-finish-load', listener: () => void): unknown;
    send(channel: string, ...args: unknown[]): void;
  };
}

/** The channel on which the main window receives deep links (main → renderer). */

/**
 * Delivers deep links to the main window. Links that arrive before the app is ready (macOS sends
 * `open-url` early) are queued; while the page is loading, delivery waits for it to finish (the
 * preload buffers links until the renderer subscribes).
 */
export class DeepLinkDispatcher {
  private readonly pending: DeepLink[] = [];
  private target: (() => DeepLinkTarget) | null = null;

  /** Starts delivering to the window that `showTarget` shows (and creates if needed). */
  attach(showTarget: () => DeepLinkTarget): void {
    this.target = showTarget;
    const queued = this.pending.splice(0);
    for (const link of queued) this.dispatch(link);
  }

  /** Delivers (or queues) an already parsed link. */
  dispatch(link: DeepLink): void {
    if (!this.target) {
      this.pending.push(link);
      return;
    }
    const { webContents } = this.target();
    if (webContents.isLoading())
      webContents.once('did-finish-load', () => webContents.send(DEEP_LINK_CHANNEL, link));
    else webContents.send(DEEP_LINK_CHANNEL, link);
  }

  /** Brings the target window forward (a second launch without a link), once attached. */
  focus(): void {
    this.target?.();
  }

  /** Parses and delivers a raw URL; returns false (and does nothing) for an invalid link. */
  dispatchUrl(raw: string): boolean {
    const link = parseDeepLink(raw);
    if (!link) return false;
    this.dispatch(link);
    return true;
  }

  /** Links waiting for the app to be ready (for tests and diagnostics). */
  pendingLinks(): readonly DeepLink[] {
    return [...this.pending];
  }
}
