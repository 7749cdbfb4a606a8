import { describe, expect, it } from 'vitest';
import { application, interviewPlan, job } from '../../test-support/fixtures';
import { isPublicJob, toPortalApplication, toPortalJob } from './portal-views';

describe('portal views', () => {
  it('show only open jobs', () => {
    expect(isPublicJob(job({ status: 'open' }))).toBe(true);
    for (const status of ['draft', 'on_hold', 'closed'] as const)
      expect(isPublicJob(job({ status }))).toBe(false);
  });

  it('show the advert of a job, not who works on it', () => {
    const view = toPortalJob(job({ interviewPlan: interviewPlan() }));
    expect(view.title).toBe('Senior Backend Engineer');
    // The interview plan holds the questions candidates will be asked.
    for (const internal of [
      'hiringManagerId',
      'recruiterIds',
      'createdBy',
      'status',
      'updatedAt',
      'interviewPlan',
    ]) {
      expect(view).not.toHaveProperty(internal);
    }
  });

  it('show a candidate the stages and dates of their application, nothing internal', () => {
    const internal = application('rejected', {
      stageHistory: application('rejected').stageHistory.map((entry) => ({
        ...entry,
        note: 'Weak system design',
      })),
      rejection: { atStage: 'applied', reason: 'Not senior enough', note: 'Scorecards were mixed' },
    });
    const view = toPortalApplication(internal, 'Senior Backend Engineer');
    expect(view.stage).toBe('rejected');
    expect(view.stageHistory.map((entry) => entry.stage)).toEqual(['applied', 'rejected']);
    const serialised = JSON.stringify(view);
    for (const secret of [
      'Weak system design',
      'Not senior enough',
      'Scorecards were mixed',
      'recruiter-1',
    ]) {
      expect(serialised).not.toContain(secret);
    }
    const offered = toPortalApplication(application('offer'), 'Senior Backend Engineer');
    expect(JSON.stringify(offered)).not.toContain('90000');
  });
});
