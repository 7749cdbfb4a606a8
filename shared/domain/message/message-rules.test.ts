import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../common/roles';
import { decideWrite } from '../decide/decide-write';
import {
  actor,
  application,
  candidate,
  context,
  interview,
  iso,
  message,
  MINUTE,
  NOW,
} from '../../test-support/fixtures';
import { messageReadiness } from './message-readiness';
import { mayComposeMessage } from './message-rules';
import { MESSAGE_KINDS, type Message, type MessageKind } from './message-schema';

const codeOf = (decision: { ok: boolean; code?: string }): string =>
  decision.ok ? 'ok' : (decision.code ?? '?');

/** Who may compose each kind (SPEC §3: whoever may make the change the message goes with). */
const COMPOSERS: Readonly<Record<MessageKind, readonly Role[]>> = {
  acknowledgement: [],
  rejection: ['admin', 'hiring_manager', 'recruiter'],
  offer: ['admin', 'hiring_manager', 'recruiter'],
  hired: ['admin', 'hiring_manager'],
  interview_invite: ['admin', 'hiring_manager', 'recruiter'],
};

/** A well-formed new message of `kind` by `role`. */
function composed(kind: MessageKind, role: Role): Message {
  return message({
    kind,
    createdBy: `${role}-1`,
    ...(kind === 'rejection' || kind === 'hired'
      ? { stageChangeAt: iso(-MINUTE) }
      : { stageChangeAt: undefined }),
    ...(kind === 'interview_invite' ? { interviewId: 'int-1' } : {}),
  });
}

const write = (role: Role, before: Message | null, after: Message, overrides = {}) =>
  codeOf(decideWrite(actor(role), 'messages', before, { ...after }, context('open', overrides)));

describe('who may send a message to a candidate', () => {
  const table = MESSAGE_KINDS.flatMap((kind) => ROLES.map((role) => [kind, role] as const));
  it.each(table)('%s by %s', (kind, role) => {
    const isComposer = COMPOSERS[kind].includes(role);
    expect(mayComposeMessage({ role }, kind)).toBe(isComposer);
    expect(write(role, null, composed(kind, role))).toBe(isComposer ? 'ok' : 'forbidden_role');
  });
});

describe('a new message', () => {
  const mine = composed('rejection', 'recruiter');
  it.each([
    ['in someone else’s name', { ...mine, createdBy: 'hiring_manager-1' }, 'not_own_message'],
    ['already sent', { ...mine, status: 'sent' as const }, 'server_managed_field'],
    ['withdrawn at once', { ...mine, status: 'withdrawn' as const }, 'server_managed_field'],
    ['with a server field', { ...mine, sentAt: iso() }, 'server_managed_field'],
    ['with a recipient', { ...mine, sentTo: 'ada@example.org' }, 'server_managed_field'],
    ['for another candidate’s application', { ...mine, applicationId: 'job-1__cand-2' }, 'id_mismatch'],
    ['a rejection without its stage change', { ...mine, stageChangeAt: undefined }, 'validation_failed'],
    ['a rejection naming an interview', { ...mine, interviewId: 'int-1' }, 'validation_failed'],
    ['written in the future', { ...mine, createdAt: iso(10 * MINUTE) }, 'invalid_time'],
    ['with an empty body', { ...mine, body: '' }, 'validation_failed'],
  ])('is refused %s', (_what, after, code) => {
    expect(write('recruiter', null, after)).toBe(code);
  });

  it('is refused for an unknown or erased candidate', () => {
    expect(write('recruiter', null, mine, { candidate: null })).toBe('not_found');
    expect(write('recruiter', null, mine, { candidate: candidate({ erasedAt: iso() }) })).toBe(
      'candidate_erased',
    );
  });

  it('an invitation names its interview, an offer no stage change', () => {
    expect(
      write('recruiter', null, { ...composed('interview_invite', 'recruiter'), interviewId: undefined }),
    ).toBe('validation_failed');
    expect(write('recruiter', null, { ...composed('offer', 'recruiter'), stageChangeAt: iso() })).toBe(
      'validation_failed',
    );
  });
});

describe('changing a message', () => {
  const queued = composed('rejection', 'recruiter');
  it('its author may edit or withdraw it while it is queued', () => {
    expect(write('recruiter', queued, { ...queued, body: 'Better words.' })).toBe('ok');
    expect(write('recruiter', queued, { ...queued, status: 'withdrawn' })).toBe('ok');
    expect(write('recruiter', queued, { ...queued, updatedAt: NOW })).toBe('ok');
  });

  it.each(ROLES.filter((role) => role !== 'recruiter'))('%s may not change a recruiter’s message', (role) => {
    const expected = COMPOSERS.rejection.includes(role) ? 'not_own_message' : 'forbidden_role';
    expect(write(role, queued, { ...queued, body: 'Mine now.' })).toBe(expected);
  });

  it.each([
    ['the candidate', { candidateId: 'cand-2', applicationId: 'job-1__cand-2' }, 'immutable_field'],
    ['the kind', { kind: 'offer' as const, stageChangeAt: undefined }, 'immutable_field'],
    ['the stage change', { stageChangeAt: iso(-2 * MINUTE) }, 'immutable_field'],
    ['the author', { createdBy: 'recruiter-2' }, 'immutable_field'],
    ['sent by hand', { status: 'sent' as const }, 'server_managed_field'],
    ['cancelled by hand', { status: 'cancelled' as const }, 'server_managed_field'],
    ['the recipient', { sentTo: 'other@example.org' }, 'server_managed_field'],
  ])('refuses a change of %s', (_what, change, code) => {
    expect(write('recruiter', queued, { ...queued, ...change })).toBe(code);
  });

  it.each(['sent', 'withdrawn', 'cancelled'] as const)('a %s message never changes again', (status) => {
    const closed = {
      ...queued,
      status,
      ...(status === 'sent' ? { sentAt: iso(), sentTo: 'ada@example.org' } : {}),
    };
    expect(write('recruiter', closed, { ...closed, body: 'Edited afterwards.' })).toBe('message_closed');
    expect(write('recruiter', closed, { ...closed, status: 'queued' })).toBe('message_closed');
    expect(write('recruiter', closed, { ...closed })).toBe('ok');
  });

  it('only admins delete messages', () => {
    for (const role of ROLES) {
      expect(write(role, queued, { ...queued, _deleted: true } as Message)).toBe(
        role === 'admin' ? 'ok' : 'delete_forbidden',
      );
    }
  });
});

describe('when a queued message goes out', () => {
  const rejectedAt = iso(-MINUTE);
  const rejected = {
    ...application('screening'),
    stage: 'rejected' as const,
    stageHistory: [
      ...application('screening').stageHistory,
      {
        from: 'screening' as const,
        to: 'rejected' as const,
        by: 'recruiter-1',
        at: rejectedAt,
        recordedAt: rejectedAt,
      },
    ],
    rejection: { atStage: 'screening' as const, reason: 'stronger-candidate' },
  };
  const rejection = message({ stageChangeAt: rejectedAt });
  const situation = { candidate: candidate(), application: rejected, interview: null };

  it('with the very change it was written for', () => {
    expect(messageReadiness(rejection, situation).state).toBe('ready');
    expect(messageReadiness(rejection, { ...situation, application: application('screening') }).state).toBe(
      'waiting',
    );
    expect(messageReadiness(rejection, { ...situation, application: null }).state).toBe('waiting');
    // Rejected by another change (this one was taken back): never sent.
    expect(messageReadiness({ ...rejection, stageChangeAt: iso(-5 * MINUTE) }, situation).state).toBe(
      'cancel',
    );
  });

  it('never to an erased or missing candidate', () => {
    expect(messageReadiness(rejection, { ...situation, candidate: null }).state).toBe('cancel');
    expect(
      messageReadiness(rejection, { ...situation, candidate: candidate({ erasedAt: iso() }) }).state,
    ).toBe('cancel');
  });

  it('an invitation while its interview is scheduled; an offer once extended', () => {
    const invite = message({ kind: 'interview_invite', interviewId: 'int-1', stageChangeAt: undefined });
    const scheduled = interview({ id: 'int-1', applicationId: rejection.applicationId });
    const base = { candidate: candidate(), application: application('interview') };
    expect(messageReadiness(invite, { ...base, interview: null }).state).toBe('waiting');
    expect(messageReadiness(invite, { ...base, interview: scheduled }).state).toBe('ready');
    expect(
      messageReadiness(invite, { ...base, interview: { ...scheduled, status: 'cancelled' } }).state,
    ).toBe('cancel');
    const offer = message({ kind: 'offer', stageChangeAt: undefined });
    const atOffer = application('offer');
    const extended = { ...atOffer, offer: { ...atOffer.offer!, status: 'extended' as const } };
    expect(messageReadiness(offer, { ...base, application: extended, interview: null }).state).toBe('ready');
    expect(
      messageReadiness(offer, {
        ...base,
        application: { ...atOffer, offer: { ...atOffer.offer!, status: 'draft' } },
        interview: null,
      }).state,
    ).toBe('waiting');
  });
});
