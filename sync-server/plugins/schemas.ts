import Type, { type TSchema } from 'typebox';
import { ROLES } from '#shared/domain/common/roles';
import { Email, StringEnum } from '#shared/domain/common/schema-helpers';
import { MIN_PASSWORD_LENGTH } from '#shared/sync/protocol';

/** `{"error": {"code", "message"}}`, the body of every 4xx and 5xx (SPEC §5). */
export const ApiErrorSchema = Type.Object(
  { error: Type.Object({ code: Type.String(), message: Type.String() }) },
  { title: 'ApiError' },
);

/** Error responses of an authenticated route, for the OpenAPI document. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, ApiErrorSchema]));
}

/** The account of a signed-in person. */
export const AccountSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: StringEnum(ROLES),
  emailVerified: Type.Boolean({
    description:
      'Whether the owner confirmed the address by a mailed link (staff accounts, made by admins, count as confirmed). ' +
      'Candidates must confirm before applying.',
  }),
});

/**
 * The answer of register and password-reset requests: always the same, whether or not an account has
 * the address (SPEC §4), so it never says what happened, only what to do next.
 */
export const CheckEmailSchema = Type.Object(
  { status: Type.Literal('check_email'), message: Type.String() },
  { title: 'CheckEmail' },
);

/** A one-time token from a mailed link (its shape is checked by the service, not here: same answer). */
export const LinkTokenSchema = Type.String({ minLength: 1, maxLength: 200 });

/** A fresh access token and the refresh token that replaces the one presented. */
export const TokenPairSchema = Type.Object({ accessToken: Type.String(), refreshToken: Type.String() });

/** A new password: at least 8 characters. */
export const PasswordSchema = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1_024 });
/** The email typed at sign-in (checked against the accounts, not for format). */
export const LoginEmailSchema = Type.String({ minLength: 1, maxLength: 254 });
/** The email of a new account. */
export const NewEmailSchema = Email();
/** A person's display name. */
export const PersonNameSchema = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
/** One of the roles of SPEC §1. */
export const RoleSchema = StringEnum(ROLES);

/** A digits-only query parameter (query strings are not type-coerced). */
export const DigitsSchema = (description: string) => Type.String({ pattern: '^[0-9]{1,15}$', description });

/** OpenAPI security requirement of the authenticated routes. */
export const BEARER = [{ bearer: [] }];
