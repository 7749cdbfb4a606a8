import { EMAIL_PATTERN, ISO_DATE_TIME_PATTERN } from '../domain/common/schema-helpers';
import {
  COLLECTION_SCHEMAS,
  isDocumentOf,
  type AnyDocument,
  type CollectionName,
} from '../domain/collections';
import type { WireDocument } from './protocol';

/** The parts of a JSON Schema the neutral values are built from. */
interface SchemaNode {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly SchemaNode[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly minimum?: number;
  readonly minItems?: number;
  readonly items?: SchemaNode;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
}

/** A time that says nothing: the epoch. */
const NEUTRAL_TIME = '1970-01-01T00:00:00.000Z';
/** An address that can never be anyone's (RFC 2606 reserves `.invalid`). */
const NEUTRAL_EMAIL = 'removed@removed.invalid';

function neutralValue(node: SchemaNode): unknown {
  if (node.enum && node.enum.length > 0) return node.enum[0];
  if (node.anyOf) {
    const nullable = node.anyOf.find((branch) => branch.type === 'null');
    return nullable ? null : neutralValue(node.anyOf[0] ?? {});
  }
  switch (node.type) {
    case 'string':
      if (node.pattern === ISO_DATE_TIME_PATTERN) return NEUTRAL_TIME;
      if (node.pattern === EMAIL_PATTERN) return NEUTRAL_EMAIL;
      if (node.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return NEUTRAL_TIME.slice(0, 10);
      // "-" fits the id pattern and any plain text with a minimum length.
      return '-'.repeat(Math.max(node.minLength ?? 0, node.pattern ? 1 : 0));
    case 'integer':
    case 'number':
      return node.minimum ?? 0;
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array':
      return Array.from({ length: node.minItems ?? 0 }, () => neutralValue(node.items ?? {}));
    case 'object':
      return neutralObject(node);
    default:
      return null;
  }
}

function neutralObject(node: SchemaNode): Record<string, unknown> {
  const properties = node.properties ?? {};
  return Object.fromEntries(
    (node.required ?? []).map((field) => [field, neutralValue(properties[field] ?? {})]),
  );
}

/** A valid id of every collection (applications want `<jobId>__<candidateId>`), for the templates. */
const TEMPLATE_ID = 'x__x';

/** The neutral document of `collection`, checked against its schema once. */
function neutralTemplate(collection: CollectionName): AnyDocument {
  const schema: SchemaNode = COLLECTION_SCHEMAS[collection];
  const content = { ...neutralObject(schema), id: TEMPLATE_ID, updatedAt: 0 };
  // Holds for every collection (a test checks each); a schema the builder cannot satisfy is a bug here.
  if (!isDocumentOf(collection, content)) throw new Error(`No neutral ${collection} document can be built.`);
  return content;
}

/**
 * The tombstone that removes document `id` of `collection` from a laptop (SPEC §5): RxDB wants a
 * schema-valid document, so every required field is there, but with neutral values (a dash, the
 * epoch, the first value of an enum, empty lists). It carries nothing of the document it removes, so
 * it can be sent to a reader who may no longer read that document, and a deleted document can be
 * stored in this form without keeping anyone's personal data. `id` is used as given (a refused push
 * row's id may not even be valid; the tombstone still names it, so the laptop converges).
 */
export function neutralTombstone(
  collection: CollectionName,
  id: string,
  updatedAt: number,
): WireDocument<AnyDocument> {
  return { ...neutralTemplate(collection), id, updatedAt, _deleted: true };
}
