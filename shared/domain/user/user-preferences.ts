import Type, { type Static } from 'typebox';
import { ALLOWED, refuse, type Decision } from '../common/refusal';
import type { Actor } from '../common/roles';
import { roleMay } from '../access/write-matrix';
import { isTimeZone } from './time-zone';
import type { User } from './user-schema';

/** What a person changes about themselves (`PATCH /api/auth/me`): nothing an admin decides. */
export const UserPreferencesSchema = Type.Object(
  {
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    emailNotifications: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, title: 'UserPreferences' },
);
export type UserPreferences = Static<typeof UserPreferencesSchema>;

/** Whether `actor` may set these preferences on their own directory entry. */
export function decideOwnPreferences(actor: Actor, preferences: UserPreferences): Decision {
  if (!roleMay(actor.role, 'user.editOwnPreferences')) {
    return refuse('forbidden_role', 'Only staff accounts have preferences.');
  }
  if (preferences.timeZone !== undefined && !isTimeZone(preferences.timeZone)) {
    return refuse(
      'validation_failed',
      `timeZone: "${preferences.timeZone}" is not a time zone such as Europe/Berlin.`,
    );
  }
  return ALLOWED;
}

/**
 * Whether `user` is to be sent an e-mail notification at all: active, and not switched off by
 * themselves. Every staff notification (assignments, applications, reminders) asks this one question.
 */
export function wantsEmailNotifications(user: Pick<User, 'active' | 'emailNotifications'> | null): boolean {
  return user !== null && user.active && user.emailNotifications !== false;
}
