import Type, { type TSchema } from 'typebox';
import type { Representation } from './resource-service';

/** A PATCH field that may be removed: its schema, or null (JSON Merge Patch, RFC 7396). */
export function nullable(schema: TSchema) {
  return Type.Optional(Type.Union([schema, Type.Null()]));
}

/** `current` with a merge patch applied: a field set to null is removed, any other is replaced. */
export function mergePatch(
  current: Representation,
  patch: Readonly<Record<string, unknown>>,
): Representation {
  const next: Record<string, unknown> = { ...current };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return { ...next, id: current.id };
}
