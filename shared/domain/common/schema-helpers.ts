import Type, { type TSchema, type TUnsafe } from 'typebox';

/** Ids are short, URL-safe and usable as RxDB primary keys and CouchDB `_id`s. */
export const ID_MAX_LENGTH = 64;

/** Letters, digits, `-` and `_`, not starting with `_` (CouchDB reserves leading underscores). */
export const ID_PATTERN = '^[A-Za-z0-9-][A-Za-z0-9_-]*$';

export const Id = (options: { description?: string } = {}) =>
  Type.String({ minLength: 1, maxLength: ID_MAX_LENGTH, pattern: ID_PATTERN, ...options });

/** ISO-8601 date-time in UTC as produced by `Date.prototype.toISOString`, with or without milliseconds. */
export const ISO_DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$';
export const IsoDateTime = (options: { description?: string } = {}) =>
  Type.String({ pattern: ISO_DATE_TIME_PATTERN, maxLength: 30, ...options });

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = (options: { description?: string } = {}) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10, ...options });

/** A string limited to `values`, typed as their union; with `maxLength` so RxDB can index it. */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({
    type: 'string',
    enum: [...values],
    maxLength: Math.max(...values.map((value) => value.length)),
    ...options,
  });
}

/** Server time in milliseconds; bounded so RxDB can index it. */
export const Millis = () => Type.Integer({ minimum: 0, maximum: 9_999_999_999_999, multipleOf: 1 });

/** A short single-line text: trimmed by the forms, bounded here. */
export const Text = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength });

export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';
export const Email = () => Type.String({ minLength: 3, maxLength: 254, pattern: EMAIL_PATTERN });

/** Emails are unique case-insensitively (SPEC §2); this is the form they are compared in. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Fields every replicated document carries (SPEC §2). `_deleted` is the replication protocol's. */
export const documentBase = {
  id: Id(),
  updatedAt: Millis(),
};

export type { TSchema };
