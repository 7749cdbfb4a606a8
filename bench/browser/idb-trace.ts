import type { BrowserContext, Page } from '@playwright/test';

/**
 * One IndexedDB cursor walk a page made (where, over which range, how many steps, how long), or one
 * long transaction (`index` is `transaction <mode>`, `range` its stores), or one `fetch` call of the
 * page (`index` is `fetch`, `range` its path: when the page asked, before any service worker).
 */
export interface CursorWalk {
  /** Wall-clock start (ms since the epoch). */
  readonly at: number;
  readonly database: string;
  readonly index: string;
  readonly range: string;
  readonly steps: number;
  readonly ms: number;
  /** The frames that opened the cursor (bundle positions: map them with the build's source maps). */
  readonly stack: string;
}

/** Walks shorter than this are not kept (lookups, not scans), unless the variable names another number. */
const LONG_WALK_STEPS = 200;

/**
 * When `SHORTLIST_BENCH_IDB_TRACE` is set: every page of `context` records its IndexedDB cursor
 * walks of at least that many steps (200 unless it is a number): database, index, key range, steps,
 * time from open to the last step, to find which query scans a table. A diagnostic only: it wraps
 * `openCursor` in the page.
 */
export async function traceCursorWalks(context: BrowserContext): Promise<void> {
  const variable = process.env['SHORTLIST_BENCH_IDB_TRACE'];
  if (!variable) return;
  const longSteps = /^\d+$/.test(variable) ? Number(variable) : LONG_WALK_STEPS;
  // No named helpers inside: the function is sent to the page as text, without the bundler's helpers.
  await context.addInitScript((longSteps: number) => {
    const walks: unknown[] = [];
    Object.assign(window, { shortlistCursorWalks: walks });
    for (const source of [IDBIndex.prototype, IDBObjectStore.prototype]) {
      const descriptor = Object.getOwnPropertyDescriptor(source, 'openCursor');
      const original: unknown = descriptor?.value;
      if (typeof original !== 'function') continue;
      Object.defineProperty(source, 'openCursor', {
        configurable: true,
        writable: true,
        value: new Proxy(original, {
          apply(_target, self: IDBIndex | IDBObjectStore, args: Parameters<IDBIndex['openCursor']>) {
            const request = Reflect.apply(original, self, args) as IDBRequest<IDBCursorWithValue | null>;
            const store = self instanceof IDBIndex ? self.objectStore : self;
            const startedAt = performance.now();
            const at = Date.now();
            // With V8's async frames: which query, from which caller, opened the walk.
            const stack = (new Error().stack ?? '').split('\n').slice(2, 14).join(' | ');
            let steps = 0;
            request.addEventListener('success', () => {
              if (request.result) {
                steps += 1;
                return;
              }
              if (steps < longSteps) return;
              walks.push({
                at,
                database: store.transaction.db.name,
                index: self instanceof IDBIndex ? self.name : '(primary)',
                range:
                  args[0] instanceof IDBKeyRange
                    ? JSON.stringify([args[0].lower, args[0].upper])
                    : JSON.stringify(args[0] ?? null),
                steps,
                stack,
                ms: Math.round(performance.now() - startedAt),
              });
            });
            return request;
          },
        }),
      });
    }
    const transaction = Object.getOwnPropertyDescriptor(IDBDatabase.prototype, 'transaction')
      ?.value as unknown;
    if (typeof transaction === 'function') {
      Object.defineProperty(IDBDatabase.prototype, 'transaction', {
        configurable: true,
        writable: true,
        value: new Proxy(transaction, {
          apply(_target, self: IDBDatabase, args: Parameters<IDBDatabase['transaction']>) {
            const opened = Reflect.apply(transaction, self, args) as IDBTransaction;
            const startedAt = performance.now();
            const at = Date.now();
            const stack = (new Error().stack ?? '').split('\n').slice(2, 14).join(' | ');
            for (const type of ['complete', 'abort']) {
              opened.addEventListener(type, () => {
                const ms = Math.round(performance.now() - startedAt);
                if (ms < 150) return;
                walks.push({
                  at,
                  database: self.name,
                  index: `transaction ${opened.mode}`,
                  range: Array.from({ length: opened.objectStoreNames.length }, (_, i) =>
                    opened.objectStoreNames.item(i),
                  ).join(','),
                  steps: 0,
                  stack,
                  ms,
                });
              });
            }
            return opened;
          },
        }),
      });
    }
    const originalFetch = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('/api/sync/')) {
        walks.push({
          at: Date.now(),
          database: '',
          index: 'fetch',
          range: new URL(url, window.location.href).pathname,
          steps: 0,
          stack: '',
          ms: 0,
        });
      }
      return originalFetch(input, init);
    };
  }, longSteps);
}

/** The walks `traceCursorWalks` recorded in `page` since the last call (empty when not tracing). */
export async function takeCursorWalks(page: Page): Promise<CursorWalk[]> {
  if (!process.env['SHORTLIST_BENCH_IDB_TRACE']) return [];
  return page.evaluate(() => {
    const walks = (window as unknown as { shortlistCursorWalks?: CursorWalk[] }).shortlistCursorWalks ?? [];
    return walks.splice(0, walks.length);
  });
}
