import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  CreatedWebhookSchema,
  NewWebhookSchema,
  WebhookDeliverySchema,
  WebhookSchema,
} from '#shared/sync/admin-protocol';
import { notFound, unwrap } from '../../plugins/api-error';
import { actorOf, storeOf } from '../../plugins/auth';
import { BEARER, DigitsSchema, errorResponses } from '../../plugins/schemas';
import { recordAudit } from '../../services/audit-service';
import {
  createSubscription,
  deleteSubscription,
  getSubscription,
  webhookDatabasesOf,
  listSubscriptions,
  recentDeliveries,
  type DeliveryDoc,
  type SubscriptionDoc,
} from '../../services/webhook-store';
import { checkWebhookUrl, resolveWebhookTarget, type HostResolver } from '../../services/webhook-target';

/** How webhook targets are checked: private networks allowed or not, and how names resolve. */
export interface WebhookTargetPolicy {
  readonly allowPrivate: boolean;
  readonly resolve: HostResolver;
}

const WebhookParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

function webhookOf(subscription: SubscriptionDoc) {
  return {
    id: subscription._id,
    url: subscription.url,
    events: [...subscription.events],
    createdAt: new Date(subscription.createdAt).toISOString(),
    createdBy: subscription.createdBy,
    consecutiveFailures: subscription.consecutiveFailures,
    disabledAt: iso(subscription.disabledAt),
    disabledReason: subscription.disabledReason ?? null,
  };
}

function deliveryOf(delivery: DeliveryDoc) {
  return {
    id: delivery._id,
    eventId: delivery.eventId,
    type: delivery.type,
    status: delivery.status,
    attempts: delivery.attempts,
    createdAt: new Date(delivery.createdAt).toISOString(),
    nextAttemptAt: delivery.status === 'pending' ? iso(delivery.nextAttemptAt) : null,
    lastAttemptAt: iso(delivery.lastAttemptAt),
    lastStatus: delivery.lastStatus ?? null,
    lastError: delivery.lastError ?? null,
    deliveredAt: iso(delivery.deliveredAt),
  };
}

/**
 * `/api/admin/webhooks` (SPEC §11): subscriptions to hiring events, their secrets (shown once) and
 * their delivery logs. A URL on a loopback, private or link-local network is refused (its host is
 * resolved now, and again at every delivery) unless private targets are allowed.
 */
export function webhookRoutes(
  root: FastifyInstance,
  options: { readonly policy: WebhookTargetPolicy },
): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const databasesOf = (request: FastifyRequest) => webhookDatabasesOf(storeOf(request));
  const audit = (request: FastifyRequest, id: string, reason: string) =>
    recordAudit(storeOf(request), [
      {
        at: Date.now(),
        userId: actorOf(request).id,
        collection: 'webhooks',
        docId: id,
        outcome: 'accepted',
        action: 'admin',
        reason,
      },
    ]);

  app.post(
    '/webhooks',
    {
      schema: {
        tags: ['admin'],
        operationId: 'createWebhook',
        summary: 'Subscribe a URL to hiring events (the signing secret is shown once)',
        description:
          'Each event is POSTed as `{id, type, createdAt, data}` with `Shortlist-Event`, `Shortlist-Delivery` (the event id) and ' +
          '`Shortlist-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`; a non-2xx answer is retried with backoff.',
        security: BEARER,
        body: {
          ...NewWebhookSchema,
          examples: [{ url: 'https://hr.example.com/hooks/shortlist', events: ['application.hired'] }],
        },
        response: {
          201: CreatedWebhookSchema,
          ...errorResponses(400, 401, 403, 422),
        },
      },
    },
    async (request, reply) => {
      const url = unwrap(checkWebhookUrl(request.body.url));
      unwrap(await resolveWebhookTarget(url, options.policy));
      const admin = actorOf(request);
      const created = unwrap(
        await createSubscription(
          databasesOf(request),
          { url: url.toString(), events: request.body.events },
          admin.id,
          Date.now(),
        ),
      );
      await audit(request, created._id, `subscribed ${url.origin} to ${created.events.join(', ')}`);
      return reply.status(201).send({ ...webhookOf(created), secret: created.secret });
    },
  );

  app.get(
    '/webhooks',
    {
      schema: {
        tags: ['admin'],
        operationId: 'listWebhooks',
        summary: 'Every webhook, without secrets, with why any was disabled',
        security: BEARER,
        response: { 200: Type.Array(WebhookSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => (await listSubscriptions(databasesOf(request))).map(webhookOf),
  );

  app.delete(
    '/webhooks/:id',
    {
      schema: {
        tags: ['admin'],
        operationId: 'deleteWebhook',
        summary: 'Delete a webhook: nothing more is sent to it',
        security: BEARER,
        params: WebhookParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      unwrap(await deleteSubscription(databasesOf(request), request.params.id));
      await audit(request, request.params.id, 'deleted webhook');
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        tags: ['admin'],
        operationId: 'listWebhookDeliveries',
        summary: 'A webhook’s deliveries, newest first, with each one’s attempts and last answer',
        security: BEARER,
        params: WebhookParams,
        querystring: Type.Object({
          limit: Type.Optional(DigitsSchema('At most this many (1–500, default 100).')),
        }),
        response: { 200: Type.Array(WebhookDeliverySchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      if (!(await getSubscription(databasesOf(request), request.params.id)))
        throw notFound('No such webhook.');
      const limit = Math.min(500, Math.max(1, Number(request.query.limit ?? '100')));
      return (await recentDeliveries(databasesOf(request), request.params.id, limit)).map(deliveryOf);
    },
  );
  return Promise.resolve();
}
