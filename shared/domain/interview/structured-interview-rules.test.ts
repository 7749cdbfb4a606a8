import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../common/roles';
import type { Decision } from '../common/refusal';
import { decideWrite } from '../decide/decide-write';
import type { WriteContext } from '../decide/write-context';
import {
  actor,
  context,
  DAY,
  interview,
  interviewPlan,
  iso,
  job,
  MINUTE,
  scorecard,
} from '../../test-support/fixtures';
import type { Interview, InterviewDecline, Scorecard } from './interview-schema';

// Written from SPEC §3 and issue 19, independently of the implementation's tables.
const STAFF: readonly Role[] = ['admin', 'hiring_manager', 'recruiter', 'interviewer'];
const SCHEDULERS: readonly Role[] = ['admin', 'hiring_manager', 'recruiter'];

const code = (decision: Decision): string => (decision.ok ? 'ok' : decision.code);
const planned = (overrides: Partial<WriteContext> = {}) =>
  context('open', { job: job({ interviewPlan: interviewPlan() }), ...overrides });

/** An interview on the planned job, following its technical kit, with `role`'s person among its interviewers. */
function kitInterview(role: Role, overrides: Partial<Interview> = {}): Interview {
  return interview({ kitId: 'kit-technical', interviewerIds: [`${role}-1`, 'interviewer-2'], ...overrides });
}

function rated(interviewerId: string, ratings: Scorecard['attributeRatings']): Scorecard {
  return scorecard(interviewerId, { attributeRatings: ratings });
}

const judge = (role: Role, before: Interview | null, after: Interview, ctx = planned()) =>
  code(decideWrite(actor(role), 'interviews', before, after, ctx));

/** Every role, with what SPEC §3 says it gets: staff one answer, candidates another. */
const everyRole = (staff: string, candidate = 'forbidden_role') =>
  ROLES.map((role) => ({ role, expected: STAFF.includes(role) ? staff : candidate }));
const schedulingRoles = (scheduler: string, other = 'forbidden_role') =>
  ROLES.map((role) => ({ role, expected: SCHEDULERS.includes(role) ? scheduler : other }));

describe('attribute ratings, every role (the rater assigned to the interview)', () => {
  it.each(everyRole('ok'))(
    '$role rates the kit’s focus attributes in their own scorecard: $expected',
    ({ role, expected }) => {
      const before = kitInterview(role);
      const after = {
        ...before,
        scorecards: [
          rated(`${role}-1`, [
            { attributeId: 'design', rating: 4, note: 'Started from failure modes.' },
            { attributeId: 'coding', rating: 5 },
          ]),
        ],
      };
      expect(judge(role, before, after)).toBe(expected);
    },
  );

  it.each(everyRole('attribute_not_in_kit'))(
    '$role rates a plan attribute the kit does not focus on: $expected',
    ({ role, expected }) => {
      const before = kitInterview(role);
      const after = {
        ...before,
        scorecards: [rated(`${role}-1`, [{ attributeId: 'ownership', rating: 3 }])],
      };
      expect(judge(role, before, after)).toBe(expected);
    },
  );

  it.each(everyRole('attribute_not_in_kit'))(
    '$role rates an attribute the plan does not have: $expected',
    ({ role, expected }) => {
      const before = kitInterview(role);
      const after = { ...before, scorecards: [rated(`${role}-1`, [{ attributeId: 'charisma', rating: 5 }])] };
      expect(judge(role, before, after)).toBe(expected);
    },
  );

  it.each(everyRole('attribute_not_in_kit'))(
    '$role rates attributes on an interview that follows no kit: $expected',
    ({ role, expected }) => {
      const { kitId: _kitId, ...withoutKit } = kitInterview(role);
      const after = {
        ...withoutKit,
        scorecards: [rated(`${role}-1`, [{ attributeId: 'design', rating: 4 }])],
      };
      expect(judge(role, withoutKit, after)).toBe(expected);
    },
  );

  it.each(everyRole('validation_failed'))(
    '$role rates one attribute twice: $expected',
    ({ role, expected }) => {
      const before = kitInterview(role);
      const twice = [
        { attributeId: 'design', rating: 4 },
        { attributeId: 'design', rating: 2 },
      ];
      expect(judge(role, before, { ...before, scorecards: [rated(`${role}-1`, twice)] })).toBe(expected);
    },
  );

  it.each(ROLES.map((role) => ({ role })))('$role never rates in a colleague’s scorecard', ({ role }) => {
    const before = kitInterview(role);
    const after = { ...before, scorecards: [rated('interviewer-2', [{ attributeId: 'design', rating: 1 }])] };
    expect(judge(role, before, after)).toBe('not_own_scorecard');
    const theirs = {
      ...before,
      scorecards: [rated('interviewer-2', [{ attributeId: 'design', rating: 4 }])],
    };
    const changed = {
      ...theirs,
      scorecards: [rated('interviewer-2', [{ attributeId: 'design', rating: 1 }])],
    };
    expect(judge(role, theirs, changed)).toBe('not_own_scorecard');
  });

  it.each(everyRole('not_found'))('$role rates while the job is unknown: $expected', ({ role, expected }) => {
    const before = kitInterview(role);
    const after = { ...before, scorecards: [rated(`${role}-1`, [{ attributeId: 'design', rating: 4 }])] };
    expect(judge(role, before, after, planned({ job: null }))).toBe(expected);
  });

  it('judges against the plan as it is now: a kit the plan lost takes no ratings, a plain scorecard still goes', () => {
    const before = kitInterview('interviewer');
    const withoutPlan = context('open', { job: job() });
    const ratedCard = {
      ...before,
      scorecards: [rated('interviewer-1', [{ attributeId: 'design', rating: 4 }])],
    };
    expect(judge('interviewer', before, ratedCard, withoutPlan)).toBe('unknown_kit');
    expect(
      judge('interviewer', before, { ...before, scorecards: [scorecard('interviewer-1')] }, withoutPlan),
    ).toBe('ok');
  });

  it('lets old scorecards (no ratings) stand beside rated ones, and leaves a colleague’s ratings alone', () => {
    const before = kitInterview('interviewer', {
      scorecards: [rated('interviewer-2', [{ attributeId: 'coding', rating: 3 }])],
    });
    const after = { ...before, scorecards: [...before.scorecards, scorecard('interviewer-1')] };
    expect(judge('interviewer', before, after)).toBe('ok');
  });
});

describe('kits on interviews, every role', () => {
  const fresh = interview({ kitId: 'kit-technical' });

  it.each(schedulingRoles('ok'))(
    '$role schedules an interview following a kit of the plan: $expected',
    ({ role, expected }) => {
      expect(judge(role, null, fresh)).toBe(expected);
    },
  );

  it.each(schedulingRoles('unknown_kit'))(
    '$role schedules with a kit the plan does not have: $expected',
    ({ role, expected }) => {
      expect(judge(role, null, { ...fresh, kitId: 'kit-invented' })).toBe(expected);
      expect(judge(role, null, fresh, context())).toBe(expected); // a job without any plan
    },
  );

  it.each(schedulingRoles('not_found'))(
    '$role schedules with a kit while the job is unknown: $expected',
    ({ role, expected }) => {
      expect(judge(role, null, fresh, planned({ job: null }))).toBe(expected);
    },
  );

  it.each(schedulingRoles('ok'))(
    '$role switches an unrated interview to another kit: $expected',
    ({ role, expected }) => {
      expect(judge(role, fresh, { ...fresh, kitId: 'kit-manager' })).toBe(expected);
    },
  );

  it.each(schedulingRoles('immutable_field'))(
    '$role switches kits once a scorecard rates it: $expected',
    ({ role, expected }) => {
      const ratedBefore = {
        ...fresh,
        scorecards: [rated('interviewer-2', [{ attributeId: 'design', rating: 4 }])],
      };
      expect(judge(role, ratedBefore, { ...ratedBefore, kitId: 'kit-manager' })).toBe(expected);
    },
  );

  it('schedules as before without any kit, on a job with or without a plan', () => {
    const { kitId: _kitId, ...plain } = fresh;
    expect(judge('recruiter', null, plain, context())).toBe('ok');
    expect(judge('recruiter', null, plain)).toBe('ok');
  });
});

describe('the withheld-scorecards note is the server’s, every role', () => {
  it.each(ROLES.map((role) => ({ role })))('$role cannot write withheldScorecardAuthors', ({ role }) => {
    const before = kitInterview(role);
    expect(judge(role, before, { ...before, withheldScorecardAuthors: ['interviewer-2'] })).toBe(
      'server_managed_field',
    );
    expect(judge(role, null, { ...before, withheldScorecardAuthors: ['interviewer-2'] })).toBe(
      'server_managed_field',
    );
  });

  it('an interviewer writing from a copy that carries it, unchanged, is judged on the rest', () => {
    const seen = { ...kitInterview('interviewer'), withheldScorecardAuthors: ['interviewer-2'] };
    const mine = { ...seen, scorecards: [rated('interviewer-1', [{ attributeId: 'design', rating: 4 }])] };
    expect(judge('interviewer', seen, mine)).toBe('ok');
    expect(judge('interviewer', seen, { ...mine, withheldScorecardAuthors: [] })).toBe(
      'server_managed_field',
    );
  });
});

describe('declining an interview, every role', () => {
  const decline = (interviewerId: string, overrides: Partial<InterviewDecline> = {}): InterviewDecline => ({
    interviewerId,
    reason: 'On a customer visit in Hamburg that day.',
    at: iso(-MINUTE),
    scheduledAt: interview().scheduledAt,
    ...overrides,
  });

  it.each(everyRole('ok'))('$role, assigned, declines with a reason: $expected', ({ role, expected }) => {
    const before = kitInterview(role);
    expect(judge(role, before, { ...before, declines: [decline(`${role}-1`)] })).toBe(expected);
  });

  it.each(everyRole('ok'))(
    '$role takes their decline back or changes its reason: $expected',
    ({ role, expected }) => {
      const before = kitInterview(role, { declines: [decline(`${role}-1`)] });
      expect(judge(role, before, { ...before, declines: [] })).toBe(expected);
      expect(judge(role, before, { ...before, declines: [decline(`${role}-1`, { reason: 'Ill.' })] })).toBe(
        expected,
      );
    },
  );

  it.each(ROLES.map((role) => ({ role })))(
    '$role never declines for someone else, nor removes their decline',
    ({ role }) => {
      const before = kitInterview(role);
      expect(judge(role, before, { ...before, declines: [decline('interviewer-2')] })).toBe(
        'not_own_decline',
      );
      const declined = { ...before, declines: [decline('interviewer-2')] };
      expect(judge(role, declined, { ...declined, declines: [] })).toBe('not_own_decline');
    },
  );

  it.each(everyRole('not_assigned'))('$role, not assigned, declines: $expected', ({ role, expected }) => {
    const before = interview({ interviewerIds: ['interviewer-2'] });
    expect(judge(role, before, { ...before, declines: [decline(`${role}-1`)] })).toBe(expected);
  });

  it.each(everyRole('interview_not_scheduled'))(
    '$role declines a cancelled or completed interview: $expected',
    ({ role, expected }) => {
      for (const status of ['cancelled', 'completed', 'no_show'] as const) {
        const before = kitInterview(role, { status });
        expect(judge(role, before, { ...before, declines: [decline(`${role}-1`)] })).toBe(expected);
      }
    },
  );

  it.each(everyRole('validation_failed'))(
    '$role declines naming another time than the interview’s: $expected',
    ({ role, expected }) => {
      const before = kitInterview(role);
      const stale = decline(`${role}-1`, { scheduledAt: iso(3 * DAY) });
      expect(judge(role, before, { ...before, declines: [stale] })).toBe(expected);
    },
  );

  it.each(everyRole('invalid_time'))(
    '$role declines with a date in the future: $expected',
    ({ role, expected }) => {
      const before = kitInterview(role);
      const early = decline(`${role}-1`, { at: iso(10 * MINUTE) });
      expect(judge(role, before, { ...before, declines: [early] })).toBe(expected);
    },
  );

  it('one decline per interviewer', () => {
    const before = kitInterview('interviewer');
    const twice = [decline('interviewer-1'), decline('interviewer-1', { reason: 'Again' })];
    expect(judge('interviewer', before, { ...before, declines: twice })).toBe('validation_failed');
  });

  it.each(schedulingRoles('ok'))(
    '$role reschedules an interview someone declined; the decline stays: $expected',
    ({ role, expected }) => {
      const before = kitInterview('interviewer', { declines: [decline('interviewer-1')] });
      expect(judge(role, before, { ...before, scheduledAt: iso(2 * DAY) })).toBe(expected);
      expect(judge(role, before, { ...before, interviewerIds: ['interviewer-2', 'interviewer-3'] })).toBe(
        expected,
      );
    },
  );

  it('an interviewer’s decline together with a change of time is refused whole', () => {
    const before = kitInterview('interviewer');
    const moved = { ...before, scheduledAt: iso(2 * DAY) };
    expect(
      judge('interviewer', before, {
        ...moved,
        declines: [decline('interviewer-1', { scheduledAt: moved.scheduledAt })],
      }),
    ).toBe('forbidden_role');
  });
});
