import { randomBytes } from 'node:crypto';
import type { DocumentScope } from 'nano';
import type { StoredDoc } from '../../infra/couch-store';
import type { MailTransport } from './mail-transport';
import { dueEntries, getOutboxDoc, putOutboxDoc } from '../../services/outbox-database';
import type { OutboxEntry, OutboxMessage } from '../../services/outbox-entry';

/** Retry and claim timing of the sender. */
export interface SenderOptions {
  /** This worker's id, recorded on its claims. */
  readonly workerId: string;
  /** How long a claim holds (longer than any send can take: SMTP timeouts are 30–60 s). */
  readonly leaseMs: number;
  /** First retry delay; doubled after each failure, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** After this many failed attempts an entry is `failed`. */
  readonly maxAttempts: number;
  /** Entries handled per round. */
  readonly batchSize: number;
}

/** What one round did. */
export interface SendRound {
  sent: number;
  failed: number;
  recovered: number;
  cancelled: number;
}

/** The words and recipients of a message, as its source reads now. */
export type MessageContent = Pick<OutboxMessage, 'to' | 'subject' | 'text'>;

/**
 * What becomes of a claimed entry at its turn: sent (as its source reads now, when `content` is
 * given), or cancelled because it is no longer wanted (its text replaced by `content`, when given).
 */
export type SendDecision =
  | { readonly action: 'send'; readonly content?: MessageContent }
  | { readonly action: 'cancel'; readonly why: string; readonly content?: MessageContent };

/** Asks, just before an entry is sent, whether it still should be (read from the store). */
export type SendCheck = (entry: OutboxEntry) => Promise<SendDecision>;

const ALWAYS_SEND: SendCheck = () => Promise.resolve({ action: 'send' });

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/** An entry's fields for `content`. */
function contentOf(content: MessageContent): Pick<OutboxEntry, 'to' | 'subject' | 'text'> {
  return { to: [...content.to], subject: content.subject, text: content.text };
}

/** Whether nobody rewrote the words of `current` since they were `claimed`. */
function isUnchanged(current: OutboxEntry, claimed: OutboxEntry): boolean {
  return (
    current.subject === claimed.subject &&
    current.text === claimed.text &&
    current.to.join('\n') === claimed.to.join('\n')
  );
}

/**
 * Sends due outbox entries. Each is claimed first by writing it with its `_rev` (status `sending`,
 * a lease), so of two workers only one wins it; then sent; then marked `sent`. A failure goes back to
 * `pending` with exponential backoff. A claim whose lease ran out means its worker died mid-send:
 * the entry is settled by asking the transport whether it went out, and when it cannot know (SMTP),
 * marked `uncertain` and never sent again automatically. Guarantee: at most once per entry.
 *
 * Between the claim and the send, `check` asks whether the entry is still wanted (its source may
 * have been taken back while it waited): one that is not is marked `cancelled`, with the reason,
 * by the one worker holding the claim. A check that cannot answer (the store is away) is a failed
 * attempt, retried like a failed send.
 */
export class OutboxSender {
  constructor(
    private readonly outbox: DocumentScope<StoredDoc>,
    private readonly transport: MailTransport,
    private readonly options: SenderOptions,
    private readonly now: () => number,
    private readonly check: SendCheck = ALWAYS_SEND,
  ) {}

  async runOnce(): Promise<SendRound> {
    const round: SendRound = { sent: 0, failed: 0, recovered: 0, cancelled: 0 };
    for (const entry of await dueEntries(this.outbox, 'sending', this.now(), this.options.batchSize)) {
      if (await this.recover(entry)) round.recovered += 1;
    }
    for (const entry of await dueEntries(this.outbox, 'pending', this.now(), this.options.batchSize)) {
      const claimed = await this.claim(entry);
      if (!claimed) continue;
      round[await this.deliver(claimed)] += 1;
    }
    return round;
  }

  /** Writes the claim; null when another worker got there first. */
  private async claim(entry: OutboxEntry): Promise<OutboxEntry | null> {
    if (entry.status !== 'pending') return null;
    const now = this.now();
    // A fresh token per claim: revisions are content hashes, so two identical claims (same worker,
    // same millisecond) would otherwise be one revision that both "won".
    const claimed: OutboxEntry = {
      ...entry,
      status: 'sending',
      attempts: entry.attempts + 1,
      claimedBy: `${this.options.workerId}/${randomBytes(6).toString('hex')}`,
      claimedAt: now,
      nextAttemptAt: now + this.options.leaseMs,
    };
    const rev = await putOutboxDoc(this.outbox, claimed);
    return rev ? { ...claimed, _rev: rev } : null;
  }

  private async deliver(claimed: OutboxEntry): Promise<'sent' | 'failed' | 'cancelled'> {
    try {
      const decision = await this.check(claimed);
      if (decision.action === 'cancel') {
        await this.settle(claimed, (current) => ({
          ...current,
          ...(decision.content && isUnchanged(current, claimed) ? contentOf(decision.content) : {}),
          status: 'cancelled',
          lastError: decision.why,
        }));
        return 'cancelled';
      }
      const content = decision.content ? contentOf(decision.content) : {};
      const { file } = await this.transport.send({ ...claimed, ...content });
      const sentAt = this.now();
      await this.settle(claimed, (current) => {
        const { lastError: _lastError, ...rest } = current;
        // Another writer's new words (an erasure blanking it mid-send) stand over ours.
        return {
          ...rest,
          ...(isUnchanged(current, claimed) ? content : {}),
          status: 'sent',
          sentAt,
          ...(file ? { file } : {}),
        };
      });
      return 'sent';
    } catch (error) {
      const isFinal = claimed.attempts >= this.options.maxAttempts;
      const delay = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (claimed.attempts - 1));
      await this.settle(claimed, (current) => ({
        ...current,
        status: isFinal ? 'failed' : 'pending',
        nextAttemptAt: this.now() + delay,
        lastError: describe(error),
      }));
      return 'failed';
    }
  }

  /**
   * Writes the outcome over our claim. Only this worker writes a `sending` entry it claimed, so a
   * conflict is an admin's, a recovery's or an erasure's write; the outcome is then applied to what
   * is there, as long as it is still our claim.
   */
  private async settle(claimed: OutboxEntry, outcome: (current: OutboxEntry) => OutboxEntry): Promise<void> {
    let current: OutboxEntry | null = claimed;
    for (let attempt = 0; attempt < 5 && current; attempt += 1) {
      if ((await putOutboxDoc(this.outbox, outcome(current))) !== null) return;
      current = await getOutboxDoc<OutboxEntry>(this.outbox, claimed._id);
      if (current?.status !== 'sending' || current.claimedBy !== claimed.claimedBy) return;
    }
  }

  /** Settles a claim whose worker died: sent, safe to resend, or uncertain (never resent). */
  private async recover(entry: OutboxEntry): Promise<boolean> {
    const delivered = await this.transport.wasDelivered(entry).catch(() => null);
    const now = this.now();
    const next: OutboxEntry =
      delivered === true
        ? { ...entry, status: 'sent', sentAt: now }
        : delivered === false
          ? {
              ...entry,
              status: 'pending',
              nextAttemptAt: now,
              lastError: 'The worker stopped before sending; sent again.',
            }
          : {
              ...entry,
              status: 'uncertain',
              lastError:
                'The worker stopped while sending, so it is unknown whether the message left. It is not resent automatically; an admin may requeue it.',
            };
    return (await putOutboxDoc(this.outbox, next)) !== null;
  }
}
