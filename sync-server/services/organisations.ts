import { randomBytes } from 'node:crypto';
import { CouchStore, type StoredDoc } from '../infra/couch-store';
import { ensureOwnDatabase } from '../infra/own-database';
import { FILES_DATABASE } from './resume-service';
import { ensureOutboxDatabase } from './outbox-database';
import { ONE_TIME_TOKEN_DATABASE } from './one-time-tokens';
import { FIRST_ORGANISATION_ID, PLATFORM_ORGANISATION_ID } from './organisation-ids';
import { fail, succeed, type Outcome } from './outcome';
import { ensureApiKeyDatabase } from './api-keys';
import { ensureIdempotencyDatabase } from './idempotency-records';
import { ensureWebhookDatabases } from './webhook-store';

/**
 * One hiring organisation of the deployment (SPEC §10). Its documents live in databases of their own,
 * named `<dbPrefix><key>`: isolation is structural, and an organisation can be exported, erased or
 * moved alone.
 */
export interface Organisation {
  readonly id: string;
  /** Lowercase letters, digits and `-`: its careers page is `/careers/<slug>/`. */
  readonly slug: string;
  readonly name: string;
  readonly suspended: boolean;
  /** The prefix of its databases. The deployment's first organisation keeps the deployment's own. */
  readonly dbPrefix: string;
  readonly createdAt: number;
}

/** A slug as SPEC §10 allows it: 2–50 lowercase letters, digits and `-`, a letter or digit at each end. */
export const SLUG_PATTERN = '^[a-z0-9][a-z0-9-]{0,48}[a-z0-9]$';

/** A slug made from a name ("Acme Staffing Ltd." → `acme-staffing-ltd`), or null when none can be. */
export function slugOf(name: string): string | null {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/g, '');
  return new RegExp(SLUG_PATTERN).test(slug) ? slug : null;
}

interface OrganisationDoc extends StoredDoc {
  readonly kind: 'organisation';
  readonly slug: string;
  readonly name: string;
  readonly suspended: boolean;
  readonly dbPrefix: string;
  readonly createdAt: number;
  /** The first organisation: the unprefixed portal and careers page are its. */
  readonly isFirst?: boolean;
}

function isOrganisationDoc(doc: StoredDoc | null): doc is OrganisationDoc {
  return (
    doc?.['kind'] === 'organisation' && typeof doc['slug'] === 'string' && typeof doc['dbPrefix'] === 'string'
  );
}

function organisationOf(doc: OrganisationDoc): Organisation {
  return {
    id: doc._id,
    slug: doc.slug,
    name: doc.name,
    suspended: doc.suspended,
    dbPrefix: doc.dbPrefix,
    createdAt: doc.createdAt,
  };
}

/** The registry record of a slug: the store's 409 keeps slugs unique between instances. */
function slugId(slug: string): string {
  return `slug-${slug}`;
}

const FIRST_ID = FIRST_ORGANISATION_ID;

/** How long a slug reserved by a creation that never recorded its organisation stays taken. */
const ORPHAN_AFTER_MS = 10 * 60_000;

/**
 * Creates every database an organisation's store uses, with its indexes: the collections, the
 * server's own, and those of files, the outbox and one-time links. Safe to run again, and from many
 * instances at once.
 */
export async function ensureOrganisationSchema(store: CouchStore): Promise<void> {
  await store.ensureSchema();
  await ensureOwnDatabase(store, FILES_DATABASE);
  await ensureOutboxDatabase(store);
  await ensureOwnDatabase(store, ONE_TIME_TOKEN_DATABASE);
  await ensureApiKeyDatabase(store);
  await ensureIdempotencyDatabase(store);
  await ensureWebhookDatabases(store);
}

/**
 * The deployment's organisations, kept in the platform store's registry database
 * (`<prefix>platform_organisations`). Every lookup reads the record (a suspension takes effect on the
 * next request); stores are cached per organisation (one nano client each).
 */
export class OrganisationDirectory {
  /** The platform store: the operator's account, and every account's email reservation. */
  readonly platform: CouchStore;
  private readonly stores = new Map<string, CouchStore>();

  constructor(
    private readonly couchUrl: string,
    private readonly basePrefix: string,
  ) {
    this.platform = new CouchStore(couchUrl, `${basePrefix}platform_`);
  }

  /** Creates the platform's databases; the first organisation's are the caller's (it may be new). */
  async ensureSchema(): Promise<void> {
    await ensureOrganisationSchema(this.platform);
  }

  private async read(id: string): Promise<OrganisationDoc | null> {
    const doc = await this.platform.get('organisations', id);
    return isOrganisationDoc(doc) ? doc : null;
  }

  /**
   * The deployment's first organisation, made on the first start: its databases are the deployment's
   * own prefix, so a store of an earlier version (one organisation) becomes it with nothing moved.
   */
  async ensureFirst(input: { slug: string; name: string }, now: number): Promise<Organisation> {
    const existing = await this.read(FIRST_ID);
    if (existing) return organisationOf(existing);
    const doc: OrganisationDoc = {
      _id: FIRST_ID,
      kind: 'organisation',
      slug: input.slug,
      name: input.name,
      suspended: false,
      dbPrefix: this.basePrefix,
      createdAt: now,
      isFirst: true,
    };
    // Another instance starting at the same moment may write it first: theirs is as good.
    await this.platform.put('organisations', doc);
    await this.platform.put('organisations', { _id: slugId(input.slug), organisationId: FIRST_ID });
    const written = await this.read(FIRST_ID);
    if (!written) throw new Error('The first organisation could not be recorded.');
    return organisationOf(written);
  }

  /** The organisation `id` (the first one, for tokens and keys of a one-organisation deployment). */
  async byId(id: string): Promise<Organisation | null> {
    if (id === PLATFORM_ORGANISATION_ID) return null;
    const doc = await this.read(id);
    return doc ? organisationOf(doc) : null;
  }

  /** The organisation of a careers page or portal path. */
  async bySlug(slug: string): Promise<Organisation | null> {
    if (!new RegExp(SLUG_PATTERN).test(slug)) return null;
    const pointer = await this.platform.get('organisations', slugId(slug));
    const id = pointer?.['organisationId'];
    return typeof id === 'string' ? this.byId(id) : null;
  }

  /** The first organisation (the unprefixed portal and careers page serve it). */
  async first(): Promise<Organisation | null> {
    return this.byId(FIRST_ID);
  }

  /** Every organisation, oldest first. */
  async list(): Promise<Organisation[]> {
    const organisations: Organisation[] = [];
    for await (const doc of this.platform.all('organisations')) {
      if (isOrganisationDoc(doc)) organisations.push(organisationOf(doc));
    }
    return organisations.sort((a, b) => a.createdAt - b.createdAt);
  }

  /** The store of an organisation: its databases and no others. */
  storeOf(organisation: Pick<Organisation, 'dbPrefix'>): CouchStore {
    let store = this.stores.get(organisation.dbPrefix);
    if (!store) {
      store = new CouchStore(this.couchUrl, organisation.dbPrefix);
      this.stores.set(organisation.dbPrefix, store);
    }
    return store;
  }

  /**
   * Records a new organisation (its slug reserved first, so two creations of one slug make one) and
   * creates its databases. The first admin is the caller's to create in the new store.
   */
  async create(input: { slug: string; name: string }, now: number): Promise<Outcome<Organisation>> {
    const id = `o${randomBytes(5).toString('hex')}`;
    const pointer = { _id: slugId(input.slug), organisationId: id, reservedAt: now };
    const reserved =
      (await this.platform.put('organisations', pointer)).ok || (await this.takeOverOrphan(pointer, now));
    if (!reserved) return fail('conflict', 'slug_taken', `The slug "${input.slug}" is taken.`);
    const doc: OrganisationDoc = {
      _id: id,
      kind: 'organisation',
      slug: input.slug,
      name: input.name,
      suspended: false,
      dbPrefix: `${this.basePrefix}${id}_`,
      createdAt: now,
    };
    await ensureOrganisationSchema(this.storeOf(doc));
    await this.platform.put('organisations', doc);
    return succeed(organisationOf(doc));
  }

  /**
   * A slug whose creation was interrupted (a process killed between reserving the slug and recording
   * the organisation) is free again after `ORPHAN_AFTER_MS`: the pointer is taken over with its `_rev`.
   */
  private async takeOverOrphan(pointer: StoredDoc, now: number): Promise<boolean> {
    const current = await this.platform.get('organisations', pointer._id);
    const owner = current?.['organisationId'];
    const reservedAt = current?.['reservedAt'];
    if (!current?._rev || typeof owner !== 'string' || (await this.read(owner))) return false;
    if (typeof reservedAt === 'number' && reservedAt > now - ORPHAN_AFTER_MS) return false;
    return (await this.platform.put('organisations', { ...pointer, _rev: current._rev })).ok;
  }

  /**
   * Undoes a creation that could not be completed: the record, the slug and the databases go. Never
   * the first organisation's.
   */
  async discard(id: string): Promise<void> {
    if (id === FIRST_ID) return;
    const doc = await this.read(id);
    if (!doc) return;
    const pointer = await this.platform.get('organisations', slugId(doc.slug));
    if (pointer?.['organisationId'] === id && pointer._rev) {
      await this.platform.remove('organisations', pointer._id, pointer._rev);
    }
    if (doc._rev) await this.platform.remove('organisations', id, doc._rev);
    const names = await this.platform.server.db.list();
    for (const name of names.filter((candidate) => candidate.startsWith(doc.dbPrefix))) {
      await this.platform.server.db.destroy(name).catch(() => undefined);
    }
    this.stores.delete(doc.dbPrefix);
  }

  /** Renames or (un)suspends an organisation, with the `_rev` just read. */
  async update(id: string, patch: { name?: string; suspended?: boolean }): Promise<Outcome<Organisation>> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const doc = await this.read(id);
      if (!doc) return fail('not_found', 'not_found', 'No such organisation.');
      const next: OrganisationDoc = {
        ...doc,
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.suspended === undefined ? {} : { suspended: patch.suspended }),
      };
      if ((await this.platform.put('organisations', next)).ok) return succeed(organisationOf(next));
    }
    return fail('conflict', 'conflict', 'The organisation was changed at the same moment; try again.');
  }
}
