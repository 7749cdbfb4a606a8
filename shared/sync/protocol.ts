import Type, { type Static, type TSchema } from 'typebox';
import type { RefusalCode } from '../domain/common/refusal';
import { ROLES } from '../domain/common/roles';
import { StringEnum } from '../domain/common/schema-helpers';
import { COLLECTION_SCHEMAS, type CollectionName } from '../domain/collections';

/**
 * The wire contract between the app and the sync server (SPEC §4–§6): the path of every endpoint the
 * app calls, and the TypeBox schema of each request and response. Fastify validates and documents its
 * routes with these schemas; the renderer's client takes its paths and types from here. One place, so
 * the two cannot drift (a server test checks every path is a route).
 */

/** Largest pull batch the server returns. */
export const MAX_PULL_LIMIT = 2_000;
/** Largest push batch the server accepts. */
export const MAX_PUSH_ROWS = 500;
/** Shortest password the server accepts for a new account or a reset. */
export const MIN_PASSWORD_LENGTH = 8;

/** The paths of the endpoints the app calls. */
export const API_PATHS = {
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  passwordReset: '/api/auth/password-reset',
  passwordResetConfirm: '/api/auth/password-reset/confirm',
  stream: '/api/sync/stream',
  pull: (collection: CollectionName) => `/api/sync/${collection}/pull`,
  push: (collection: CollectionName) => `/api/sync/${collection}/push`,
  resume: (candidateId: string) => `/api/files/candidates/${encodeURIComponent(candidateId)}/resume`,
} as const;

/** The error body of every 4xx and 5xx (SPEC §5). */
export const ApiErrorSchema = Type.Object(
  { error: Type.Object({ code: Type.String(), message: Type.String() }) },
  { title: 'ApiError' },
);
export type ApiErrorBody = Static<typeof ApiErrorSchema>;

// ---- sign-in -------------------------------------------------------------------------------------

/** The account of a signed-in person. */
export const AccountSchema = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    role: StringEnum(ROLES),
    emailVerified: Type.Boolean({
      description:
        'Whether the owner confirmed the address by a mailed link (staff accounts, made by admins, count as ' +
        'confirmed). Candidates must confirm before applying.',
    }),
    organisationId: Type.String({
      description: 'The organisation the account belongs to (`platform` for the deployment’s operator).',
    }),
    organisationSlug: Type.String({ description: 'Its slug: its careers page is `/careers/<slug>/`.' }),
    organisationName: Type.String({ description: 'Its name, as the operator set it.' }),
  },
  { title: 'Account' },
);
export type Account = Static<typeof AccountSchema>;

/** A fresh access token and the refresh token that replaces the one presented. */
export const TokenPairSchema = Type.Object(
  { accessToken: Type.String(), refreshToken: Type.String() },
  { title: 'TokenPair' },
);
export type TokenPair = Static<typeof TokenPairSchema>;

/** `POST /api/auth/login` body. */
export const LoginRequestSchema = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 1_024 }),
});
export type LoginRequest = Static<typeof LoginRequestSchema>;

/** `POST /api/auth/login` answer. */
export const LoginResponseSchema = Type.Object(
  { ...TokenPairSchema.properties, user: AccountSchema },
  { title: 'SignedIn' },
);
export type LoginResponse = Static<typeof LoginResponseSchema>;

/** `POST /api/auth/refresh` and `/logout` body. */
export const RefreshRequestSchema = Type.Object({
  refreshToken: Type.String({ minLength: 1, maxLength: 512 }),
});
export type RefreshRequest = Static<typeof RefreshRequestSchema>;

/** `POST /api/auth/password-reset` body: where to mail a reset link (SPEC §4). */
export const PasswordResetRequestSchema = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 254 }),
});
export type PasswordResetRequest = Static<typeof PasswordResetRequestSchema>;

/** A one-time token from a mailed link (its shape is checked by the service, not here: same answer). */
export const LinkTokenSchema = Type.String({ minLength: 1, maxLength: 200 });

/** A new password. */
export const PasswordSchema = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1_024 });

/** `POST /api/auth/password-reset/confirm` body: the token of the mailed link and the new password. */
export const PasswordResetConfirmationSchema = Type.Object({
  token: LinkTokenSchema,
  password: PasswordSchema,
});
export type PasswordResetConfirmation = Static<typeof PasswordResetConfirmationSchema>;

/** `POST /api/auth/verify` body: the token of the mailed verification link. */
export const EmailVerificationSchema = Type.Object({ token: LinkTokenSchema });
export type EmailVerification = Static<typeof EmailVerificationSchema>;

/**
 * The answer of register and password-reset requests: always the same, whether or not an account has
 * the address (SPEC §4), so it never says what happened, only what to do next.
 */
export const CheckEmailSchema = Type.Object(
  { status: Type.Literal('check_email'), message: Type.String() },
  { title: 'CheckEmail' },
);
export type CheckEmailResponse = Static<typeof CheckEmailSchema>;

// ---- replication ---------------------------------------------------------------------------------

/**
 * The replication wire format of SPEC §5 (RxDB's protocol: checkpoint pull, push with assumed master
 * state). A document on the wire is the collection's document plus `_deleted`.
 */
export type WireDocument<T> = T & { _deleted: boolean };

/** Opaque to clients: they send back what the last pull returned. */
export type SyncCheckpoint = Readonly<Record<string, unknown>>;

/**
 * A collection's document on the wire, for responses: the shared schema plus `_deleted`. `required`
 * is dropped so a response never fails to serialize over a redacted copy (documented, not enforced).
 */
export function wireDocumentSchema(collection: CollectionName): TSchema {
  const {
    required: _required,
    title,
    properties,
    ...schema
  } = COLLECTION_SCHEMAS[collection] as TSchema & {
    required?: string[];
    title?: string;
    properties: Record<string, unknown>;
  };
  return Type.Unsafe({
    ...schema,
    title: `${title ?? collection} (wire)`,
    properties: { ...properties, _deleted: { type: 'boolean' } },
  });
}

/** `GET /api/sync/{collection}/pull` query. */
export const PullQuerySchema = Type.Object({
  checkpoint: Type.Optional(Type.String({ maxLength: 10_000 })),
  limit: Type.Optional(
    Type.String({
      pattern: '^[0-9]{1,15}$',
      description: `Batch size, 1–${MAX_PULL_LIMIT} (default 100).`,
    }),
  ),
});

/** `GET /api/sync/{collection}/pull` answer, for the documents of one collection. */
export const pullResponseSchema = (collection: CollectionName) =>
  Type.Object({
    documents: Type.Array(wireDocumentSchema(collection)),
    checkpoint: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
    estimatedTotal: Type.Optional(
      Type.Integer({
        minimum: 0,
        description:
          'About how many documents of this collection the reader holds once caught up, counted when the answer ' +
          'was made. Sent on a first pull and on full batches (more to come); an estimate, for progress only.',
      }),
    ),
  });
export interface PullResponse<T> {
  documents: WireDocument<T>[];
  checkpoint: SyncCheckpoint | null;
  /**
   * About how many documents of this collection the reader holds once caught up, counted when this
   * answer was made (the store's document count, or an interviewer's scope). Only on a first pull and
   * on full batches; an estimate (writes go on, and a count may hold documents the reader is not
   * sent), so a client shows it as "about". Older servers never send it.
   */
  estimatedTotal?: number;
}

/** A pushed document: any object with an `id`; its content is judged per row by the shared rules. */
export const PushedDocumentSchema = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 200 }), _deleted: Type.Optional(Type.Boolean()) },
  { additionalProperties: true },
);

/** One row of `POST /api/sync/{collection}/push`: the document and the state it was changed from. */
export const PushRowSchema = Type.Object({
  assumedMasterState: Type.Optional(Type.Union([PushedDocumentSchema, Type.Null()])),
  newDocumentState: PushedDocumentSchema,
});
/** The one push-row type: what the app sends, the server reads and the benchmarks replay. */
export type PushRow = Static<typeof PushRowSchema>;

/** `POST /api/sync/{collection}/push` body. */
export const PushRequestSchema = Type.Array(PushRowSchema, { maxItems: MAX_PUSH_ROWS });

/** A write the server refused, with its reason. */
export const PushRejectionSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  message: Type.String(),
});
export interface PushRejection {
  id: string;
  code: RefusalCode | 'conflict';
  message: string;
}

/** `POST /api/sync/{collection}/push` answer, for the documents of one collection. */
export const pushResponseSchema = (collection: CollectionName) =>
  Type.Object({
    conflicts: Type.Array(wireDocumentSchema(collection)),
    rejections: Type.Array(PushRejectionSchema),
  });
export interface PushResponse<T> {
  conflicts: WireDocument<T>[];
  rejections: PushRejection[];
}

/** Server-Sent Events on `GET /api/sync/stream`. */
export type SyncStreamEvent =
  { type: 'change'; collection: CollectionName } | { type: 'RESYNC' } | { type: 'wipe' };
