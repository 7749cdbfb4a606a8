import type { WriteContext } from './write-context';
import { defaultSettings } from '../settings/settings-schema';
import { describe, expect, it } from 'vitest';
import { applicationId, type Application } from '../application/application-schema';
import type { Decision } from '../common/refusal';
import {
  actor,
  application,
  candidate,
  context,
  DAY,
  interview,
  iso,
  job,
  MINUTE,
  NOW,
  moved,
  scorecard,
} from '../../test-support/fixtures';
import { decideWrite } from './decide-write';

const code = (decision: Decision): string => (decision.ok ? 'ok' : decision.code);

describe('interviews and scorecards', () => {
  const assigned = interview();

  it('an assigned interviewer adds their own scorecard', () => {
    const after = { ...assigned, scorecards: [scorecard('interviewer-1')] };
    expect(code(decideWrite(actor('interviewer'), 'interviews', assigned, after, context()))).toBe('ok');
  });

  it('and edits it later', () => {
    const before = { ...assigned, scorecards: [scorecard('interviewer-1')] };
    const after = {
      ...assigned,
      scorecards: [scorecard('interviewer-1', { rating: 2, recommendation: 'no' as const })],
    };
    expect(code(decideWrite(actor('interviewer'), 'interviews', before, after, context()))).toBe('ok');
  });

  it('nobody writes a scorecard in someone else’s name', () => {
    const after = { ...assigned, scorecards: [scorecard('interviewer-2')] };
    expect(code(decideWrite(actor('interviewer'), 'interviews', assigned, after, context()))).toBe(
      'not_own_scorecard',
    );
    expect(code(decideWrite(actor('admin', 'admin-1'), 'interviews', assigned, after, context()))).toBe(
      'not_own_scorecard',
    );
  });

  it('nobody edits another interviewer’s scorecard', () => {
    const before = { ...assigned, scorecards: [scorecard('interviewer-2')] };
    const after = { ...assigned, scorecards: [scorecard('interviewer-2', { rating: 1 })] };
    expect(code(decideWrite(actor('interviewer'), 'interviews', before, after, context()))).toBe(
      'not_own_scorecard',
    );
  });

  it('a submitted scorecard cannot be removed', () => {
    const before = { ...assigned, scorecards: [scorecard('interviewer-1')] };
    expect(code(decideWrite(actor('interviewer'), 'interviews', before, assigned, context()))).toBe(
      'immutable_field',
    );
  });

  it('only an assigned person writes a scorecard, whatever their role', () => {
    const after = { ...assigned, scorecards: [scorecard('interviewer-3')] };
    expect(
      code(decideWrite(actor('interviewer', 'interviewer-3'), 'interviews', assigned, after, context())),
    ).toBe('not_assigned');
    const byRecruiter = { ...assigned, scorecards: [scorecard('recruiter-1')] };
    expect(code(decideWrite(actor('recruiter'), 'interviews', assigned, byRecruiter, context()))).toBe(
      'not_assigned',
    );
    const recruiterAssigned = { ...assigned, interviewerIds: ['recruiter-1'] };
    const recruiterCard = { ...recruiterAssigned, scorecards: [scorecard('recruiter-1')] };
    expect(
      code(decideWrite(actor('recruiter'), 'interviews', recruiterAssigned, recruiterCard, context())),
    ).toBe('ok');
  });

  it('no scorecards on a cancelled interview', () => {
    const cancelled = { ...assigned, status: 'cancelled' as const };
    const after = { ...cancelled, scorecards: [scorecard('interviewer-1')] };
    expect(code(decideWrite(actor('interviewer'), 'interviews', cancelled, after, context()))).toBe(
      'interview_cancelled',
    );
  });

  it('an interviewer may change nothing but their own scorecard', () => {
    const rescheduled = { ...assigned, scheduledAt: iso(2 * DAY) };
    expect(code(decideWrite(actor('interviewer'), 'interviews', assigned, rescheduled, context()))).toBe(
      'forbidden_role',
    );
    const withCardAndStatus = {
      ...assigned,
      status: 'completed' as const,
      scorecards: [scorecard('interviewer-1')],
    };
    expect(
      code(decideWrite(actor('interviewer'), 'interviews', assigned, withCardAndStatus, context())),
    ).toBe('forbidden_role');
  });

  it('a scorecard dated in the future is refused', () => {
    const after = {
      ...assigned,
      scorecards: [scorecard('interviewer-1', { submittedAt: iso(10 * MINUTE) })],
    };
    expect(code(decideWrite(actor('interviewer'), 'interviews', assigned, after, context()))).toBe(
      'invalid_time',
    );
  });

  it('scheduling roles schedule, reschedule and cancel', () => {
    for (const role of ['admin', 'hiring_manager', 'recruiter'] as const) {
      expect(code(decideWrite(actor(role), 'interviews', null, assigned, context()))).toBe('ok');
      expect(
        code(
          decideWrite(
            actor(role),
            'interviews',
            assigned,
            { ...assigned, scheduledAt: iso(3 * DAY) },
            context(),
          ),
        ),
      ).toBe('ok');
      expect(
        code(
          decideWrite(actor(role), 'interviews', assigned, { ...assigned, status: 'cancelled' }, context()),
        ),
      ).toBe('ok');
    }
    expect(code(decideWrite(actor('interviewer'), 'interviews', null, assigned, context()))).toBe(
      'forbidden_role',
    );
  });

  it('a completed interview stays completed', () => {
    const completed = { ...assigned, status: 'completed' as const };
    expect(
      code(
        decideWrite(
          actor('admin'),
          'interviews',
          completed,
          { ...completed, status: 'scheduled' },
          context(),
        ),
      ),
    ).toBe('invalid_transition');
  });

  it('interviewers are active staff, listed once, at least one', () => {
    const ghosts = { ...assigned, interviewerIds: ['nobody'] };
    expect(code(decideWrite(actor('recruiter'), 'interviews', null, ghosts, context()))).toBe(
      'unknown_interviewer',
    );
    const inactive = { ...assigned, interviewerIds: ['interviewer-gone'] };
    expect(code(decideWrite(actor('recruiter'), 'interviews', null, inactive, context()))).toBe(
      'unknown_interviewer',
    );
    const aCandidate = { ...assigned, interviewerIds: ['candidate-user'] };
    expect(code(decideWrite(actor('recruiter'), 'interviews', null, aCandidate, context()))).toBe(
      'unknown_interviewer',
    );
    const twice = { ...assigned, interviewerIds: ['interviewer-1', 'interviewer-1'] };
    expect(code(decideWrite(actor('recruiter'), 'interviews', null, twice, context()))).toBe(
      'validation_failed',
    );
    const none = { ...assigned, interviewerIds: [] };
    expect(code(decideWrite(actor('recruiter'), 'interviews', null, none, context()))).toBe(
      'validation_failed',
    );
    const added = { ...assigned, interviewerIds: [...assigned.interviewerIds, 'nobody'] };
    expect(code(decideWrite(actor('recruiter'), 'interviews', assigned, added, context()))).toBe(
      'unknown_interviewer',
    );
  });

  it('an interview belongs to a live application with the same job and candidate', () => {
    expect(
      code(
        decideWrite(actor('recruiter'), 'interviews', null, assigned, context('open', { application: null })),
      ),
    ).toBe('not_found');
    const otherJob = { ...assigned, jobId: 'job-2' };
    expect(code(decideWrite(actor('recruiter'), 'interviews', null, otherJob, context()))).toBe(
      'id_mismatch',
    );
    const rejected = context('open', { application: application('rejected') });
    expect(code(decideWrite(actor('recruiter'), 'interviews', null, assigned, rejected))).toBe(
      'application_closed',
    );
    const moveApplication = { ...assigned, candidateId: 'cand-2' };
    expect(code(decideWrite(actor('recruiter'), 'interviews', assigned, moveApplication, context()))).toBe(
      'immutable_field',
    );
  });
});

describe('application documents', () => {
  it('only a hiring manager or admin moves offer → hired', () => {
    const offer = application('offer', { offer: { baseSalary: 90_000, currency: 'EUR', status: 'accepted' } });
    expect(
      code(decideWrite(actor('recruiter'), 'applications', offer, moved(offer, 'hired'), context())),
    ).toBe('forbidden_role');
    expect(
      code(decideWrite(actor('hiring_manager'), 'applications', offer, moved(offer, 'hired'), context())),
    ).toBe('ok');
  });

  it('earlier history entries never change', () => {
    const before = application('screening');
    const [first, second] = before.stageHistory;
    const rewritten: Application = {
      ...before,
      stageHistory: [{ ...first!, note: 'edited later' }, second!],
    };
    expect(code(decideWrite(actor('admin'), 'applications', before, rewritten, context()))).toBe(
      'history_immutable',
    );
    const backdated: Application = { ...before, stageHistory: [first!, { ...second!, at: iso(-40 * DAY) }] };
    expect(code(decideWrite(actor('admin'), 'applications', before, backdated, context()))).toBe(
      'history_immutable',
    );
    const truncated: Application = { ...before, stageHistory: [first!] };
    expect(code(decideWrite(actor('admin'), 'applications', before, truncated, context()))).toBe(
      'history_immutable',
    );
    const rewrittenWhileMoving = moved(rewritten, 'interview');
    expect(code(decideWrite(actor('admin'), 'applications', before, rewrittenWhileMoving, context()))).toBe(
      'history_immutable',
    );
  });

  it('a stage change adds exactly one matching history entry', () => {
    const before = application('applied');
    const noEntry: Application = { ...before, stage: 'screening' };
    expect(code(decideWrite(actor('recruiter'), 'applications', before, noEntry, context()))).toBe(
      'history_mismatch',
    );
    const twoEntries = moved(moved(before, 'screening'), 'interview');
    expect(code(decideWrite(actor('recruiter'), 'applications', before, twoEntries, context()))).toBe(
      'history_mismatch',
    );
    const wrongFrom: Application = {
      ...before,
      stage: 'screening',
      stageHistory: [
        ...before.stageHistory,
        { from: 'interview', to: 'screening', by: 'x', at: iso(), recordedAt: iso() },
      ],
    };
    expect(code(decideWrite(actor('recruiter'), 'applications', before, wrongFrom, context()))).toBe(
      'history_mismatch',
    );
    const entryWithoutMove: Application = { ...moved(before, 'screening'), stage: 'applied' };
    expect(code(decideWrite(actor('recruiter'), 'applications', before, entryWithoutMove, context()))).toBe(
      'history_mismatch',
    );
  });

  it('`at` is at most five minutes in the future and not before the previous entry', () => {
    const before = application('applied');
    const allow = (at: string) =>
      code(
        decideWrite(actor('recruiter'), 'applications', before, moved(before, 'screening', at), context()),
      );
    expect(allow(iso(4 * MINUTE))).toBe('ok');
    expect(allow(iso(6 * MINUTE))).toBe('invalid_time');
    expect(allow(iso(-3 * DAY))).toBe('ok'); // offline work keeps its real time
    expect(allow(iso(-11 * DAY))).toBe('invalid_time'); // before the application arrived
  });

  it('rejecting needs a reason and records the stage it happened at', () => {
    const before = application('interview');
    for (const blank of ['', '   ']) {
      const withoutReason = moved(before, 'rejected', iso(-MINUTE), blank);
      expect(code(decideWrite(actor('recruiter'), 'applications', before, withoutReason, context()))).toBe(
        'reason_required',
      );
    }
    const noRejection: Application = { ...moved(before, 'rejected'), rejection: undefined };
    expect(code(decideWrite(actor('recruiter'), 'applications', before, noRejection, context()))).toBe(
      'reason_required',
    );
    const wrongStage: Application = {
      ...moved(before, 'rejected'),
      rejection: { atStage: 'applied', reason: 'stronger-candidate' },
    };
    expect(code(decideWrite(actor('recruiter'), 'applications', before, wrongStage, context()))).toBe(
      'validation_failed',
    );
    expect(
      code(decideWrite(actor('recruiter'), 'applications', before, moved(before, 'rejected'), context())),
    ).toBe('ok');
  });

  it('a rejection names one of the organisation’s reasons still in use', () => {
    const before = application('screening');
    const rejectWith = (reason: string) => moved(before, 'rejected', iso(-MINUTE), reason);
    const decide = (reason: string, settings: WriteContext['settings']) =>
      code(
        decideWrite(
          actor('recruiter'),
          'applications',
          before,
          rejectWith(reason),
          context('open', { settings }),
        ),
      );
    const settings = defaultSettings(NOW);
    const retired = {
      ...settings,
      rejectionReasons: settings.rejectionReasons.map((reason) =>
        reason.id === 'no-response' ? { ...reason, retired: true } : reason,
      ),
    };
    expect(decide('stronger-candidate', settings)).toBe('ok');
    expect(decide('Went with somebody we liked more', settings)).toBe('unknown_reason');
    expect(decide('no-response', retired)).toBe('unknown_reason');
    expect(decide('stronger-candidate', null)).toBe('not_found');
  });

  it('a rejection is not rewritten afterwards', () => {
    const before = application('rejected');
    const after: Application = { ...before, rejection: { atStage: 'applied', reason: 'Something else' } };
    expect(code(decideWrite(actor('admin'), 'applications', before, after, context()))).toBe(
      'immutable_field',
    );
  });

  it('forward moves need an open job; rejecting does not', () => {
    const before = application('screening');
    for (const status of ['draft', 'on_hold', 'closed'] as const) {
      expect(
        code(
          decideWrite(actor('admin'), 'applications', before, moved(before, 'interview'), context(status)),
        ),
      ).toBe('job_not_open');
      expect(
        code(decideWrite(actor('admin'), 'applications', before, moved(before, 'rejected'), context(status))),
      ).toBe('ok');
    }
  });

  it('offers are edited at the offer stage by the roles that may', () => {
    const atOffer = application('offer');
    const raised: Application = {
      ...atOffer,
      offer: { baseSalary: 95_000, currency: 'EUR', status: 'extended' },
    };
    expect(code(decideWrite(actor('recruiter'), 'applications', atOffer, raised, context()))).toBe('ok');
    expect(code(decideWrite(actor('interviewer'), 'applications', atOffer, raised, context()))).toBe(
      'forbidden_role',
    );
    const atInterview = application('interview');
    const early: Application = { ...atInterview, offer: { baseSalary: 1, currency: 'EUR', status: 'draft' } };
    expect(code(decideWrite(actor('admin'), 'applications', atInterview, early, context()))).toBe(
      'offer_not_allowed',
    );
    const withOffer: Application = {
      ...moved(atInterview, 'offer'),
      offer: { baseSalary: 90_000, currency: 'EUR', status: 'draft' },
    };
    expect(code(decideWrite(actor('recruiter'), 'applications', atInterview, withOffer, context()))).toBe(
      'ok',
    );
  });

  it('an application keeps its job, candidate and author', () => {
    const before = application('applied');
    expect(
      code(decideWrite(actor('admin'), 'applications', before, { ...before, jobId: 'job-2' }, context())),
    ).toBe('id_mismatch');
    expect(
      code(
        decideWrite(actor('admin'), 'applications', before, { ...before, createdBy: 'admin-1' }, context()),
      ),
    ).toBe('immutable_field');
  });

  it('repeating the stored state is harmless for every role', () => {
    const stored = application('interview');
    for (const role of ['admin', 'recruiter', 'interviewer'] as const) {
      expect(
        code(decideWrite(actor(role), 'applications', stored, { ...stored, updatedAt: 1 }, context())),
      ).toBe('ok');
    }
  });
});

describe('new applications', () => {
  const fresh = application('applied');

  it('use the deterministic id', () => {
    expect(fresh.id).toBe('job-1__cand-1');
    expect(code(decideWrite(actor('recruiter'), 'applications', null, fresh, context()))).toBe('ok');
    expect(
      code(decideWrite(actor('recruiter'), 'applications', null, { ...fresh, id: 'random-uuid' }, context())),
    ).toBe('id_mismatch');
    expect(
      code(
        decideWrite(
          actor('recruiter'),
          'applications',
          null,
          { ...fresh, id: applicationId('cand-1', 'job-1') },
          context(),
        ),
      ),
    ).toBe('id_mismatch');
  });

  it('start at applied with a single arrival entry', () => {
    const atScreening = application('screening');
    expect(code(decideWrite(actor('recruiter'), 'applications', null, atScreening, context()))).toBe(
      'invalid_transition',
    );
    const fakeHistory: Application = {
      ...fresh,
      stageHistory: [...fresh.stageHistory, ...fresh.stageHistory],
    };
    expect(code(decideWrite(actor('recruiter'), 'applications', null, fakeHistory, context()))).toBe(
      'history_mismatch',
    );
  });

  it('only on an open job that exists, for a candidate that exists', () => {
    for (const status of ['draft', 'on_hold', 'closed'] as const) {
      expect(code(decideWrite(actor('recruiter'), 'applications', null, fresh, context(status)))).toBe(
        'job_not_open',
      );
    }
    expect(
      code(decideWrite(actor('recruiter'), 'applications', null, fresh, context('open', { job: null }))),
    ).toBe('not_found');
    expect(
      code(
        decideWrite(actor('recruiter'), 'applications', null, fresh, context('open', { candidate: null })),
      ),
    ).toBe('not_found');
  });

  it('by staff who may, or by the candidate for themselves only', () => {
    expect(code(decideWrite(actor('interviewer'), 'applications', null, fresh, context()))).toBe(
      'forbidden_role',
    );
    expect(
      code(
        decideWrite(
          actor('candidate'),
          'applications',
          null,
          fresh,
          context('open', { actorCandidateId: 'cand-9' }),
        ),
      ),
    ).toBe('forbidden_role');
    expect(
      code(
        decideWrite(
          actor('candidate'),
          'applications',
          null,
          fresh,
          context('open', { actorCandidateId: 'cand-1' }),
        ),
      ),
    ).toBe('ok');
  });
});

describe('candidates', () => {
  it('staff roles create and edit; emails are unique', () => {
    expect(code(decideWrite(actor('recruiter'), 'candidates', null, candidate(), context()))).toBe('ok');
    expect(code(decideWrite(actor('interviewer'), 'candidates', null, candidate(), context()))).toBe(
      'forbidden_role',
    );
    const taken = context('open', { emailTakenBy: 'cand-2' });
    expect(code(decideWrite(actor('recruiter'), 'candidates', null, candidate(), taken))).toBe(
      'duplicate_email',
    );
    const ownEmail = context('open', { emailTakenBy: 'cand-1' });
    expect(
      code(decideWrite(actor('recruiter'), 'candidates', candidate(), candidate({ notes: 'x' }), ownEmail)),
    ).toBe('ok');
  });

  it('the résumé reference and erasure are the server’s', () => {
    const resume = {
      fileName: 'cv.pdf',
      contentType: 'application/pdf' as const,
      size: 1000,
      sha256: 'a'.repeat(64),
      uploadedAt: iso(),
    };
    expect(
      code(decideWrite(actor('admin'), 'candidates', candidate(), candidate({ resume }), context())),
    ).toBe('server_managed_field');
    const erased = candidate({ erasedAt: iso() });
    expect(
      code(decideWrite(actor('admin'), 'candidates', erased, { ...erased, notes: 'back' }, context())),
    ).toBe('candidate_erased');
  });
});

describe('every collection', () => {
  it('refuses documents that break the schema, naming the field', () => {
    const decision = decideWrite(
      actor('admin'),
      'jobs',
      job(),
      { ...job(), title: 'x'.repeat(201) },
      context(),
    );
    expect(decision).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(decision.ok ? '' : decision.message).toContain('title');
    const unknownField = decideWrite(
      actor('admin'),
      'jobs',
      null,
      { ...job({ status: 'draft' }), salary: 5 },
      context(),
    );
    expect(unknownField.ok ? '' : unknownField.message).toContain('salary');
    expect(
      code(
        decideWrite(actor('admin'), 'candidates', null, { ...candidate(), email: 'not-an-email' }, context()),
      ),
    ).toBe('validation_failed');
  });

  it('refuses deletes except by admins', () => {
    for (const role of ['hiring_manager', 'recruiter', 'interviewer', 'candidate'] as const) {
      expect(
        code(
          decideWrite(actor(role), 'candidates', candidate(), { ...candidate(), _deleted: true }, context()),
        ),
      ).toBe('delete_forbidden');
    }
    expect(
      code(
        decideWrite(actor('admin'), 'candidates', candidate(), { ...candidate(), _deleted: true }, context()),
      ),
    ).toBe('ok');
  });

  it('refuses every write to the users directory, even an admin’s', () => {
    const userDoc = { id: 'u', updatedAt: 1, name: 'U', email: 'u@example.com', role: 'admin', active: true };
    for (const role of ['admin', 'recruiter', 'interviewer'] as const) {
      expect(code(decideWrite(actor(role), 'users', null, userDoc, context()))).toBe('read_only_collection');
    }
    // Not even as a delete: accounts are deactivated through the admin endpoints.
    expect(code(decideWrite(actor('admin'), 'users', null, { ...userDoc, _deleted: true }, context()))).toBe(
      'read_only_collection',
    );
  });

  it('ignores replication bookkeeping fields', () => {
    const withMeta = { ...candidate(), _deleted: false, _rev: '1-abc', _meta: { lwt: 1 }, _attachments: {} };
    expect(code(decideWrite(actor('recruiter'), 'candidates', candidate(), withMeta, context()))).toBe('ok');
  });

  it('refuses a write that changes the id', () => {
    expect(
      code(decideWrite(actor('admin'), 'candidates', candidate(), candidate({ id: 'cand-2' }), context())),
    ).toBe('id_mismatch');
  });
});
