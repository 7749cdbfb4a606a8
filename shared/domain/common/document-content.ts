/** Replication bookkeeping fields that are not part of a document's content. */
const REPLICATION_FIELDS: ReadonlySet<string> = new Set(['_deleted', '_rev', '_meta', '_attachments']);

/** The document's own fields, without replication bookkeeping (a copy; a push makes several per row). */
export function documentContent(document: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const key of Object.keys(document)) {
    if (!REPLICATION_FIELDS.has(key)) content[key] = document[key];
  }
  return content;
}
