import { describe, expect, it } from 'vitest';
import type { Actor } from '../common/roles';
import { decideWrite } from '../decide/decide-write';
import type { Candidate } from './candidate-schema';

const recruiter: Actor = { id: 'u-rec', role: 'recruiter' };
const now = Date.parse('2026-03-01T09:00:00.000Z');
const candidate: Candidate = {
  id: 'cand-tz',
  updatedAt: 0,
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  skills: [],
  source: 'linkedin',
  tags: [],
  createdBy: 'u-rec',
  createdAt: '2026-03-01T08:00:00.000Z',
};

describe("a candidate's time zone", () => {
  it('is optional, and may be set, changed and cleared to a real zone', () => {
    expect(decideWrite(recruiter, 'candidates', null, candidate, { now }).ok).toBe(true);
    const berlin = { ...candidate, timeZone: 'Europe/Berlin' };
    expect(decideWrite(recruiter, 'candidates', null, berlin, { now }).ok).toBe(true);
    expect(decideWrite(recruiter, 'candidates', candidate, berlin, { now }).ok).toBe(true);
    const { timeZone: _cleared, ...without } = berlin;
    expect(decideWrite(recruiter, 'candidates', berlin, without, { now }).ok).toBe(true);
  });

  it.each(['Mars/Olympus', 'GMT+25', 'berlin'])('is refused in words when it is no zone: %s', (zone) => {
    const decision = decideWrite(recruiter, 'candidates', candidate, { ...candidate, timeZone: zone }, { now });
    expect(decision.ok).toBe(false);
    expect(decision.ok ? '' : decision.message).toContain(`"${zone}" is not a time zone`);
  });
});
