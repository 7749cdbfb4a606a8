import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { slugOf } from './services/organisations';
import { notificationSettingsFromEnv } from './services/notifications-config';
import {
  ConfigError,
  jwtSecretFile,
  loadConfig,
  PRIVATE_DIRECTORY_MODE,
  resolveJwtSecret,
  securePrivateDirectory,
} from './config';
import { DEMO_PASSWORD, loadDemoIfEmpty } from './demo/load-demo';
import { embeddedStoreDirectory, startEmbeddedStore, type EmbeddedStore } from './infra/embedded-store';

/**
 * `npm run server`: loads the configuration (SPEC §7), starts the embedded store when no
 * COUCHDB_URL is set, loads the demo organisation into an empty store, listens, and shuts down
 * gracefully on SIGINT/SIGTERM.
 */
/**
 * The deployment's first organisation, as it is made on the first start: named by
 * `SHORTLIST_ORGANISATION` when set, else the demo organisation of SPEC §8 (slug `demo`).
 */
function firstOrganisationOf(name: string | undefined): { slug: string; name: string } {
  const trimmed = name?.trim();
  const slug = trimmed ? slugOf(trimmed) : null;
  return trimmed && slug ? { slug, name: trimmed } : { slug: 'demo', name: 'Demo organisation' };
}

async function main(): Promise<void> {
  // Everything this process (and the embedded store it starts) creates is the owner's alone.
  process.umask(0o077);
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }

  const notifications = notificationSettingsFromEnv(config.dataDir);
  const privateEntries = [
    jwtSecretFile(config.dataDir),
    embeddedStoreDirectory(config.dataDir),
    notifications.mailDirectory,
  ];
  for (const problem of securePrivateDirectory(config.dataDir, privateEntries)) {
    process.stderr.write(`${problem}\n`);
  }

  let embedded: EmbeddedStore | null = null;
  let app: FastifyInstance | null = null;
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    app?.log.info(`${signal} received; shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    const started = Date.now();
    await app?.close().catch(() => undefined);
    app?.log.info(`server closed in ${Date.now() - started} ms`);
    await embedded?.stop().catch(() => undefined);
    app?.log.info(`store stopped in ${Date.now() - started} ms`);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  let couchUrl = config.couchUrl;
  if (!couchUrl) {
    mkdirSync(embeddedStoreDirectory(config.dataDir), { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
    embedded = await startEmbeddedStore({
      directory: embeddedStoreDirectory(config.dataDir),
      log: (message) => (app ? app.log.warn(message) : process.stderr.write(`${message}\n`)),
    });
    couchUrl = embedded.url;
  }

  app = await buildApp({
    couchUrl,
    jwtSecret: resolveJwtSecret(config),
    notifications,
    loginLimits: config.loginLimits,
    ...(config.operator ? { operator: config.operator } : {}),
    firstOrganisation: firstOrganisationOf(process.env['SHORTLIST_ORGANISATION']),
    webhooks: { allowPrivateTargets: config.webhookAllowPrivate },
    ...(config.rendererDist ? { rendererDist: config.rendererDist } : {}),
    logger: process.stdout.isTTY
      ? {
          level: 'info',
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : { level: 'info' },
  });
  const demoLoaded = config.loadDemo ? await loadDemoIfEmpty(app.store, Date.now()) : false;
  await app.listen({ port: config.port, host: config.host });

  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  const lines = [
    '',
    `Shortlist sync server on ${url}`,
    `  app:  ${url}/app/    API docs: ${url}/docs`,
    `  store: ${config.couchUrl ? 'CouchDB' : `embedded, in ${config.dataDir}`}`,
  ];
  if (demoLoaded) {
    lines.push(
      `  demo organisation loaded: every demo password is ${DEMO_PASSWORD} (e.g. admin@example.com)`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (/LOCK/.test(text)) {
    process.stderr.write(
      'The embedded store is in use by another Shortlist server on this data folder. ' +
        'Stop that server, or set SHORTLIST_DATA_DIR to another folder.\n',
    );
  }
  if (/EADDRINUSE/.test(text)) process.stderr.write('The port is in use: stop what uses it, or set PORT.\n');
  process.stderr.write(`The sync server could not start: ${text}\n`);
  process.exit(1);
});
