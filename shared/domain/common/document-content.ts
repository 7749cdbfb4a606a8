/** Replication bookkeeping fields that are not part of a document's content. */
const REPLICATION_FIELDS = ['_deleted', '_rev', '_meta', '_attachments'];

/** The document's own fields, without replication bookkeeping. */
export function documentContent(document: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !REPLICATION_FIELDS.includes(key)));
}
