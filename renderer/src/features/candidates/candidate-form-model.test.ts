import { describe, expect, it } from 'vitest';
import type { Actor } from '#shared/domain/common/roles';
import { decideWrite } from '#shared/domain/decide/decide-write';
import { candidateToForm, formToCandidate } from './candidate-form-model';

const recruiter: Actor = { id: 'u-rec', role: 'recruiter' };
const now = new Date('2026-03-01T09:00:00.000Z');

describe('candidate form', () => {
  it('builds a valid candidate, dropping empty optional fields', () => {
    const values = {
      ...candidateToForm(null),
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      skills: 'Math, Engines, Math',
      yearsExperience: '12',
    };
    const candidate = formToCandidate(values, null, recruiter, 'cand-1', now);
    expect(candidate).toMatchObject({ skills: ['Math', 'Engines'], yearsExperience: 12, createdBy: 'u-rec' });
    expect('phone' in candidate).toBe(false);
    expect(decideWrite(recruiter, 'candidates', null, candidate, { now: now.getTime() }).ok).toBe(true);
  });

  it('clears a field the person emptied and refuses a bad email in words', () => {
    const first = formToCandidate(
      { ...candidateToForm(null), firstName: 'A', lastName: 'B', email: 'a@b.io', phone: '123' },
      null,
      recruiter,
      'c',
      now,
    );
    const cleared = formToCandidate({ ...candidateToForm(first), phone: '' }, first, recruiter, 'c', now);
    expect('phone' in cleared).toBe(false);
    const bad = formToCandidate({ ...candidateToForm(first), email: 'nope' }, first, recruiter, 'c', now);
    const decision = decideWrite(recruiter, 'candidates', first, bad, { now: now.getTime() });
    expect(decision.ok).toBe(false);
    expect(decision.ok ? '' : decision.message).toContain('email');
  });
});

describe("the candidate form's time zone", () => {
  it('keeps a chosen zone, and drops it when cleared (the organisation’s then applies)', () => {
    const values = { ...candidateToForm(null), firstName: 'A', lastName: 'B', email: 'tz@b.io', timeZone: 'Europe/Berlin' };
    const zoned = formToCandidate(values, null, recruiter, 'c-tz', now);
    expect(zoned.timeZone).toBe('Europe/Berlin');
    expect(candidateToForm(zoned).timeZone).toBe('Europe/Berlin');
    const cleared = formToCandidate({ ...candidateToForm(zoned), timeZone: '' }, zoned, recruiter, 'c-tz', now);
    expect('timeZone' in cleared).toBe(false);
    expect(decideWrite(recruiter, 'candidates', zoned, cleared, { now: now.getTime() }).ok).toBe(true);
  });
});
