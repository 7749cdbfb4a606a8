import { useEffect, useState } from 'react';
import type { RxChangeEvent } from 'rxdb';
import type { Application } from '#shared/domain/application/application-schema';
import type { ReportApplication } from '#shared/domain/reports/report-input';
import type { ShortlistDatabase } from '../../data/database';
import { useDb } from '../../data/hooks/use-database';

/** How often reports are recomputed at most while applications change (a first download writes thousands). */
const REPORT_EVERY_MS = 2_000;

interface ReportFeed {
  readonly applications: Map<string, ReportApplication>;
  isReady: boolean;
  version: number;
  readonly listeners: Set<(version: number) => void>;
}

const feeds = new WeakMap<ShortlistDatabase, ReportFeed>();

/** What the reports read of an application: the stored data itself (frozen by RxDB), no copy. */
function reportPart(data: ReportApplication): ReportApplication {
  return data;
}

/**
 * Every local application, as the reports read them, kept current from the collection's change
 * events: read once per open database, then one entry per change (as the dashboard's tally does).
 */
function feedFor(db: ShortlistDatabase): ReportFeed {
  const known = feeds.get(db);
  if (known) return known;
  const feed: ReportFeed = { applications: new Map(), isReady: false, version: 0, listeners: new Set() };
  feeds.set(db, feed);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const report = () => {
    timer ??= setTimeout(() => {
      timer = null;
      feed.listeners.forEach((listener) => listener(feed.version));
    }, REPORT_EVERY_MS);
  };
  const pending: RxChangeEvent<Application>[] = [];
  const apply = (event: RxChangeEvent<Application>) => {
    if (event.operation === 'DELETE' || event.documentData._deleted)
      feed.applications.delete(event.documentId);
    else feed.applications.set(event.documentId, reportPart(event.documentData));
    feed.version += 1;
  };
  db.applications.$.subscribe((event) => {
    if (!feed.isReady) pending.push(event);
    else {
      apply(event);
      report();
    }
  });
  void db.applications
    .find()
    .exec()
    .then((documents) => {
      for (const document of documents) feed.applications.set(document.id, reportPart(document.toJSON()));
      pending.splice(0).forEach(apply);
      feed.isReady = true;
      feed.version += 1;
      feed.listeners.forEach((listener) => listener(feed.version));
    });
  return feed;
}

/**
 * The local applications for the reports, and a version that moves when they change; `undefined`
 * until all of them have been read once.
 */
export function useReportApplications():
  { readonly applications: readonly ReportApplication[]; readonly version: number } | undefined {
  const db = useDb();
  const feed = feedFor(db);
  const [version, setVersion] = useState(feed.isReady ? feed.version : -1);
  useEffect(() => {
    feed.listeners.add(setVersion);
    if (feed.isReady) setVersion(feed.version);
    return () => {
      feed.listeners.delete(setVersion);
    };
  }, [feed]);
  const [snapshot, setSnapshot] = useState<
    { applications: ReportApplication[]; version: number } | undefined
  >();
  useEffect(() => {
    if (version < 0) return;
    setSnapshot({ applications: [...feed.applications.values()], version });
  }, [feed, version]);
  return snapshot;
}
