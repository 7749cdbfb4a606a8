import type { CandidateSource } from '#shared/domain/candidate/candidate-schema';
import type { Stage } from '#shared/domain/application/application-schema';
import type { CandidateSort } from '../../data/search/candidate-search';

/** What the candidates list is narrowed and ordered by, as a person set it. */
export interface CandidateView {
  readonly query: string;
  readonly source: CandidateSource | 'all';
  readonly tag: string;
  readonly jobId: string;
  readonly stage: Stage | 'all';
  readonly addedFrom: string;
  readonly addedTo: string;
  readonly sort: CandidateSort;
}

export const ALL_CANDIDATES: CandidateView = {
  query: '',
  source: 'all',
  tag: '',
  jobId: '',
  stage: 'all',
  addedFrom: '',
  addedTo: '',
  sort: 'name',
};

/** A view saved under a name, kept on this device for this person. */
export interface SavedView {
  readonly name: string;
  readonly view: CandidateView;
}

const storageKey = (userId: string): string => `shortlist.candidate-views.${userId}`;

function isSavedView(value: unknown): value is SavedView {
  if (typeof value !== 'object' || value === null) return false;
  const { name, view } = value as Record<string, unknown>;
  return typeof name === 'string' && typeof view === 'object' && view !== null;
}

/** The views `userId` saved on this device (an unreadable store reads as none). */
export function loadSavedViews(storage: Pick<Storage, 'getItem'>, userId: string): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey(userId)) ?? '[]');
    return Array.isArray(parsed)
      ? parsed
          .filter(isSavedView)
          .map((saved) => ({ name: saved.name, view: { ...ALL_CANDIDATES, ...saved.view } }))
      : [];
  } catch {
    return [];
  }
}

/** The views with `view` saved as `name` (replacing one of that name), stored for `userId`. */
export function saveView(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  userId: string,
  name: string,
  view: CandidateView,
): SavedView[] {
  const views = [...loadSavedViews(storage, userId).filter((saved) => saved.name !== name), { name, view }];
  views.sort((a, b) => a.name.localeCompare(b.name));
  storage.setItem(storageKey(userId), JSON.stringify(views));
  return views;
}

/** The views without the one called `name`. */
export function deleteView(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  userId: string,
  name: string,
): SavedView[] {
  const views = loadSavedViews(storage, userId).filter((saved) => saved.name !== name);
  storage.setItem(storageKey(userId), JSON.stringify(views));
  return views;
}
