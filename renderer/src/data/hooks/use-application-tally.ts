import { useMemo } from 'react';
import { ApplicationTally } from '../aggregates/application-tally';
import type { ShortlistDatabase } from '../database';
import { collectionFold, useCollectionFold, type CollectionFold } from './use-collection-fold';
import { useDb } from './use-database';

const TALLY = 'application-tally';
const newTally = () => new ApplicationTally();

/**
 * One tally per open database, shared by every screen that shows application figures: every
 * application is read once, then only changes are applied (an older version never replaces a
 * newer one).
 */
export function tallyFeedOf(
  applications: ShortlistDatabase['applications'],
): CollectionFold<ApplicationTally> {
  return collectionFold(applications, TALLY, newTally);
}

/**
 * Figures over every local application (dashboard, jobs list), live. `undefined` until every
 * application has been counted once. The tally object stays the same; `version` tells that it moved.
 */
export function useApplicationTally():
  { readonly tally: ApplicationTally; readonly version: number } | undefined {
  const db = useDb();
  const feed = useCollectionFold(db.applications, TALLY, newTally);
  return useMemo(() => feed && { tally: feed.fold, version: feed.version }, [feed]);
}
