import type { CouchStore } from '../infra/couch-store';
import type { DatabaseSubscriber, DbUpdatesFollower } from '../infra/db-updates-follower';
import type { Organisation, OrganisationDirectory } from './organisations';

/**
 * Background work for one organisation (its change hub, audit projection, outbox worker). It is told
 * when its organisation's databases change (`databasesChanged`, keys without the prefix) instead of
 * polling, so 200 quiet organisations cost no requests.
 */
export interface OrganisationWorker extends Partial<DatabaseSubscriber> {
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
  /** The operator suspended the organisation: end what serves its people now (their streams). */
  organisationSuspended?(): void;
}

/** Makes one kind of worker for an organisation. */
export type OrganisationWorkerFactory = (
  organisation: Organisation,
  store: CouchStore,
) => OrganisationWorker | Promise<OrganisationWorker>;

interface Running {
  organisation: Organisation;
  readonly workers: Map<string, OrganisationWorker>;
}

/**
 * Runs every registered kind of worker for every organisation of the deployment: those that exist at
 * start, those this instance creates, and those another instance creates (seen on the platform's
 * registry database through the deployment's one `_db_updates` follower). Each organisation's workers
 * subscribe to the follower under its database prefix.
 */
export class OrganisationWorkers {
  private readonly factories = new Map<string, OrganisationWorkerFactory>();
  private readonly running = new Map<string, Running>();
  private readonly adding = new Map<string, Promise<Running>>();
  private isStarted = false;

  constructor(
    private readonly organisations: OrganisationDirectory,
    private readonly follower: DbUpdatesFollower,
    private readonly log: (message: string, error?: unknown) => void,
  ) {
    follower.subscribe(organisations.platform.prefix, {
      databasesChanged: (keys) => {
        if (keys.has('organisations')) this.refresh();
      },
      resync: () => this.refresh(),
    });
  }

  /** Registers a kind of worker (before `start`). */
  register(kind: string, factory: OrganisationWorkerFactory): void {
    if (this.isStarted) throw new Error(`Worker kind "${kind}" was registered after start.`);
    this.factories.set(kind, factory);
  }

  /** Starts the workers of every organisation known now. */
  async start(): Promise<void> {
    this.isStarted = true;
    for (const organisation of await this.organisations.list()) await this.add(organisation);
  }

  /** Stops every worker. */
  async stop(): Promise<void> {
    this.isStarted = false;
    await Promise.allSettled([...this.adding.values()]);
    const stopping = [...this.running.values()].flatMap(({ workers }) =>
      [...workers.values()].map(async (worker) => worker.stop()),
    );
    this.running.clear();
    await Promise.allSettled(stopping);
  }

  /** The worker of `kind` for `organisation`, starting its organisation's workers if they do not run yet. */
  async of<T extends OrganisationWorker>(
    organisation: Organisation,
    kind: string,
    isKind: (worker: OrganisationWorker) => worker is T,
  ): Promise<T> {
    const running = this.running.get(organisation.id) ?? (await this.add(organisation));
    const worker = running.workers.get(kind);
    if (!worker || !isKind(worker)) throw new Error(`No worker "${kind}" runs for ${organisation.id}.`);
    return worker;
  }

  /** Starts the workers of `organisation` (once, however many callers ask at the same moment). */
  add(organisation: Organisation): Promise<Running> {
    const running = this.running.get(organisation.id);
    if (running) return Promise.resolve(running);
    let adding = this.adding.get(organisation.id);
    if (!adding) {
      adding = this.startWorkers(organisation).finally(() => this.adding.delete(organisation.id));
      this.adding.set(organisation.id, adding);
    }
    return adding;
  }

  private async startWorkers(organisation: Organisation): Promise<Running> {
    const store = this.organisations.storeOf(organisation);
    const workers = new Map<string, OrganisationWorker>();
    for (const [kind, factory] of this.factories) workers.set(kind, await factory(organisation, store));
    const running: Running = { organisation, workers };
    this.running.set(organisation.id, running);
    this.follower.subscribe(store.prefix, {
      databasesChanged: (keys) => {
        for (const worker of workers.values()) worker.databasesChanged?.(keys);
      },
      resync: () => {
        for (const worker of workers.values()) worker.resync?.();
      },
    });
    for (const [kind, worker] of workers) {
      try {
        await worker.start();
      } catch (error) {
        this.log(`the ${kind} of organisation ${organisation.id} did not start`, error);
      }
    }
    return running;
  }

  /** An organisation's record changed (here or on another instance): a suspension ends its streams. */
  changed(organisation: Organisation): void {
    const running = this.running.get(organisation.id);
    if (!running) return;
    const wasSuspended = running.organisation.suspended;
    running.organisation = organisation;
    if (organisation.suspended && !wasSuspended) {
      for (const worker of running.workers.values()) worker.organisationSuspended?.();
    }
  }

  /** Another instance may have created, renamed or suspended organisations: start theirs, note the rest. */
  private refresh(): void {
    if (!this.isStarted) return;
    this.organisations.list().then(
      async (organisations) => {
        for (const organisation of organisations) {
          if (!this.isStarted) return;
          if (this.running.has(organisation.id)) this.changed(organisation);
          else await this.add(organisation);
        }
      },
      (error: unknown) => this.log('could not read the organisations', error),
    );
  }
}
