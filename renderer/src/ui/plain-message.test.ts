import { describe, expect, it } from 'vitest';
import { plainMessage } from './plain-message';

describe('plainMessage', () => {
  it('names the field by its label', () => {
    expect(plainMessage('salaryMin: must not be above salaryMax.', { salaryMin: 'Minimum salary' })).toBe(
      'Minimum salary: must not be above salaryMax.',
    );
    expect(plainMessage('requirements.0: too short', { requirements: 'Requirements' })).toBe(
      'Requirements: too short',
    );
  });

  it('leaves other messages alone', () => {
    expect(plainMessage('Your role may not create jobs.', {})).toBe('Your role may not create jobs.');
  });
});
