import { describe, expect, it } from 'vitest';
import { LOADING_NAME, missingNames } from './missing-names';

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
});
