/**
 * The outbox worker on its own: `npx tsx sync-server/worker.ts`.
 * Needs `COUCHDB_URL` (the embedded store belongs to the server process; with it, keep the
 * in-process worker). Serves every organisation of the deployment. Reads the notification settings of `notifications-config.ts` and the server's
 * `SHORTLIST_DATA_DIR`; database names use `SHORTLIST_DB_PREFIX` (default `shortlist_`). Run the
 * servers with `SHORTLIST_NOTIFICATIONS_WORKER=0` to leave the sending to this process alone (running
 * both is safe too). Stops gracefully on SIGINT/SIGTERM.
 */
import { loadConfig } from './config';
import { DbUpdatesFollower } from './infra/db-updates-follower';
import { notificationWorkers } from './modules/notifications/organisation-notifications';
import { notificationSettingsFromEnv } from './services/notifications-config';
import { OrganisationWorkers } from './services/organisation-workers';
import { OrganisationDirectory } from './services/organisations';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.couchUrl) {
    process.stderr.write('COUCHDB_URL is required to run the notification worker on its own.\n');
    process.exit(78);
  }
  const settings = { ...notificationSettingsFromEnv(config.dataDir), runWorker: true };
  const log = (message: string, error?: unknown): void => {
    const detail = error instanceof Error ? `: ${error.message}` : '';
    process.stderr.write(`${new Date().toISOString()} ${message}${detail}\n`);
  };
  // Every organisation's outbox, woken by the deployment's one change feed (as in the server).
  const organisations = new OrganisationDirectory(
    config.couchUrl,
    process.env['SHORTLIST_DB_PREFIX'] || 'shortlist_',
  );
  await organisations.ensureSchema();
  const follower = new DbUpdatesFollower(organisations.platform.http, log);
  const workers = new OrganisationWorkers(organisations, follower, log);
  workers.register('notifications', notificationWorkers({ settings, log }));
  follower.start();
  await workers.start();
  log(`notification worker running (${settings.smtpUrl ? 'SMTP' : `files in ${settings.mailDirectory}`})`);
  const shutdown = (signal: string): void => {
    log(`${signal} received; stopping after the current round`);
    follower.stop();
    void workers.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  // The worker's timer is unref'd; keep the process alive until a signal.
  setInterval(() => undefined, 1 << 30);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The notification worker could not start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
