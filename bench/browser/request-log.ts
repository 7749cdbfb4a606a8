import type { BrowserContext, Request } from '@playwright/test';

/** One HTTP request a page made: wall-clock start and end (ms since the epoch), end null if it failed or runs. */
export interface RequestSpan {
  readonly path: string;
  readonly startedAt: number;
  readonly endedAt: number | null;
}

/** The requests a page made whose path passes `matches`, kept from `logRequests` until `stop`. */
export interface RequestLog {
  readonly spans: () => readonly RequestSpan[];
  readonly stop: () => void;
}

function spanOf(request: Request, finished: boolean): RequestSpan {
  const timing = request.timing();
  const path = new URL(request.url()).pathname;
  return {
    path,
    startedAt: timing.startTime,
    endedAt: finished && timing.responseEnd >= 0 ? timing.startTime + timing.responseEnd : null,
  };
}

/**
 * Keeps the wall-clock span of every finished (or failed) request in `context` whose path passes
 * `matches`, from Chromium's own timing of it (not when the runner heard of it). The context, not a
 * page: the app's service worker forwards the page's requests, and Playwright reports them there.
 */
export function logRequests(context: BrowserContext, matches: (path: string) => boolean): RequestLog {
  const spans: RequestSpan[] = [];
  const finished = (request: Request): void => {
    const span = spanOf(request, true);
    if (matches(span.path)) spans.push(span);
  };
  const failed = (request: Request): void => {
    const span = spanOf(request, false);
    if (matches(span.path)) spans.push(span);
  };
  context.on('requestfinished', finished);
  context.on('requestfailed', failed);
  return {
    spans: () => [...spans].sort((a, b) => a.startedAt - b.startedAt),
    stop: () => {
      context.off('requestfinished', finished);
      context.off('requestfailed', failed);
    },
  };
}

/** The first span that starts at or after `at`, or undefined. */
export function firstSpanFrom(spans: readonly RequestSpan[], at: number): RequestSpan | undefined {
  return spans.find((span) => span.startedAt >= at);
}

/** Where one move's time went, in ms, as far as the two pages' requests tell. */
export interface MovePhases {
  /** From A's click until A sent its push: the local write and RxDB's upstream. */
  readonly clickToPush: number;
  /** A's push request, start to end (the server judging and writing it). */
  readonly push: number;
  /** From the start of A's push until B sent the pull that brought the move: stream and B's reaction. */
  readonly pushToPull: number;
  /** That pull request of B's, start to end. */
  readonly pull: number;
  /** From the end of B's pull until B showed the move: B's local write, its queries and render. */
  readonly pullToShown: number;
}

/**
 * Splits one move's latency by A's first push after the click and B's last pull that started
 * before B showed the move; undefined when either request is not in the logs (a missed move, or a
 * pull still open).
 */
export function movePhases(
  pushes: readonly RequestSpan[],
  pulls: readonly RequestSpan[],
  clickedAt: number,
  shownAt: number,
): MovePhases | undefined {
  const push = firstSpanFrom(pushes, clickedAt);
  if (push?.endedAt == null || push.startedAt > shownAt) return undefined;
  const pull = [...pulls]
    .reverse()
    .find((span) => span.startedAt >= push.startedAt && span.endedAt !== null && span.endedAt <= shownAt);
  if (pull?.endedAt == null) return undefined;
  return {
    clickToPush: push.startedAt - clickedAt,
    push: push.endedAt - push.startedAt,
    pushToPull: pull.startedAt - push.startedAt,
    pull: pull.endedAt - pull.startedAt,
    pullToShown: shownAt - pull.endedAt,
  };
}
