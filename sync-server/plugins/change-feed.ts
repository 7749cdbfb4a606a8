import fp from 'fastify-plugin';
import { DbUpdatesFollower, type FollowerOptions } from '../infra/db-updates-follower';
import { ChangeHub } from '../services/change-hub';
import type { Organisation } from '../services/organisations';
import { OrganisationWorkers, type OrganisationWorker } from '../services/organisation-workers';
import { getSession, sessionRefusal } from '../services/session-service';
import { getUser } from '../services/user-service';

declare module 'fastify' {
  interface FastifyInstance {
    /** The hub that fans an organisation's changes out to its `GET /api/sync/stream` clients on this instance. */
    changeHubOf(organisation: Organisation): Promise<ChangeHub>;
    /** Follows the deployment's one `_db_updates` feed (its health is part of `/api/ready`). */
    changeFeed: DbUpdatesFollower;
    /** Every organisation's background work, told of its changes by the feed. */
    organisationWorkers: OrganisationWorkers;
  }
}

/** How often streams beat, and how the store's feed is followed. */
export interface ChangeFeedOptions {
  readonly heartbeatMs: number;
  readonly follower?: Partial<FollowerOptions>;
}

const CHANGE_HUB = 'change-hub';

function isChangeHub(worker: OrganisationWorker): worker is ChangeHub {
  return worker instanceof ChangeHub;
}

/**
 * The live change feed: one follower of the deployment's `_db_updates` per instance, whatever the
 * number of organisations, and the per-organisation workers it drives. Each organisation's hub fans
 * its changes out to this instance's streams of that organisation; a changed session re-checks its
 * streams (revocation, wipe, role). Starts when the app is ready, stops when it closes.
 */
export const changeFeedPlugin = fp<ChangeFeedOptions>(
  (app, options, done) => {
    const log = (message: string, error?: unknown): void => app.log.warn({ err: error }, message);
    const follower = new DbUpdatesFollower(app.organisations.platform.http, log, options.follower);
    const workers = new OrganisationWorkers(app.organisations, follower, log);
    workers.register(
      CHANGE_HUB,
      (_organisation, store) =>
        new ChangeHub(store, {
          heartbeatMs: options.heartbeatMs,
          log,
          recheck: async (actor) => {
            const [user, session] = await Promise.all([
              getUser(store, actor.id),
              getSession(store, actor.sessionId),
            ]);
            const refusal = sessionRefusal(session, Date.now());
            if (refusal === 'wiped') return 'wipe';
            return refusal || !user?.active || user.role !== actor.role ? 'end' : 'ok';
          },
        }),
    );
    app.decorate('changeHubOf', (organisation: Organisation) =>
      workers.of(organisation, CHANGE_HUB, isChangeHub),
    );
    app.decorate('changeFeed', follower);
    app.decorate('organisationWorkers', workers);
    app.addHook('onReady', async () => {
      follower.start();
      await workers.start();
    });
    app.addHook('preClose', async () => {
      follower.stop();
      await workers.stop();
    });
    done();
  },
  { name: 'change-feed', dependencies: ['store'] },
);
