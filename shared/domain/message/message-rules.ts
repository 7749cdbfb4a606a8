import { changedFields } from '../common/equality';
import { ALLOWED, refuse, type Decision } from '../common/refusal';
import type { Actor } from '../common/roles';
import { MAX_CLOCK_SKEW_MS, parseIso } from '../common/time';
import { roleMay, type WriteAction } from '../access/write-matrix';
import { APPLICATION_ID_SEPARATOR } from '../application/application-schema';
import type { Candidate } from '../candidate/candidate-schema';
import { MESSAGE_SERVER_FIELDS, type Message, type MessageKind } from './message-schema';

/** What a message write is judged against beyond the document. */
export interface MessageWriteContext {
  /** The deciding side's clock, in ms. */
  readonly now: number;
  /** The candidate it is for (read when a message is created). */
  readonly candidate?: Candidate | null;
}

/** The change a message goes with, hence who may send one: whoever may make that change. */
const ACTION_OF_KIND: Readonly<Record<MessageKind, WriteAction | null>> = {
  acknowledgement: null,
  rejection: 'application.reject',
  offer: 'application.editOffer',
  hired: 'application.hire',
  interview_invite: 'interview.schedule',
};

/** Whether `actor`'s role may send a message of `kind` (the app offers the composer only then). */
export function mayComposeMessage(actor: Pick<Actor, 'role'>, kind: MessageKind): boolean {
  const action = ACTION_OF_KIND[kind];
  return action !== null && roleMay(actor.role, action);
}

/** Fields fixed once a message is written: what it is, about whom, for which change, by whom. */
const IMMUTABLE_FIELDS = [
  'candidateId',
  'applicationId',
  'interviewId',
  'kind',
  'stageChangeAt',
  'createdBy',
  'createdAt',
] as const;

/**
 * Whether `actor` may write message `after` over `before` (null when new). Only the staff roles who
 * may make the change a message goes with may write one, in their own name, queued; the server's
 * acknowledgement is nobody else's. Afterwards only its author may edit or withdraw it, and only
 * while it is queued: what was sent stays as it was sent. `sent` and `cancelled` are the server's.
 */
export function decideMessageWrite(
  actor: Actor,
  before: Message | null,
  after: Message,
  context: MessageWriteContext,
): Decision {
  if (!mayComposeMessage(actor, after.kind)) {
    return refuse(
      'forbidden_role',
      after.kind === 'acknowledgement'
        ? 'Acknowledgements are sent by the server when a portal application arrives.'
        : 'Your role may not send this message: it goes with a change your role may not make.',
    );
  }
  return before ? decideEdit(actor, before, after) : decideCreate(actor, after, context);
}

function decideCreate(actor: Actor, after: Message, context: MessageWriteContext): Decision {
  if (after.createdBy !== actor.id)
    return refuse('not_own_message', 'A message is written in its author’s name.');
  if (after.status !== 'queued')
    return refuse('server_managed_field', 'A new message is queued; the server sends it.');
  const managed = MESSAGE_SERVER_FIELDS.find((field) => after[field] !== undefined);
  if (managed) return refuse('server_managed_field', `${managed} is managed by the server.`);
  if (!after.applicationId.endsWith(`${APPLICATION_ID_SEPARATOR}${after.candidateId}`)) {
    return refuse('id_mismatch', 'The application is not the candidate’s.');
  }
  const needsInterview = after.kind === 'interview_invite';
  if (needsInterview !== (after.interviewId !== undefined)) {
    return refuse(
      'validation_failed',
      needsInterview
        ? 'interviewId: an invitation names its interview.'
        : 'interviewId: only invitations name an interview.',
    );
  }
  const needsStageChange = after.kind === 'rejection' || after.kind === 'hired';
  if (needsStageChange !== (after.stageChangeAt !== undefined)) {
    return refuse(
      'validation_failed',
      needsStageChange
        ? 'stageChangeAt: the message names the stage change it goes with.'
        : 'stageChangeAt: only rejections and hires name a stage change.',
    );
  }
  if (parseIso(after.createdAt) > context.now + MAX_CLOCK_SKEW_MS) {
    return refuse('invalid_time', 'createdAt is in the future.');
  }
  const { candidate } = context;
  if (!candidate || candidate.id !== after.candidateId)
    return refuse('not_found', 'The candidate does not exist.');
  if (candidate.erasedAt) return refuse('candidate_erased');
  return ALLOWED;
}

function decideEdit(actor: Actor, before: Message, after: Message): Decision {
  const changed = changedFields(before, after, ['updatedAt']);
  if (changed.length === 0) return ALLOWED;
  if (before.status !== 'queued') return refuse('message_closed');
  if (before.createdBy !== actor.id) return refuse('not_own_message');
  const fixed = IMMUTABLE_FIELDS.find((field) => changed.includes(field));
  if (fixed) return refuse('immutable_field', `${fixed} cannot be changed after the message is written.`);
  const managed = MESSAGE_SERVER_FIELDS.find((field) => changed.includes(field));
  if (managed) return refuse('server_managed_field', `${managed} is managed by the server.`);
  if (after.status !== 'queued' && after.status !== 'withdrawn') {
    return refuse('server_managed_field', 'Only the server marks a message sent or cancelled.');
  }
  return ALLOWED;
}
