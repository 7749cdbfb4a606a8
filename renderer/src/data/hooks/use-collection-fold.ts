import { useEffect, useMemo, useState } from 'react';
import type { RxChangeEvent, RxCollection } from 'rxdb';
import { backgroundReadTurn } from '../read-priority';
import { readStoredDocuments, type StoredDocument } from '../stored-documents';

/** How often a fold is handed to the screen at most while changes stream in. */
const REPORT_EVERY_MS = 250;
/** Stored documents per page of a fold's first read: small, so each page is a short task. */
const FOLD_PAGE = 1_000;
/** A page waits for an idle moment at most this long (so the fold still fills on a busy window). */
const IDLE_AT_MOST_MS = 1_000;
/** A first read that failed (the store was busy or closing) is tried again after this long. */
const RETRY_READ_MS = 2_000;

/**
 * Resolves in the window's next idle moment: a fold's first read runs in the background, and the
 * screen's own reads (the candidate list, the board) go first at start (and the candidate index's
 * first read before any page: `read-priority.ts`). A turn of the event loop
 * where there is no idle callback (tests).
 */
function idleTurn(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: IDLE_AT_MOST_MS });
    else setTimeout(resolve, 0);
  });
}

/** What a screen keeps of a whole collection (figures, a short list), fed document by document. */
export interface Fold<T> {
  /** `document` is now at `version` (RxDB's write time). */
  set(document: StoredDocument<T>, version: number): void;
  /** The document is deleted (at `version`). */
  remove(id: string, version: number): void;
}

/** One fold of one collection, shared by the screens that show it. */
export interface CollectionFold<F> {
  readonly fold: F;
  /** Resolves once every stored document has been folded in (and the changes meanwhile applied). */
  readonly ready: Promise<void>;
  /** Set once every stored document has been folded in. */
  isReady: boolean;
  /** Bumped on every applied change; screens re-read the fold when it moves. */
  version: number;
  readonly listeners: Set<(version: number) => void>;
}

const folds = new WeakMap<object, Map<string, CollectionFold<unknown>>>();

/** One read of a collection's stored documents, for every fold made before its first page. */
interface SharedRead<T> {
  readonly readers: ((page: readonly StoredDocument<T>[]) => void)[];
  /** Its first page was asked for: a fold made now needs a read of its own. */
  isStarted: boolean;
  readonly done: Promise<void>;
}

const sharedReads = new WeakMap<object, SharedRead<never>>();

/**
 * Hands every stored document of `collection` to `onPage`, a page at a time in idle moments, in
 * one read with the other folds of the collection made before that read's first page: at start the
 * dashboard's and the résumé prefetch's folds read the same 30,000 interviews once, not twice.
 * Resolves once every page has been handed over.
 */
function readForFold<T extends { readonly id: string }>(
  collection: RxCollection<T>,
  onPage: (page: readonly StoredDocument<T>[]) => void,
): Promise<void> {
  // (Stored per collection, so of that collection's document type.)
  const open = sharedReads.get(collection) as SharedRead<T> | undefined;
  if (open && !open.isStarted) {
    open.readers.push(onPage);
    return open.done;
  }
  const readers = [onPage];
  const read: SharedRead<T> = {
    readers,
    isStarted: false,
    done: readStoredDocuments(
      collection,
      (page) => readers.forEach((reader) => reader(page)),
      FOLD_PAGE,
      async () => {
        await backgroundReadTurn();
        await idleTurn();
        read.isStarted = true;
      },
    ),
  };
  sharedReads.set(collection, read);
  // Once over (or failed before its first page), a fold made later reads on its own.
  const over = () => {
    read.isStarted = true;
  };
  read.done.then(over, over);
  return read.done;
}

/**
 * `readForFold`, tried again while the collection is open when it fails: a fold whose first read
 * failed once would otherwise say "Reading…" until the window closed. Folding a page twice is
 * harmless (a document at the version the fold has is the same document).
 */
async function readUntilRead<T extends { readonly id: string }>(
  collection: RxCollection<T>,
  onPage: (page: readonly StoredDocument<T>[]) => void,
): Promise<boolean> {
  while (!collection.closed) {
    try {
      await readForFold(collection, onPage);
      return true;
    } catch (error) {
      if (collection.closed) return false;
      console.warn(`Reading ${collection.name} for a summary failed; trying again.`, error);
      await new Promise((resolve) => setTimeout(resolve, RETRY_READ_MS));
    }
  }
  return false;
}

function versionOf(document: { readonly _meta: { readonly lwt: number } }): number {
  return document._meta.lwt;
}

/**
 * The fold named `name` of `collection`, made by `make` on first use and kept for as long as the
 * collection is open: every stored document is read once, straight from the stored rows a page at
 * a time (`readStoredDocuments`: no RxDocument, no copy; shared with the collection's other folds
 * made meanwhile), then only changes are applied. Changes that
 * arrive while the first read runs are applied after it, in order, so the last state of each
 * document wins whichever the read saw.
 */
export function collectionFold<T extends { readonly id: string }, F extends Fold<T>>(
  collection: RxCollection<T>,
  name: string,
  make: () => F,
): CollectionFold<F> {
  const byName = folds.get(collection) ?? new Map<string, CollectionFold<unknown>>();
  folds.set(collection, byName);
  const known = byName.get(name);
  // One name, one kind of fold: the caller that made it is the one that reads it.
  if (known) return known as CollectionFold<F>;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const feed: CollectionFold<F> = { fold: make(), ready, isReady: false, version: 0, listeners: new Set() };
  byName.set(name, feed);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const report = () => {
    timer ??= setTimeout(() => {
      timer = null;
      feed.listeners.forEach((listener) => listener(feed.version));
    }, REPORT_EVERY_MS);
  };
  const pending: RxChangeEvent<T>[] = [];
  const apply = (event: RxChangeEvent<T>) => {
    const data = event.documentData;
    if (event.operation === 'DELETE' || data._deleted) feed.fold.remove(event.documentId, versionOf(data));
    else feed.fold.set(data, versionOf(data));
    feed.version += 1;
  };
  collection.$.subscribe((event) => {
    if (!feed.isReady) pending.push(event);
    else {
      apply(event);
      report();
    }
  });
  void readUntilRead(collection, (page) => {
    for (const data of page) feed.fold.set(data, versionOf(data));
  }).then((isRead) => {
    if (!isRead) return;
    pending.splice(0).forEach(apply);
    feed.isReady = true;
    feed.version += 1;
    markReady();
    report();
  });
  return feed;
}

/**
 * A collection fold, live: `undefined` until every stored document has been folded in once. The
 * fold object stays the same; `version` tells that it moved.
 */
export function useCollectionFold<T extends { readonly id: string }, F extends Fold<T>>(
  collection: RxCollection<T>,
  name: string,
  make: () => F,
): { readonly fold: F; readonly version: number } | undefined {
  const feed = collectionFold(collection, name, make);
  const [version, setVersion] = useState(feed.isReady ? feed.version : -1);
  useEffect(() => {
    feed.listeners.add(setVersion);
    if (feed.isReady) setVersion(feed.version);
    return () => {
      feed.listeners.delete(setVersion);
    };
  }, [feed]);
  return useMemo(() => (version < 0 ? undefined : { fold: feed.fold, version }), [feed, version]);
}
