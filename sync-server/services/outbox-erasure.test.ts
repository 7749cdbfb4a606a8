import { describe, expect, it } from 'vitest';
import { useSchemaStore } from '../test/support/test-server';
import { ensureOutboxDatabase } from './outbox-database';
import { isOutboxEntry, newEntry, type OutboxEntry, type OutboxStatus } from './outbox-entry';
import { ERASED_MESSAGE, eraseNotificationsAbout } from './outbox-erasure';

const store = useSchemaStore();
const PERSON = { email: 'grace.erased@example.org', names: ['Grace Erased'], sourceIds: ['app-grace'] };

function entry(id: string, status: OutboxStatus, to: string, text: string): OutboxEntry {
  const made = newEntry(
    id,
    { template: 'stage_screening', to: [to], subject: 'Your application', text },
    { collection: 'applications', id: `source-${id}` },
    'Shortlist <mail@example.com>',
    Date.now(),
  );
  return { ...made, status, ...(status === 'failed' ? { lastError: 'SMTP said no' } : {}) };
}

describe('erasing a person from the outbox', () => {
  it('cancels their unsent messages (never requeued), blanks the sent ones, and leaves others alone', async () => {
    const outbox = await ensureOutboxDatabase(store());
    const entries = [
      entry('to-her-pending', 'pending', PERSON.email, 'Hello'),
      entry('to-her-failed', 'failed', PERSON.email, 'Hello'),
      entry('to-her-uncertain', 'uncertain', PERSON.email, 'Hello'),
      entry('about-her-sent', 'sent', 'recruiter@example.com', 'Grace Erased moved to screening'),
      entry('someone-else', 'pending', 'other@example.org', 'Hello Alan'),
    ];
    await outbox.bulk({ docs: entries });

    const count = await eraseNotificationsAbout(store(), PERSON, null);

    expect(count).toEqual({ messages: 4, files: 0 });
    const stored = new Map<string, OutboxEntry>();
    for (const row of (await outbox.list({ include_docs: true })).rows) {
      if (row.doc && isOutboxEntry(row.doc)) stored.set(row.id, row.doc);
    }
    for (const id of ['to-her-pending', 'to-her-failed', 'to-her-uncertain']) {
      expect(stored.get(id), id).toMatchObject({
        status: 'cancelled',
        to: [...ERASED_MESSAGE.to],
        subject: ERASED_MESSAGE.subject,
        text: '',
        lastError: 'The person was erased (GDPR); not sent.',
      });
    }
    expect(stored.get('about-her-sent')).toMatchObject({
      status: 'sent',
      text: '',
      to: [...ERASED_MESSAGE.to],
    });
    expect(stored.get('someone-else')).toMatchObject({
      status: 'pending',
      text: 'Hello Alan',
      to: ['other@example.org'],
    });
  });
});
