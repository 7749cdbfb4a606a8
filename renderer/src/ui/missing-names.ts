import { useSyncMeta } from '../data/hooks/use-sync-data';

/** What a list says for a candidate or a job its rows name but this device does not hold. */
export interface MissingNames {
  readonly candidate: string;
  readonly job: string;
  /** The first download runs: what is missing may still come, so nothing is called missing yet. */
  readonly isLoading: boolean;
}

/** The placeholder while the first download runs (applications often arrive before their candidates). */
export const LOADING_NAME = 'Loading…';

/**
 * The one rule for a name that is not on this device: a neutral placeholder until the first download
 * has finished (the candidate or job may still arrive), then that it is not here.
 */
export function missingNames(isFirstDownloadDone: boolean): MissingNames {
  return isFirstDownloadDone
    ? { candidate: 'Unknown candidate', job: 'Unknown job', isLoading: false }
    : { candidate: LOADING_NAME, job: LOADING_NAME, isLoading: true };
}

/** `missingNames` for this device now (placeholders too while its sync record is still read). */
export function useMissingNames(): MissingNames {
  return missingNames(useSyncMeta()?.initialSyncDone === true);
}

/**
 * A candidate's name on a page that reads one candidate: "Loading…" while the local query runs
 * (`undefined`), `missing.candidate` when the device does not hold them (`null`).
 */
export function candidateNameOr(
  candidate: { readonly firstName: string; readonly lastName: string } | null | undefined,
  missing: MissingNames,
): string {
  if (candidate === undefined) return LOADING_NAME;
  return candidate ? `${candidate.firstName} ${candidate.lastName}` : missing.candidate;
}
