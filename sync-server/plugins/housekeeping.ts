import fp from 'fastify-plugin';
import { AuditProjector } from '../services/audit-service';
import type { Organisation } from '../services/organisations';
import type { OrganisationWorker } from '../services/organisation-workers';
import { purgeEndedSessions, SESSION_PURGE_INTERVAL_MS } from '../services/session-housekeeping';

declare module 'fastify' {
  interface FastifyInstance {
    /** Derives an organisation's audit log entries from its documents' write records. */
    auditProjectorOf(organisation: Organisation): Promise<AuditProjector>;
  }
}

const AUDIT_PROJECTION = 'audit-projection';

/** A pass this often when the change feed is quiet (it runs one at once after every write it reports). */
const AUDIT_SAFETY_INTERVAL_MS = 30_000;

function isAuditProjector(worker: OrganisationWorker): worker is AuditProjector {
  return worker instanceof AuditProjector;
}

/**
 * The server's background upkeep, started when the app is ready and stopped when it closes: each
 * organisation's audit projection (after every change the feed reports, and before every audit
 * query), and deleting sessions that ended a week ago, in every organisation and the platform (at
 * start and every 6 hours). Safe on any number of instances at once.
 */
export const housekeepingPlugin = fp(
  (app, _options, done) => {
    const log = (message: string, error?: unknown): void => app.log.warn({ err: error }, message);
    app.organisationWorkers.register(
      AUDIT_PROJECTION,
      (_organisation, store) => new AuditProjector(store, { intervalMs: AUDIT_SAFETY_INTERVAL_MS, log }),
    );
    app.decorate('auditProjectorOf', (organisation: Organisation) =>
      app.organisationWorkers.of(organisation, AUDIT_PROJECTION, isAuditProjector),
    );
    const purgeAll = async (now: number): Promise<number> => {
      const stores = [
        app.organisations.platform,
        ...(await app.organisations.list()).map((organisation) => app.organisations.storeOf(organisation)),
      ];
      let count = 0;
      for (const store of stores) count += await purgeEndedSessions(store, now);
      return count;
    };
    const purgeSessions = (): void => {
      purgeAll(Date.now()).then(
        (count) => {
          if (count > 0) app.log.info(`deleted ${count} ended sessions`);
        },
        (error: unknown) => log('could not delete ended sessions', error),
      );
    };
    let purgeTimer: NodeJS.Timeout | undefined;
    app.addHook('onReady', (hookDone) => {
      purgeTimer = setInterval(purgeSessions, SESSION_PURGE_INTERVAL_MS).unref();
      purgeSessions();
      hookDone();
    });
    app.addHook('preClose', (hookDone) => {
      clearInterval(purgeTimer);
      hookDone();
    });
    done();
  },
  { name: 'housekeeping', dependencies: ['store', 'change-feed'] },
);
