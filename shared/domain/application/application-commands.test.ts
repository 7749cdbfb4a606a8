import { defaultSettings } from '../settings/settings-schema';
import { describe, expect, it } from 'vitest';
import { decideApplicationWrite } from './application-rules';
import type { Actor } from '../common/roles';
import type { Candidate } from '../candidate/candidate-schema';
import type { Job } from '../job/job-schema';
import { moveToStage, newApplication } from './application-commands';

const recruiter: Actor = { id: 'u-rec', role: 'recruiter' };
const job = { id: 'j1', status: 'open' } as Job;
const candidate = { id: 'c1' } as Candidate;
const created = new Date('2026-03-01T09:00:00.000Z');
const later = new Date('2026-03-02T09:00:00.000Z');

describe('stage changes', () => {
  it('creates an application the shared rules accept', () => {
    const application = newApplication('j1', 'c1', recruiter, { at: created });
    expect(application.id).toBe('j1__c1');
    expect(
      decideApplicationWrite(recruiter, null, application, { now: created.getTime(), job, candidate }).ok,
    ).toBe(true);
  });

  it('moves forward with exactly one history entry', () => {
    const before = newApplication('j1', 'c1', recruiter, { at: created });
    const after = moveToStage(before, 'screening', recruiter, { note: ' Good CV ' }, { at: later });
    expect(after.stageHistory.at(-1)).toMatchObject({
      from: 'applied',
      to: 'screening',
      note: 'Good CV',
      at: later.toISOString(),
    });
    expect(decideApplicationWrite(recruiter, before, after, { now: later.getTime(), job }).ok).toBe(true);
  });

  it('records the rejection with its stage and reason', () => {
    const before = newApplication('j1', 'c1', recruiter, { at: created });
    const after = moveToStage(
      before,
      'rejected',
      recruiter,
      { reason: 'salary-expectations', note: '' },
      { at: later },
    );
    expect(after.rejection).toEqual({ atStage: 'applied', reason: 'salary-expectations' });
    expect(
      decideApplicationWrite(recruiter, before, after, {
        now: later.getTime(),
        job: { ...job, status: 'on_hold' },
        settings: defaultSettings(0),
      }).ok,
    ).toBe(true);
  });

  it('is refused by the shared rules when the job is on hold (forward) or no reason is given', () => {
    const before = newApplication('j1', 'c1', recruiter, { at: created });
    const forward = moveToStage(before, 'screening', recruiter, {}, { at: later });
    expect(
      decideApplicationWrite(recruiter, before, forward, {
        now: later.getTime(),
        job: { ...job, status: 'on_hold' },
      }),
    ).toMatchObject({ ok: false, code: 'job_not_open' });
    const noReason = moveToStage(before, 'rejected', recruiter, { reason: '  ' }, { at: later });
    expect(decideApplicationWrite(recruiter, before, noReason, { now: later.getTime(), job })).toMatchObject({
      ok: false,
    });
  });
});
