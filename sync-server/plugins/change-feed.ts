import fp from 'fastify-plugin';
import { DbUpdatesFollower, type FollowerOptions } from '../infra/db-updates-follower';
import { ChangeHub } from '../services/change-hub';
import { getSession, sessionRefusal } from '../services/session-service';
import { getUser } from '../services/user-service';

declare module 'fastify' {
  interface FastifyInstance {
    /** Fans the store's changes out to the `GET /api/sync/stream` clients of this instance. */
    changeHub: ChangeHub;
    /** Follows the deployment's one `_db_updates` feed (its health is part of `/api/ready`). */
    changeFeed: DbUpdatesFollower;
  }
}

/** How often streams beat, and how the store's feed is followed. */
export interface ChangeFeedOptions {
  readonly heartbeatMs: number;
  readonly follower?: Partial<FollowerOptions>;
}

/**
 * The live change feed: one follower of the store's `_db_updates` per instance, fanned out by the
 * hub to this instance's streams; a changed session re-checks its streams (revocation, wipe, role).
 * Starts when the app is ready, stops when it closes.
 */
export const changeFeedPlugin = fp<ChangeFeedOptions>(
  (app, options, done) => {
    const { store } = app;
    const log = (message: string, error?: unknown): void => app.log.warn({ err: error }, message);
    const follower = new DbUpdatesFollower(store.http, log, options.follower);
    const hub = new ChangeHub(store, {
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
    });
    follower.subscribe(store.prefix, hub);
    app.decorate('changeHub', hub);
    app.decorate('changeFeed', follower);
    app.addHook('onReady', (hookDone) => {
      hub.start();
      follower.start();
      hookDone();
    });
    app.addHook('preClose', (hookDone) => {
      follower.stop();
      hub.stop();
      hookDone();
    });
    done();
  },
  { name: 'change-feed', dependencies: ['store'] },
);
