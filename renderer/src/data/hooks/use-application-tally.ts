import { useEffect, useMemo, useState } from 'react';
import type { RxChangeEvent } from 'rxdb';
import type { Application } from '#shared/domain/application/application-schema';
import { ApplicationTally } from '../aggregates/application-tally';
import type { ShortlistDatabase } from '../database';
import { readStoredDocuments } from '../stored-documents';
import { useDb } from './use-database';

/** How often the figures are handed to the screen at most while changes stream in. */
const REPORT_EVERY_MS = 250;

export interface TallyFeed {
  readonly tally: ApplicationTally;
  /** Resolves once every stored application has been counted (and the changes meanwhile applied). */
  readonly ready: Promise<void>;
  /** Set once every local application has been counted. */
  isReady: boolean;
  /** Bumped on every applied change; screens re-read the tally when it moves. */
  version: number;
  readonly listeners: Set<(version: number) => void>;
}

type Applications = ShortlistDatabase['applications'];

const feeds = new WeakMap<Applications, TallyFeed>();

function versionOf(document: { _meta: { lwt: number } }): number {
  return document._meta.lwt;
}

/**
 * One tally per open database, shared by every screen that shows application figures and kept
 * for as long as the database is open: every application is read once, then only changes are
 * applied. Changes that arrive while the first read runs are applied after it (an older version
 * never replaces a newer one).
 */
export function tallyFeedOf(applications: Applications): TallyFeed {
  const known = feeds.get(applications);
  if (known) return known;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const feed: TallyFeed = { tally: new ApplicationTally(), ready, isReady: false, version: 0, listeners: new Set() };
  feeds.set(applications, feed);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const report = () => {
    timer ??= setTimeout(() => {
      timer = null;
      feed.listeners.forEach((listener) => listener(feed.version));
    }, REPORT_EVERY_MS);
  };
  const pending: RxChangeEvent<Application>[] = [];
  const apply = (event: RxChangeEvent<Application>) => {
    const data = event.documentData;
    if (event.operation === 'DELETE' || data._deleted) feed.tally.remove(event.documentId, versionOf(data));
    else feed.tally.set(data, versionOf(data));
    feed.version += 1;
  };
  applications.$.subscribe((event) => {
    if (!feed.isReady) pending.push(event);
    else {
      apply(event);
      report();
    }
  });
  // Straight from the stored rows, a page at a time: no RxDocument and no copy for each of (at
  // SPEC §9's scale) 100,000 applications, at the start of every window.
  void readStoredDocuments(applications, (page) => {
    for (const data of page) feed.tally.set(data, versionOf(data));
  }).then(() => {
    pending.splice(0).forEach(apply);
    feed.isReady = true;
    feed.version += 1;
    markReady();
    report();
  });
  return feed;
}

/**
 * Figures over every local application (dashboard, jobs list), live. `undefined` until every
 * application has been counted once. The tally object stays the same; `version` tells that it moved.
 */
export function useApplicationTally(): { readonly tally: ApplicationTally; readonly version: number } | undefined {
  const db = useDb();
  const feed = tallyFeedOf(db.applications);
  const [version, setVersion] = useState(feed.isReady ? feed.version : -1);
  useEffect(() => {
    feed.listeners.add(setVersion);
    if (feed.isReady) setVersion(feed.version);
    return () => {
      feed.listeners.delete(setVersion);
    };
  }, [feed]);
  return useMemo(() => (version < 0 ? undefined : { tally: feed.tally, version }), [feed, version]);
}
