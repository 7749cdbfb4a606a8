import { describe, expect, it } from 'vitest';
import type { Actor } from '#shared/domain/common/roles';
import { decideWrite } from '#shared/domain/decide/decide-write';
import { filterJobs, NO_JOB_FILTERS } from './job-filters';
import { formToJob, jobToForm } from './job-form-model';

const recruiter: Actor = { id: 'u-rec', role: 'recruiter' };
const now = new Date('2026-03-01T09:00:00.000Z');

describe('job form', () => {
  it('turns a filled form into a valid draft job', () => {
    const values = {
      ...jobToForm(null),
      title: ' Engineer ',
      requirements: 'Go\n\n  SQL ',
      salaryMin: '100',
      salaryMax: '200',
      currency: 'eur',
    };
    const job = formToJob(values, null, recruiter, 'job-1', now);
    expect(job).toMatchObject({
      id: 'job-1',
      title: 'Engineer',
      requirements: ['Go', 'SQL'],
      salaryMin: 100,
      currency: 'EUR',
      status: 'draft',
      recruiterIds: ['u-rec'],
    });
    expect('hiringManagerId' in job).toBe(false);
    expect(decideWrite(recruiter, 'jobs', null, job, { now: now.getTime() }).ok).toBe(true);
  });

  it('round-trips an existing job and explains a bad salary range', () => {
    const job = formToJob({ ...jobToForm(null), title: 'A' }, null, recruiter, 'job-1', now);
    expect(formToJob(jobToForm(job), job, recruiter, 'ignored', now)).toEqual(job);
    const bad = formToJob(
      { ...jobToForm(job), salaryMin: '300', salaryMax: '200' },
      job,
      recruiter,
      'job-1',
      now,
    );
    expect(decideWrite(recruiter, 'jobs', job, bad, { now: now.getTime() })).toMatchObject({
      ok: false,
      code: 'validation_failed',
    });
  });

  it('filters jobs by status, department and words', () => {
    const a = formToJob(
      { ...jobToForm(null), title: 'Backend Engineer', department: 'Eng' },
      null,
      recruiter,
      'a',
      now,
    );
    const b = {
      ...formToJob(
        { ...jobToForm(null), title: 'Designer', department: 'Design' },
        null,
        recruiter,
        'b',
        now,
      ),
      status: 'open' as const,
    };
    expect(filterJobs([a, b], { ...NO_JOB_FILTERS, status: 'open' }).map((job) => job.id)).toEqual(['b']);
    expect(filterJobs([a, b], { ...NO_JOB_FILTERS, department: 'Eng' }).map((job) => job.id)).toEqual(['a']);
    expect(filterJobs([a, b], { ...NO_JOB_FILTERS, query: 'backend eng' }).map((job) => job.id)).toEqual([
      'a',
    ]);
  });
});
