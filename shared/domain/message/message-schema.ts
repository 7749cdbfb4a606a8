import Type, { type Static } from 'typebox';
import {
  ID_MAX_LENGTH,
  ID_PATTERN,
  documentBase,
  Email,
  Id,
  IsoDateTime,
  StringEnum,
  Text,
} from '../common/schema-helpers';

/**
 * The messages a candidate may receive (SPEC §12). `acknowledgement` is written by the server when a
 * portal application is accepted; every other kind only when a person chose to send it.
 */
export const MESSAGE_KINDS = ['acknowledgement', 'rejection', 'offer', 'hired', 'interview_invite'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** The kinds a person composes (the acknowledgement is the server's). */
export const COMPOSED_MESSAGE_KINDS = ['rejection', 'offer', 'hired', 'interview_invite'] as const;
export type ComposedMessageKind = (typeof COMPOSED_MESSAGE_KINDS)[number];

/**
 * Life of a message: `queued` (a person chose to send it; it goes out once the change it goes with
 * is on the server) → `sent` (handed to the outbox, exactly once, by the server). Its author may
 * `withdraw` it while it is queued; the server `cancel`s one whose change can no longer happen (the
 * application went elsewhere, the interview was cancelled, the candidate was erased).
 */
export const MESSAGE_STATUSES = ['queued', 'sent', 'withdrawn', 'cancelled'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** The id of the server's acknowledgement of a portal application: one per application, ever. */
export function acknowledgementId(applicationId: string): string {
  return `ack-${applicationId}`;
}

/** The author of messages the server writes on its own (acknowledgements). */
export const SYSTEM_AUTHOR = 'system';

/**
 * A message to a candidate (SPEC §12), replicated so one composed offline is sent when it syncs, and
 * shown on the candidate's page with who wrote it and when.
 */
export const MessageSchema = Type.Object(
  {
    ...documentBase,
    /** Long enough for the acknowledgement's `ack-<applicationId>`. */
    id: Type.String({ minLength: 1, maxLength: ID_MAX_LENGTH * 2 + 6, pattern: ID_PATTERN }),
    candidateId: Id(),
    /** The application it is about (`<jobId>__<candidateId>`). */
    applicationId: Type.String({ minLength: 3, maxLength: ID_MAX_LENGTH * 2 + 2, pattern: ID_PATTERN }),
    /** For an interview invite: the interview. */
    interviewId: Type.Optional(Id()),
    kind: StringEnum(MESSAGE_KINDS),
    subject: Text(300, 1),
    body: Text(20_000, 1),
    status: StringEnum(MESSAGE_STATUSES),
    /**
     * For a rejection or a hire: the `at` of the stage change it goes with. The message waits for that
     * very change (not merely for the stage), so a move taken back never sends it.
     */
    stageChangeAt: Type.Optional(IsoDateTime()),
    /** Set by the server when it handed the message to the outbox. */
    sentAt: Type.Optional(IsoDateTime()),
    /** The address it went to (the candidate's at that moment); set by the server. */
    sentTo: Type.Optional(Email()),
    /** Why the server cancelled it; set by the server. */
    statusNote: Type.Optional(Text(500)),
    createdBy: Id(),
    /** When the person wrote it (their clock: offline work keeps its time). */
    createdAt: IsoDateTime(),
  },
  { additionalProperties: false, title: 'Message' },
);
export type Message = Static<typeof MessageSchema>;

/** Fields only the server writes. */
export const MESSAGE_SERVER_FIELDS = ['sentAt', 'sentTo', 'statusNote'] as const;
