import Type, { type Static } from 'typebox';
import { documentBase, Id, IsoDateTime, Text } from '../common/schema-helpers';

/**
 * A comment on a candidate, for the team: part of the candidate's timeline. `mentions` are the
 * staff members it names with `@`, who are notified (once each) when the server takes it.
 */
export const CommentSchema = Type.Object(
  {
    ...documentBase,
    candidateId: Id(),
    /** The application it is about, when it is about one. */
    applicationId: Type.Optional(Type.String({ minLength: 3, maxLength: 300 })),
    body: Text(5_000, 1),
    mentions: Type.Array(Id(), { maxItems: 20 }),
    createdBy: Id(),
    createdAt: IsoDateTime(),
    /** When the author last changed the text. */
    editedAt: Type.Optional(IsoDateTime()),
  },
  { additionalProperties: false, title: 'Comment' },
);

export type Comment = Static<typeof CommentSchema>;
