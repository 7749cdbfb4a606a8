import Type, { type TSchema } from 'typebox';
import { COLLECTION_SCHEMAS, type CollectionName } from '#shared/domain/collections';

/**
 * A collection's document on the wire, for responses: the shared schema plus `_deleted`. `required`
 * is dropped so the serializer never fails on a redacted copy (its fields are documented, not enforced).
 */
export function wireDocumentSchema(collection: CollectionName): TSchema {
  const schema = JSON.parse(JSON.stringify(COLLECTION_SCHEMAS[collection])) as {
    properties: Record<string, unknown>;
    required?: string[];
    title?: string;
  };
  delete schema.required;
  return Type.Unsafe({
    ...schema,
    title: `${schema.title ?? collection} (wire)`,
    properties: { ...schema.properties, _deleted: { type: 'boolean' } },
  });
}

/** A pushed document: any object with an `id`; its content is judged per row by the shared rules. */
export const PushedDocumentSchema = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 200 }), _deleted: Type.Optional(Type.Boolean()) },
  { additionalProperties: true },
);
