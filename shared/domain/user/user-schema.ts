import Type, { type Static } from 'typebox';
import { ROLES } from '../common/roles';
import { documentBase, Email, StringEnum, Text } from '../common/schema-helpers';

/**
 * The staff directory entry (SPEC §2), replicated read-only. Password hashes, tokens and sessions
 * live elsewhere on the server and never leave it.
 */
export const UserSchema = Type.Object(
  {
    ...documentBase,
    name: Text(200, 1),
    email: Email(),
    role: StringEnum(ROLES),
    active: Type.Boolean(),
    /** The person's IANA time zone (the app sets it from the OS at first sign-in; they may change it). */
    timeZone: Type.Optional(Text(64, 1)),
    /** Whether the person gets e-mail notifications (new assignments, new applications); default on. */
    emailNotifications: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, title: 'User' },
);

export type User = Static<typeof UserSchema>;
