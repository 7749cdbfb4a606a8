import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../common/roles';
import { decideWrite } from '../decide/decide-write';
import { actor, application, context, moved } from '../../test-support/fixtures';
import { allowedStageMoves, decideStageChange } from './application-machine';
import { STAGES, type Application, type Stage } from './application-schema';
import type { JobStatus } from '../job/job-schema';

// Written from SPEC §3, independently of the implementation's tables.
const SPEC_MOVES: ReadonlySet<string> = new Set([
  'applied>screening',
  'screening>interview',
  'interview>offer',
  'offer>hired',
  'applied>rejected',
  'screening>rejected',
  'interview>rejected',
  'offer>rejected',
]);
/** `app` with its offer (if any) accepted by the candidate. */
function acceptedOffer(app: Application): Application {
  return app.offer ? { ...app, offer: { ...app.offer, status: 'accepted' } } : app;
}

const MAY_ADVANCE: readonly Role[] = ['admin', 'hiring_manager', 'recruiter'];
const MAY_HIRE: readonly Role[] = ['admin', 'hiring_manager'];
const MAY_REJECT: readonly Role[] = ['admin', 'hiring_manager', 'recruiter'];

function specExpectation(role: Role, from: Stage, to: Stage): 'ok' | 'invalid_transition' | 'forbidden_role' {
  if (!SPEC_MOVES.has(`${from}>${to}`)) return 'invalid_transition';
  const mayMove = to === 'hired' ? MAY_HIRE : to === 'rejected' ? MAY_REJECT : MAY_ADVANCE;
  return mayMove.includes(role) ? 'ok' : 'forbidden_role';
}

const roleStagePairs = ROLES.flatMap((role) =>
  STAGES.flatMap((from) =>
    STAGES.map((to) => ({ role, from, to, expected: specExpectation(role, from, to) })),
  ),
);

describe('stage machine: every role × every stage pair', () => {
  it('covers every role with every stage pair (6 roles × 36 pairs)', () => {
    expect(roleStagePairs).toHaveLength(ROLES.length * STAGES.length * STAGES.length);
    expect(ROLES.length * STAGES.length * STAGES.length).toBe(216);
  });

  it.each(roleStagePairs)('$role: $from → $to is $expected', ({ role, from, to, expected }) => {
    const decision = decideStageChange(
      from,
      { to, rejectionReason: 'Went with another candidate', offerStatus: 'accepted' },
      actor(role),
      'open',
    );
    expect(decision.ok ? 'ok' : decision.code).toBe(expected);
  });
});

describe('stage moves judged as whole-document writes, every role × every move', () => {
  const moves = roleStagePairs.filter(({ from, to }) => from !== to);

  it.each(moves)('$role: $from → $to', ({ role, from, to, expected }) => {
    const before = acceptedOffer(application(from));
    const decision = decideWrite(actor(role), 'applications', before, moved(before, to), context('open'));
    // Interviewers and candidates may change no application at all once it exists.
    const wholeDocumentExpectation = MAY_ADVANCE.includes(role) ? expected : 'forbidden_role';
    expect(decision.ok ? 'ok' : decision.code).toBe(wholeDocumentExpectation);
  });
});

describe('job status gates the pipeline', () => {
  const forward: [Stage, Stage][] = [
    ['applied', 'screening'],
    ['screening', 'interview'],
    ['interview', 'offer'],
    ['offer', 'hired'],
  ];
  const jobStatuses: JobStatus[] = ['draft', 'open', 'on_hold', 'closed'];

  it.each(jobStatuses.flatMap((status) => forward.map(([from, to]) => ({ status, from, to }))))(
    'forward $from → $to on a $status job',
    ({ status, from, to }) => {
      const decision = decideStageChange(from, { to, offerStatus: 'accepted' }, actor('admin'), status);
      expect(decision.ok ? 'ok' : decision.code).toBe(status === 'open' ? 'ok' : 'job_not_open');
    },
  );

  it.each(jobStatuses)('rejecting is allowed on a %s job', (status) => {
    const decision = decideStageChange(
      'interview',
      { to: 'rejected', rejectionReason: 'Withdrew' },
      actor('recruiter'),
      status,
    );
    expect(decision.ok).toBe(true);
  });

  it('rejecting needs a reason', () => {
    for (const reason of [undefined, '', '   ']) {
      const decision = decideStageChange(
        'screening',
        { to: 'rejected', rejectionReason: reason },
        actor('recruiter'),
        'open',
      );
      expect(decision.ok ? 'ok' : decision.code).toBe('reason_required');
    }
  });
});

describe('hiring needs an accepted offer (SPEC §3 as amended)', () => {
  it.each([undefined, 'draft', 'extended', 'declined'] as const)('refuses hiring with an offer %s', (status) => {
    const decision = decideStageChange('offer', { to: 'hired', offerStatus: status }, actor('admin'), 'open');
    expect(decision.ok ? 'ok' : decision.code).toBe('offer_not_accepted');
  });

  it('refuses a whole-document hire while the offer is still extended', () => {
    const before = application('offer');
    expect(before.offer?.status).toBe('extended');
    const decision = decideWrite(actor('hiring_manager'), 'applications', before, moved(before, 'hired'), context());
    expect(decision.ok ? 'ok' : decision.code).toBe('offer_not_accepted');
  });

  it('allows the hire once the offer is accepted, even in the same write', () => {
    const before = application('offer');
    const after = acceptedOffer(moved(before, 'hired'));
    expect(decideWrite(actor('hiring_manager'), 'applications', before, after, context()).ok).toBe(true);
  });
});

describe('allowedStageMoves guides the app', () => {
  it('offers a recruiter screening and rejection from applied', () => {
    expect(allowedStageMoves('applied', actor('recruiter'), 'open')).toEqual(['screening', 'rejected']);
  });
  it('does not offer hired to a recruiter', () => {
    expect(allowedStageMoves('offer', actor('recruiter'), 'open')).toEqual(['rejected']);
  });
  it('offers hired to a hiring manager', () => {
    expect(allowedStageMoves('offer', actor('hiring_manager'), 'open')).toEqual(['hired', 'rejected']);
  });
  it('offers only rejection on a job on hold', () => {
    expect(allowedStageMoves('screening', actor('admin'), 'on_hold')).toEqual(['rejected']);
  });
  it('offers nothing to an interviewer, or from a terminal stage', () => {
    expect(allowedStageMoves('applied', actor('interviewer'), 'open')).toEqual([]);
    expect(allowedStageMoves('hired', actor('admin'), 'open')).toEqual([]);
    expect(allowedStageMoves('rejected', actor('admin'), 'open')).toEqual([]);
  });
});
