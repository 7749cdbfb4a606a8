import { describe, expect, it } from 'vitest';
import { humanize } from './labels';

describe('humanize', () => {
  it('spaces out codes and capitalises them', () => {
    expect(humanize('career_page')).toBe('Career page');
    expect(humanize('hiring_manager')).toBe('Hiring manager');
  });

  it('keeps brand names’ own spelling', () => {
    expect(humanize('linkedin')).toBe('LinkedIn');
  });
});
