/**
 * The typed bridge between the Electron shell and the renderer (STYLE.md). The preload script
 * exposes an object that `satisfies DesktopBridge` as `window.shortlist`; in a plain browser it is
 * absent and the renderer falls back to web equivalents. Every function is validated again in the
 * main process: the renderer is not trusted.
 */
export interface DesktopBridge {
  /** `process.platform` of the desktop, for shortcuts and labels. */
  readonly platform: string;
  /** The sync server this desktop app talks to by default (its local server). */
  getDefaultServerUrl(): Promise<string>;

  /** The refresh token of the signed-in person, kept with the OS keychain (`safeStorage`). */
  loadRefreshToken(): Promise<string | null>;
  saveRefreshToken(token: string): Promise<void>;
  clearRefreshToken(): Promise<void>;
  /** How the refresh token is kept on this machine; see {@link TokenStoragePolicy}. */
  getTokenStoragePolicy(): Promise<TokenStoragePolicy>;
  /** Opt in (or out) of keeping the token on disk where no OS keychain is available. */
  setPlaintextTokenOptIn(optIn: boolean): Promise<TokenStoragePolicy>;

  /** Open (or focus) the pipeline window of a job. */
  openPipelineWindow(jobId: string): Promise<void>;
  /** Show a native notification; clicking it navigates the main window to `route`, if given. */
  notify(notification: DesktopNotification): Promise<void>;
  /** Open an http(s) link a person clicked in their browser. Other schemes are refused. */
  openExternal(url: string): Promise<void>;
  /** Remove all local data of this app (databases, caches, tokens): sign-out with removal, or remote wipe. */
  clearLocalData(): Promise<void>;
  /** Called with each `shortlist://` deep link the app is opened with; returns an unsubscribe function. */
  onDeepLink(listener: (link: DeepLink) => void): () => void;
}

/**
 * `encrypted`: kept on disk, encrypted by the OS keychain. `memory`: no keychain (Linux `basic_text`),
 * so the token lives in memory only and the person signs in again after a restart, unless they opt
 * in to `plaintext`, which keeps it on disk unencrypted.
 */
export type TokenStoragePolicy = 'encrypted' | 'memory' | 'plaintext';

export interface DesktopNotification {
  title: string;
  body: string;
  /** An in-app route such as `/interviews/int-1`. */
  route?: string;
}

/**
 * The query a pipeline window is opened with: the renderer then shows the board on its own, without
 * the main window's navigation.
 */
export const PIPELINE_WINDOW_QUERY = 'window=pipeline';

/** The renderer route of a job's pipeline window. */
export function pipelineWindowRoute(jobId: string): string {
  return `/jobs/${encodeURIComponent(jobId)}/pipeline?${PIPELINE_WINDOW_QUERY}`;
}

/** Whether a window was opened as a pipeline window, from its first URL's query (`location.search`). */
export function isPipelineWindowQuery(search: string): boolean {
  return search.replace(/^\?/, '').split('&').includes(PIPELINE_WINDOW_QUERY);
}

/** A parsed, validated `shortlist://` link. */
export type DeepLink =
  { kind: 'job'; id: string } | { kind: 'candidate'; id: string } | { kind: 'interview'; id: string };

/** The in-app route a deep link opens. */
export function deepLinkRoute(link: DeepLink): string {
  return `/${link.kind}s/${encodeURIComponent(link.id)}`;
}

/**
 * Parses an untrusted `shortlist://job/<id>` (or candidate, interview) URL. Anything else, including
 * ids outside the shared id alphabet, gives null.
 */
export function parseDeepLink(raw: string): DeepLink | null {
  const match = /^shortlist:\/\/(job|candidate|interview)\/([A-Za-z0-9_-]{1,64})\/?$/.exec(raw.trim());
  if (!match) return null;
  const [, kind, id] = match;
  if (!id) return null;
  return kind === 'job' || kind === 'candidate' || kind === 'interview' ? { kind, id } : null;
}
