/**
 * Notifications (issue 7): the outbox worker (in-process unless disabled) and the admin listing.
 * Register in `sync-server/app.ts` (the app needs the data directory; add `dataDir` to `AppConfig`):
 *
 * ```ts
 * import { notificationsPlugin } from './notifications/notifications-plugin';
 * import { notificationSettingsFromEnv } from './notifications/notifications-config';
 * await app.register(notificationsPlugin, {
 *   prefix: '/api/admin/notifications',
 *   settings: notificationSettingsFromEnv(config.dataDir),
 * });
 * ```
 *
 * Options: `settings` (required, see `notificationSettingsFromEnv` for the environment variables),
 * `timing` (optional worker timing, for tests), `transport` (optional, overrides SMTP/file, for tests),
 * `identityMail` (optional: the account mails, which the worker then sends as soon as they are queued).
 * The worker starts when the app is ready and stops when it closes.
 *
 * The detail view never shows a usable one-time token: links in the text are redacted.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { authenticate, organisationOf, storeOf } from '../../plugins/auth';
import { conflict, notFound } from '../../plugins/api-error';
import { BEARER, DigitsSchema, errorResponses } from '../../plugins/schemas';
import type { IdentityMail } from '../../services/identity-mail';
import type { MailTransport } from './mail-transport';
import { redactLinkTokens } from '../../services/message-templates';
import type { WorkerTiming } from './notification-worker';
import { notificationWorkers } from './organisation-notifications';
import { settingsOfOrganisation, type NotificationSettings } from '../../services/notifications-config';
import { getOutboxDoc, OUTBOX_DATABASE, putOutboxDoc, recentEntries } from '../../services/outbox-database';
import { ownDatabase } from '../../infra/own-database';
import { isOutboxEntry, OUTBOX_STATUSES, type OutboxEntry } from '../../services/outbox-entry';
import { StringEnum } from '#shared/domain/common/schema-helpers';
import { OutboxDetailSchema, OutboxListingSchema, OutboxSummarySchema } from '#shared/sync/admin-protocol';

export interface NotificationsPluginOptions {
  readonly settings: NotificationSettings;
  readonly timing?: Partial<WorkerTiming>;
  readonly transport?: MailTransport;
  readonly identityMail?: IdentityMail;
}

const EntrySummarySchema = OutboxSummarySchema;
const EntryDetailSchema = OutboxDetailSchema;

const EntryParamsSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 300, pattern: '^[^_]' }),
});

function summaryOf(entry: OutboxEntry) {
  return {
    id: entry._id,
    template: entry.template,
    to: entry.to,
    subject: entry.subject,
    status: entry.status,
    attempts: entry.attempts,
    createdAt: entry.createdAt,
    ...(entry.sentAt === undefined ? {} : { sentAt: entry.sentAt }),
    ...(entry.lastError === undefined ? {} : { lastError: entry.lastError }),
    ...(entry.file === undefined ? {} : { file: entry.file }),
    hasInvite: entry.invite !== undefined,
  };
}

/** The outbox worker's lifecycle, and `GET /`, `GET /{id}`, `POST /{id}/requeue` (admin only). */
export function notificationsPlugin(
  root: FastifyInstance,
  options: NotificationsPluginOptions,
): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const { settings } = options;
  if (settings.runWorker) {
    app.organisationWorkers.register(
      'notifications',
      notificationWorkers({
        settings,
        ...(options.timing ? { timing: options.timing } : {}),
        ...(options.transport ? { transport: options.transport } : {}),
        ...(options.identityMail ? { identityMail: options.identityMail } : {}),
        log: (message, error) => app.log.warn({ err: error }, message),
      }),
    );
  }
  const outboxOf = (request: FastifyRequest) => ownDatabase(storeOf(request), OUTBOX_DATABASE);

  app.addHook('onRequest', authenticate(app, ['admin']));

  app.get(
    '/',
    {
      schema: {
        tags: ['admin'],
        summary: 'Notifications in the outbox, newest first (and where unsent-by-SMTP mail is written)',
        security: BEARER,
        querystring: Type.Object({
          status: Type.Optional(StringEnum(OUTBOX_STATUSES)),
          limit: Type.Optional(DigitsSchema('At most this many (1–500, default 100).')),
        }),
        response: {
          200: OutboxListingSchema,
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const limit = Math.min(500, Math.max(1, Number(request.query.limit ?? '100')));
      const entries = await recentEntries(outboxOf(request), {
        limit,
        ...(request.query.status ? { status: request.query.status } : {}),
      });
      return {
        delivery: settings.smtpUrl ? ('smtp' as const) : ('file' as const),
        mailDirectory: settings.smtpUrl
          ? null
          : settingsOfOrganisation(settings, organisationOf(request)).mailDirectory,
        entries: entries.filter(isOutboxEntry).map(summaryOf),
      };
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'One notification with its text and invite',
        security: BEARER,
        params: EntryParamsSchema,
        response: { 200: EntryDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const entry = await loadEntry(request, request.params.id);
      return {
        ...summaryOf(entry),
        text: redactLinkTokens(entry.text),
        messageId: entry.messageId,
        ...(entry.invite ? { invite: entry.invite } : {}),
      };
    },
  );

  app.post(
    '/:id/requeue',
    {
      schema: {
        tags: ['admin'],
        summary: 'Send a failed or uncertain notification again (same Message-ID)',
        description:
          'An `uncertain` message may already have been delivered once: requeue it only when it surely was not.',
        security: BEARER,
        params: EntryParamsSchema,
        response: { 200: EntrySummarySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const entry = await loadEntry(request, request.params.id);
      if (entry.status !== 'failed' && entry.status !== 'uncertain') {
        throw conflict(
          `Only failed or uncertain notifications can be requeued; this one is ${entry.status}.`,
          'not_requeueable',
        );
      }
      const next: OutboxEntry = { ...entry, status: 'pending', nextAttemptAt: Date.now(), attempts: 0 };
      if ((await putOutboxDoc(outboxOf(request), next)) === null)
        throw conflict('The notification changed at the same moment; try again.');
      return summaryOf(next);
    },
  );

  async function loadEntry(request: FastifyRequest, id: string): Promise<OutboxEntry> {
    const doc = await getOutboxDoc(outboxOf(request), id);
    if (!doc || !isOutboxEntry(doc)) throw notFound('No such notification.');
    return doc;
  }
  return Promise.resolve();
}
