/** The dashboard figures moved to services (the integration API answers them too). */
export { computeStats, type AdminStats } from '../../services/dashboard-stats';
import { COLLECTIONS } from '#shared/domain/collections';
import type { CouchStore } from '../../infra/couch-store';
import { contentOf, isTombstone, toWire } from '../../infra/stored-document';

/** NDJSON lines `{"collection": …, "document": …}` of every document of every collection. */
export async function* exportNdjson(store: CouchStore): AsyncGenerator<string> {
  for (const collection of COLLECTIONS) {
    for await (const doc of store.all(collection)) {
      const document = toWire(contentOf(collection, doc), isTombstone(doc));
      yield `${JSON.stringify({ collection, document })}\n`;
    }
  }
}
