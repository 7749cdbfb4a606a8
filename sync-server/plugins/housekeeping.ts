import fp from 'fastify-plugin';
import { AuditProjector } from '../services/audit-service';
import { purgeEndedSessions, SESSION_PURGE_INTERVAL_MS } from '../services/session-housekeeping';

declare module 'fastify' {
  interface FastifyInstance {
    /** Derives the audit log's accepted entries from the documents' write records. */
    auditProjector: AuditProjector;
  }
}

/**
 * The server's background upkeep, on timers that start when the app is ready and stop when it
 * closes: the audit projection (every second), and deleting sessions that ended a week ago (at start
 * and every 6 hours). Safe on any number of instances at once.
 */
export const housekeepingPlugin = fp(
  (app, _options, done) => {
    const { store } = app;
    const log = (message: string, error?: unknown): void => app.log.warn({ err: error }, message);
    const auditProjector = new AuditProjector(store, { intervalMs: 1_000, log });
    app.decorate('auditProjector', auditProjector);
    const purgeSessions = (): void => {
      purgeEndedSessions(store, Date.now()).then(
        (count) => {
          if (count > 0) app.log.info(`deleted ${count} ended sessions`);
        },
        (error: unknown) => log('could not delete ended sessions', error),
      );
    };
    let purgeTimer: NodeJS.Timeout | undefined;
    app.addHook('onReady', (hookDone) => {
      auditProjector.start();
      purgeTimer = setInterval(purgeSessions, SESSION_PURGE_INTERVAL_MS).unref();
      purgeSessions();
      hookDone();
    });
    app.addHook('preClose', async () => {
      clearInterval(purgeTimer);
      await auditProjector.stop();
    });
    done();
  },
  { name: 'housekeeping', dependencies: ['store'] },
);
