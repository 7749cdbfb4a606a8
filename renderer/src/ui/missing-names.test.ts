import { describe, expect, it } from 'vitest';
import { candidateNameOr, LOADING_NAME, missingNames } from './missing-names';

describe('names not on this device', () => {
  it('are a neutral placeholder while the first download runs, never "unknown"', () => {
    const loading = missingNames(false);
    expect(loading).toEqual({ candidate: LOADING_NAME, job: LOADING_NAME, isLoading: true });
    expect(`${loading.candidate} ${loading.job}`).not.toMatch(/unknown/i);
  });

  it('say what is missing once the first download has finished', () => {
    expect(missingNames(true)).toEqual({
      candidate: 'Unknown candidate',
      job: 'Unknown job',
      isLoading: false,
    });
  });

  it('on a page of one candidate: the name, loading while read, and never a raw id', () => {
    const done = missingNames(true);
    expect(candidateNameOr({ firstName: 'Ada', lastName: 'Lovelace' }, done)).toBe('Ada Lovelace');
    expect(candidateNameOr(undefined, done)).toBe(LOADING_NAME);
    expect(candidateNameOr(null, done)).toBe('Unknown candidate');
    expect(candidateNameOr(null, missingNames(false))).toBe(LOADING_NAME);
  });
});
