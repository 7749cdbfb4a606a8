import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../common/roles';
import { decideWrite } from '../decide/decide-write';
import { actor, context, job } from '../../test-support/fixtures';
import { allowedJobStatusChanges, decideJobStatusChange } from './job-machine';
import { JOB_STATUSES, type Job, type JobStatus } from './job-schema';

// Written from SPEC §3, independently of the implementation's tables.
const SPEC_TRANSITIONS: ReadonlySet<string> = new Set([
  'draft>open',
  'draft>closed',
  'open>on_hold',
  'on_hold>open',
  'open>closed',
  'on_hold>closed',
]);
const MAY_APPROVE: readonly Role[] = ['admin', 'hiring_manager'];
const MAY_CHANGE_STATUS: readonly Role[] = ['admin', 'hiring_manager', 'recruiter'];

function specExpectation(role: Role, from: JobStatus, to: JobStatus): string {
  if (!SPEC_TRANSITIONS.has(`${from}>${to}`)) return 'invalid_transition';
  const may = from === 'draft' && to === 'open' ? MAY_APPROVE : MAY_CHANGE_STATUS;
  return may.includes(role) ? 'ok' : 'forbidden_role';
}

const cases = ROLES.flatMap((role) =>
  JOB_STATUSES.flatMap((from) =>
    JOB_STATUSES.map((to) => ({ role, from, to, expected: specExpectation(role, from, to) })),
  ),
);

function withStatus(status: JobStatus): Job {
  return job({ status, ...(status === 'closed' ? { closedReason: 'filled' as const } : {}) });
}

describe('job status machine: every role × every status pair', () => {
  it('covers every role with every status pair (6 roles × 16 pairs)', () => expect(cases).toHaveLength(96));

  it.each(cases)('$role: $from → $to is $expected', ({ role, from, to, expected }) => {
    const decision = decideJobStatusChange(from, to, actor(role), 'filled');
    expect(decision.ok ? 'ok' : decision.code).toBe(expected);
  });

  it.each(cases.filter(({ from, to }) => from !== to))(
    'as a document write, $role: $from → $to',
    ({ role, from, to, expected }) => {
      const decision = decideWrite(actor(role), 'jobs', withStatus(from), withStatus(to), context());
      // A closed job is final: any change to it is refused as such.
      const documentExpectation = from === 'closed' ? 'job_closed' : expected;
      expect(decision.ok ? 'ok' : decision.code).toBe(documentExpectation);
    },
  );
});

describe('job documents', () => {
  it('closing needs a reason', () => {
    expect(decideJobStatusChange('open', 'closed', actor('recruiter'))).toMatchObject({
      ok: false,
      code: 'reason_required',
    });
    const closedWithoutReason = { ...job(), status: 'closed' };
    expect(decideWrite(actor('recruiter'), 'jobs', job(), closedWithoutReason, context())).toMatchObject({
      code: 'reason_required',
    });
  });

  it('a closedReason belongs only to a closed job', () => {
    const decision = decideWrite(
      actor('recruiter'),
      'jobs',
      job(),
      job({ closedReason: 'filled' }),
      context(),
    );
    expect(decision).toMatchObject({ ok: false, code: 'validation_failed' });
  });

  it('a closed job cannot be edited, even its title', () => {
    const closed = withStatus('closed');
    const decision = decideWrite(actor('admin'), 'jobs', closed, { ...closed, title: 'Renamed' }, context());
    expect(decision).toMatchObject({ ok: false, code: 'job_closed' });
  });

  it('recruiters, hiring managers and admins edit job fields; interviewers do not', () => {
    const edited = job({ title: 'Staff Backend Engineer' });
    for (const role of ['admin', 'hiring_manager', 'recruiter'] as const) {
      expect(decideWrite(actor(role), 'jobs', job(), edited, context()).ok).toBe(true);
    }
    for (const role of ['interviewer', 'candidate'] as const) {
      expect(decideWrite(actor(role), 'jobs', job(), edited, context())).toMatchObject({
        code: 'forbidden_role',
      });
    }
  });

  it('new jobs start as drafts; only approvers may create one already open', () => {
    expect(decideWrite(actor('recruiter'), 'jobs', null, job({ status: 'draft' }), context()).ok).toBe(true);
    expect(decideWrite(actor('recruiter'), 'jobs', null, job({ status: 'open' }), context())).toMatchObject({
      code: 'forbidden_role',
    });
    expect(decideWrite(actor('hiring_manager'), 'jobs', null, job({ status: 'open' }), context()).ok).toBe(
      true,
    );
    expect(decideWrite(actor('admin'), 'jobs', null, job({ status: 'on_hold' }), context())).toMatchObject({
      code: 'invalid_transition',
    });
    expect(
      decideWrite(actor('interviewer'), 'jobs', null, job({ status: 'draft' }), context()),
    ).toMatchObject({
      code: 'forbidden_role',
    });
  });

  it('salaryMin may not exceed salaryMax', () => {
    const decision = decideWrite(
      actor('admin'),
      'jobs',
      job(),
      job({ salaryMin: 120_000, salaryMax: 100_000 }),
      context(),
    );
    expect(decision).toMatchObject({ ok: false, code: 'validation_failed' });
  });

  it('createdBy cannot be rewritten', () => {
    const decision = decideWrite(actor('admin'), 'jobs', job(), job({ createdBy: 'admin-1' }), context());
    expect(decision).toMatchObject({ ok: false, code: 'immutable_field' });
  });

  it('offers each role exactly its status changes', () => {
    expect(allowedJobStatusChanges('draft', actor('recruiter'))).toEqual(['closed']);
    expect(allowedJobStatusChanges('draft', actor('hiring_manager'))).toEqual(['open', 'closed']);
    expect(allowedJobStatusChanges('open', actor('recruiter'))).toEqual(['on_hold', 'closed']);
    expect(allowedJobStatusChanges('closed', actor('admin'))).toEqual([]);
    expect(allowedJobStatusChanges('open', actor('interviewer'))).toEqual([]);
  });
});
