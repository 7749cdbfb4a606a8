/**
 * Creating databases and Mango indexes so that any number of server instances may do it at once on
 * an empty store: "someone else just made it" is success, after reading back that it is there.
 * CouchDB answers a lost race on a database with 412, and concurrent `POST /{db}/_index` for one
 * index with 500 `error_saving_ddoc` (the design document's write conflicted).
 */
import { isRecord, unexpectedAnswer, type CouchHttp } from './couch-http';

/** A Mango index on some fields, in its own design document of the same name. */
export interface IndexSpec {
  readonly name: string;
  readonly fields: readonly string[];
}

const ATTEMPTS = 5;

function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt + Math.random() * 50));
}

/** Creates the database unless it exists. */
export async function ensureDatabase(http: CouchHttp, name: string): Promise<void> {
  const path = encodeURIComponent(name);
  for (let attempt = 0; ; attempt += 1) {
    const created = await http.request({ method: 'PUT', path });
    if (created.status === 201 || created.status === 202 || created.status === 412) return;
    // Any other answer may still mean another instance made it meanwhile: look.
    const existing = await http.request({ method: 'GET', path });
    if (existing.status === 200) return;
    if (attempt + 1 >= ATTEMPTS) throw unexpectedAnswer(`Creating the database ${name}`, created);
    await pause(attempt);
  }
}

/** Creates the index unless an index of that name over those fields is there. */
export async function ensureIndex(http: CouchHttp, db: string, index: IndexSpec): Promise<void> {
  const path = `${encodeURIComponent(db)}/_index`;
  for (let attempt = 0; ; attempt += 1) {
    const created = await http.request({
      method: 'POST',
      path,
      body: { index: { fields: index.fields }, name: index.name, ddoc: index.name },
    });
    if (created.status === 200 || created.status === 201) return;
    if (await hasIndex(http, db, index)) return;
    if (attempt + 1 >= ATTEMPTS) throw unexpectedAnswer(`Creating the index ${db}/${index.name}`, created);
    await pause(attempt);
  }
}

async function hasIndex(http: CouchHttp, db: string, index: IndexSpec): Promise<boolean> {
  const listed = await http.request({ method: 'GET', path: `${encodeURIComponent(db)}/_index` });
  if (listed.status !== 200 || !isRecord(listed.body) || !Array.isArray(listed.body['indexes'])) return false;
  const indexes: unknown[] = listed.body['indexes'];
  return indexes.some((entry) => {
    if (!isRecord(entry) || entry['ddoc'] !== `_design/${index.name}` || entry['name'] !== index.name)
      return false;
    const definition = entry['def'];
    const fields: unknown[] =
      isRecord(definition) && Array.isArray(definition['fields']) ? definition['fields'] : [];
    const names = fields.map((field): unknown => (isRecord(field) ? Object.keys(field)[0] : field));
    return JSON.stringify(names) === JSON.stringify(index.fields);
  });
}
