import type { WebhookEventType } from '#shared/sync/admin-protocol';
import type { WriteRecord, StoredDoc } from '../infra/couch-store';
import { liveContentOf } from '../infra/stored-document';

/** The collections whose writes cause events. */
export const EVENT_COLLECTIONS = ['applications', 'interviews', 'candidates'] as const;
export type EventCollection = (typeof EVENT_COLLECTIONS)[number];

/**
 * One hiring event, derived from a stored document. Its `id` comes from the accepted write that
 * caused it (every write record has a unique id), so deriving it again (a replayed feed, another
 * instance) gives the same event, which receivers can drop as a repeat. `data` holds ids, stages and
 * times only: what an integration needs to look the rest up through the API, and no personal data.
 */
export interface WebhookEvent {
  readonly id: string;
  readonly type: WebhookEventType;
  /** When the write that caused it was accepted (ms). */
  readonly at: number;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The JSON body of a delivery: `{id, type, createdAt, data}`. */
export function eventBody(event: WebhookEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    createdAt: new Date(event.at).toISOString(),
    data: event.data,
  });
}

function eventId(write: WriteRecord, type: WebhookEventType): string {
  return `evt-${write.id}-${type}`;
}

/** The writes a document remembers that a person or script made (erasures announce nothing else). */
function writesOf(stored: StoredDoc): readonly WriteRecord[] {
  return stored.serverMeta?.writes ?? [];
}

/**
 * The events a stored document's remembered writes caused (SPEC §11): for an application, its
 * creation and each stage change (matched to its write by the server's `recordedAt`, which is the
 * write's time), with `application.hired` beside the move to hired; for an interview, its scheduling
 * and each interviewer's first scorecard; for a candidate, an erasure.
 */
export function eventsOf(collection: EventCollection, stored: StoredDoc): WebhookEvent[] {
  switch (collection) {
    case 'applications':
      return applicationEvents(stored);
    case 'interviews':
      return interviewEvents(stored);
    case 'candidates':
      return writesOf(stored)
        .filter((write) => write.action === 'erase')
        .map((write) => ({
          id: eventId(write, 'candidate.erased'),
          type: 'candidate.erased' as const,
          at: write.at,
          data: { candidateId: stored._id, erasedAt: new Date(write.at).toISOString() },
        }));
  }
}

function applicationEvents(stored: StoredDoc): WebhookEvent[] {
  const application = liveContentOf('applications', stored);
  if (!application) return [];
  const ids = {
    applicationId: application.id,
    jobId: application.jobId,
    candidateId: application.candidateId,
  };
  const events: WebhookEvent[] = [];
  for (const write of writesOf(stored)) {
    if (write.action === 'create') {
      events.push({
        id: eventId(write, 'application.created'),
        type: 'application.created',
        at: write.at,
        data: { ...ids, stage: 'applied', ...(application.source ? { source: application.source } : {}) },
      });
    }
    if (write.action !== 'create' && write.action !== 'update') continue;
    const recordedAt = new Date(write.at).toISOString();
    application.stageHistory.forEach((entry, index) => {
      if (index === 0 || entry.recordedAt !== recordedAt || entry.from === null) return;
      const move = { ...ids, from: entry.from, to: entry.to, by: entry.by, at: entry.at, recordedAt };
      events.push({
        id: eventId(write, 'application.stage_changed'),
        type: 'application.stage_changed',
        at: write.at,
        data: move,
      });
      if (entry.to === 'hired') {
        events.push({
          id: eventId(write, 'application.hired'),
          type: 'application.hired',
          at: write.at,
          data: move,
        });
      }
    });
  }
  return events;
}

function interviewEvents(stored: StoredDoc): WebhookEvent[] {
  const interview = liveContentOf('interviews', stored);
  if (!interview) return [];
  const ids = {
    interviewId: interview.id,
    applicationId: interview.applicationId,
    jobId: interview.jobId,
    candidateId: interview.candidateId,
  };
  const writes = writesOf(stored);
  const events: WebhookEvent[] = [];
  const created = writes.find((write) => write.action === 'create');
  if (created) {
    events.push({
      id: eventId(created, 'interview.scheduled'),
      type: 'interview.scheduled',
      at: created.at,
      data: {
        ...ids,
        type: interview.type,
        scheduledAt: interview.scheduledAt,
        durationMinutes: interview.durationMinutes,
        interviewerIds: interview.interviewerIds,
      },
    });
  }
  for (const card of interview.scorecards) {
    // Only its author writes a scorecard, and it is never removed: their first write on the
    // interview that the card can be from is the one that submitted it (kept while remembered).
    const submitted = writes.find(
      (write) =>
        write.userId === card.interviewerId && (write.action === 'create' || write.action === 'update'),
    );
    if (!submitted) continue;
    events.push({
      id: `evt-${interview.id}-scorecard-${card.interviewerId}`,
      type: 'scorecard.submitted',
      at: submitted.at,
      data: { ...ids, interviewerId: card.interviewerId, submittedAt: card.submittedAt },
    });
  }
  return events;
}
