import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkWebhookUrl, resolveWebhookTarget, type HostResolver } from '../../services/webhook-target';
import {
  dueDeliveries,
  getSubscription,
  putDoc,
  recordAttempt,
  type DeliveryDoc,
  type WebhookDatabases,
} from '../../services/webhook-store';

/** Timing and limits of the sender; every field has a production default (`DEFAULT_WEBHOOK_TIMING`). */
export interface SenderOptions {
  /** This instance's id, recorded on its claims. */
  readonly workerId: string;
  /** How long a claim holds: longer than a request may take. */
  readonly leaseMs: number;
  /** A receiver that has not answered by then has failed this attempt. */
  readonly timeoutMs: number;
  /** First retry delay; doubled after each failure, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** After this many failed attempts a delivery is `failed`. */
  readonly maxAttempts: number;
  /** After this many failed attempts in a row (any deliveries) a webhook is disabled. */
  readonly disableAfter: number;
  /** Deliveries handled per round. */
  readonly batchSize: number;
  /** Post to loopback and private networks too (`SHORTLIST_WEBHOOK_ALLOW_PRIVATE=1`). */
  readonly allowPrivate: boolean;
  readonly resolve: HostResolver;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` (SPEC §11). */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 300);
}

/** Posts `body` to `url`, connecting to `address` only (the one checked), and answers the status. */
function post(
  url: URL,
  target: { readonly address: string; readonly family: 4 | 6 },
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<number> {
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinned,
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        // The answer's body is not read beyond what it takes to finish the request.
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', (error) =>
      reject(error.name === 'AbortError' ? new Error(`no answer within ${timeoutMs} ms`) : error),
    );
    request.end(body);
  });
}

/** What one round did. */
export interface SendRound {
  delivered: number;
  failed: number;
  recovered: number;
}

/**
 * Sends due deliveries. Each is claimed first by writing it with its `_rev` (status `sending`, a
 * lease), so of several instances only one sends an attempt; then posted, signed; then settled:
 * `delivered` on a 2xx, else `pending` with exponential backoff (or `failed` after the last
 * attempt). A claim whose lease ran out (its instance died) is retried: at least once.
 */
export class WebhookSender {
  constructor(
    private readonly databases: WebhookDatabases,
    private readonly options: SenderOptions,
    private readonly now: () => number,
  ) {}

  async runOnce(): Promise<SendRound> {
    const round: SendRound = { delivered: 0, failed: 0, recovered: 0 };
    const { batchSize } = this.options;
    for (const stale of await dueDeliveries(this.databases, 'sending', this.now(), batchSize)) {
      const retried: DeliveryDoc = {
        ...stale,
        status: 'pending',
        nextAttemptAt: this.now(),
        lastError: 'The instance sending it stopped before it knew the answer; sent again.',
      };
      if (await putDoc(this.databases.deliveries, retried)) round.recovered += 1;
    }
    const due = await dueDeliveries(this.databases, 'pending', this.now(), batchSize);
    // A few at a time: one slow receiver does not hold up the others for long.
    for (let start = 0; start < due.length; start += 5) {
      const outcomes = await Promise.all(
        due.slice(start, start + 5).map((delivery) => this.attempt(delivery)),
      );
      for (const outcome of outcomes) {
        if (outcome === 'delivered') round.delivered += 1;
        if (outcome === 'failed') round.failed += 1;
      }
    }
    return round;
  }

  private async attempt(delivery: DeliveryDoc): Promise<'delivered' | 'failed' | 'skipped'> {
    const claimed = await this.claim(delivery);
    if (!claimed) return 'skipped';
    const subscription = await getSubscription(this.databases, claimed.subscriptionId);
    if (!subscription || subscription.disabledAt !== undefined) {
      await this.settle(claimed, {
        ...claimed,
        status: 'failed',
        lastError: subscription
          ? `The webhook is disabled: ${subscription.disabledReason ?? ''}`.trim()
          : 'The webhook was deleted.',
      });
      return 'failed';
    }
    const now = this.now();
    let failure: string | null = null;
    let status: number | undefined;
    const url = checkWebhookUrl(subscription.url);
    const target = url.ok ? await resolveWebhookTarget(url.value, this.options) : url;
    if (!url.ok || !target.ok) {
      failure = target.ok ? 'The URL is not valid.' : target.message;
    } else {
      const unix = Math.floor(now / 1000);
      try {
        status = await post(
          url.value,
          target.value,
          {
            'content-type': 'application/json',
            'user-agent': 'Shortlist-Webhooks/1',
            'shortlist-event': claimed.type,
            'shortlist-delivery': claimed.eventId,
            'shortlist-signature': signatureHeader(subscription.secret, claimed.body, unix),
          },
          claimed.body,
          this.options.timeoutMs,
        );
        if (status < 200 || status > 299) failure = `HTTP ${status}`;
      } catch (error) {
        failure = describe(error);
      }
    }
    const { lastError: _lastError, ...rest } = claimed;
    if (failure === null) {
      await this.settle(claimed, {
        ...rest,
        status: 'delivered',
        deliveredAt: this.now(),
        lastAttemptAt: now,
        ...(status === undefined ? {} : { lastStatus: status }),
      });
    } else {
      const isFinal = claimed.attempts >= this.options.maxAttempts;
      const delay = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (claimed.attempts - 1));
      await this.settle(claimed, {
        ...rest,
        status: isFinal ? 'failed' : 'pending',
        nextAttemptAt: this.now() + delay,
        lastAttemptAt: now,
        lastError: failure,
        ...(status === undefined ? {} : { lastStatus: status }),
      });
    }
    await recordAttempt(this.databases, subscription._id, failure, this.options.disableAfter, this.now());
    return failure === null ? 'delivered' : 'failed';
  }

  /** Writes the claim; null when another instance got there first. */
  private async claim(delivery: DeliveryDoc): Promise<DeliveryDoc | null> {
    if (delivery.status !== 'pending') return null;
    const now = this.now();
    // A fresh token per claim: two identical claims would be one revision that both "won".
    const claimed: DeliveryDoc = {
      ...delivery,
      status: 'sending',
      attempts: delivery.attempts + 1,
      claimedBy: `${this.options.workerId}/${randomBytes(6).toString('hex')}`,
      nextAttemptAt: now + this.options.leaseMs,
    };
    const rev = await putDoc(this.databases.deliveries, claimed);
    return rev ? { ...claimed, _rev: rev } : null;
  }

  /** Writes the outcome over our claim, unless someone else's write replaced it meanwhile. */
  private async settle(claimed: DeliveryDoc, outcome: DeliveryDoc): Promise<void> {
    await putDoc(this.databases.deliveries, { ...outcome, _rev: claimed._rev });
  }
}
