import type { Interview } from '#shared/domain/interview/interview-schema';
import type { StoredDoc } from '../../infra/couch-store';
import { contentOf, isTombstone, liveContentOf } from '../../infra/stored-document';
import { buildInvite } from './calendar-invite';
import {
  loadSettings,
  parseMailbox,
  reachableUser,
  readerTimeZone,
  type CaptureContext,
} from './capture-context';
import { interviewerMessage, type InterviewDetails } from '../../services/message-templates';
import { addNewEntries, getOutboxDoc, putOutboxDoc } from '../../services/outbox-database';
import { newEntry, type OutboxEntry } from '../../services/outbox-entry';

/** What interviewers were last told about an interview: kept in the outbox database. */
interface InterviewNotice extends StoredDoc {
  kind: 'interview-notice';
  /** The SEQUENCE of the last invite sent. */
  sequence: number;
  scheduled: boolean;
  scheduledAt: string;
  durationMinutes: number;
  place: string | null;
  interviewerIds: string[];
}

/** The outbox id of the message for `interviewerId` at invite `sequence` of an interview. */
export function interviewEntryId(interviewId: string, sequence: number, interviewerId: string): string {
  return `${interviewId}:${sequence}:${interviewerId}`;
}

function noticeId(interviewId: string): string {
  return `interview-notice:${interviewId}`;
}

function placeOf(interview: Interview): string | null {
  return interview.meetingUrl ?? interview.location ?? null;
}

type Notice = {
  interviewerId: string;
  template: 'interview_scheduled' | 'interview_rescheduled' | 'interview_cancelled';
};

/**
 * What changed for whom between what interviewers were last told (`before`) and the interview now:
 * scheduled (new, or newly assigned), rescheduled (time, duration or place changed), cancelled
 * (cancelled, deleted, or unassigned). Completing an interview tells nobody anything.
 */
function noticesFor(before: InterviewNotice | null, interview: Interview): Notice[] {
  if (interview.status === 'completed' || interview.status === 'no_show') return [];
  const current = interview.status === 'scheduled' ? interview.interviewerIds : [];
  const previous = before?.scheduled ? before.interviewerIds : [];
  const notices: Notice[] = previous
    .filter((id) => !current.includes(id))
    .map((interviewerId) => ({ interviewerId, template: 'interview_cancelled' }));
  const hasMoved =
    before?.scheduled === true &&
    (before.scheduledAt !== interview.scheduledAt ||
      before.durationMinutes !== interview.durationMinutes ||
      before.place !== placeOf(interview));
  for (const interviewerId of current) {
    if (!previous.includes(interviewerId)) notices.push({ interviewerId, template: 'interview_scheduled' });
    else if (hasMoved) notices.push({ interviewerId, template: 'interview_rescheduled' });
  }
  return notices;
}

/**
 * Whether the interview was stored before notifications started. Such an interview has no record of
 * what its interviewers were told (they heard of it, if at all, before); its first change since is
 * taken as that record, and is news only where it differs from it: a scorecard pushed to an old
 * interview changes no time, place or interviewer, so it tells nobody anything.
 */
function predatesNotifications(stored: StoredDoc, notifyFrom: number): boolean {
  const firstStoredAt = stored.serverMeta?.firstStoredAt;
  if (firstStoredAt !== undefined) return firstStoredAt < notifyFrom;
  // Loaded in bulk (demo, imports): a first revision is new; a later one is an old document edited.
  return Number.parseInt(stored._rev ?? '1', 10) > 1;
}

/** What the interviewers of an interview stored before notifications are taken to have been told. */
function baselineOf(interview: Interview): InterviewNotice {
  return {
    _id: noticeId(interview.id),
    kind: 'interview-notice',
    sequence: 0,
    scheduled: interview.status === 'scheduled',
    scheduledAt: interview.scheduledAt,
    durationMinutes: interview.durationMinutes,
    place: placeOf(interview),
    interviewerIds: interview.interviewerIds,
  };
}

/** The interview as notifications see it: a deleted one is a cancelled one. */
function effectiveInterview(stored: StoredDoc): Interview {
  const interview = contentOf('interviews', stored);
  return isTombstone(stored) ? { ...interview, status: 'cancelled' } : interview;
}

/**
 * Derives interviewers' messages, each with its iCalendar invite, from an interview's current
 * version, compared with what they were last told. Any notice bumps the invite's SEQUENCE once.
 * Entries are added first, then the notice state (with its `_rev`): a crash in between re-derives
 * the same ids, which the outbox already has.
 */
export async function captureInterview(
  context: CaptureContext,
  stored: StoredDoc,
  notifyFrom: number,
): Promise<number> {
  // An erasure rewrites the person's documents: it is news to nobody, and must send nothing.
  if (stored.serverMeta?.writes?.at(-1)?.action === 'erase') return 0;
  const interview = effectiveInterview(stored);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const recorded = await getOutboxDoc<InterviewNotice>(context.outbox, noticeId(interview.id));
    // Interviews untouched since notifications started were announced before them, if at all.
    if (!recorded && interview.updatedAt < notifyFrom) return 0;
    const isBaseline = !recorded && predatesNotifications(stored, notifyFrom);
    if (isBaseline) {
      // Record what they were told (with nothing new to tell), so later changes compare with it.
      if ((await putOutboxDoc(context.outbox, baselineOf(interview))) !== null) return 0;
      continue;
    }
    const before = recorded;
    const notices = noticesFor(before, interview);
    const isScheduled = interview.status === 'scheduled';
    if (notices.length === 0 && before && before.scheduled === isScheduled) return 0;
    const sequence = notices.length > 0 && before ? before.sequence + 1 : (before?.sequence ?? 0);
    const added = notices.length > 0 ? await addNotices(context, interview, before, notices, sequence) : 0;
    const next: InterviewNotice = {
      _id: noticeId(interview.id),
      ...(before?._rev ? { _rev: before._rev } : {}),
      kind: 'interview-notice',
      sequence,
      scheduled: isScheduled,
      scheduledAt: interview.scheduledAt,
      durationMinutes: interview.durationMinutes,
      place: placeOf(interview),
      interviewerIds: interview.interviewerIds,
    };
    if ((await putOutboxDoc(context.outbox, next)) !== null) return added;
  }
  return 0;
}

async function addNotices(
  context: CaptureContext,
  interview: Interview,
  before: InterviewNotice | null,
  notices: readonly Notice[],
  sequence: number,
): Promise<number> {
  const [candidate, job] = await Promise.all([
    context.store.get('candidates', interview.candidateId).then((doc) => liveContentOf('candidates', doc)),
    context.store.get('jobs', interview.jobId).then((doc) => liveContentOf('jobs', doc)),
  ]);
  const candidateName = candidate ? `${candidate.firstName} ${candidate.lastName}`.trim() : 'a candidate';
  const jobTitle = job?.title ?? 'a job';
  const now = context.now();
  const settings = await loadSettings(context.store);
  const organizer = parseMailbox(context.mailFrom);
  const source = { collection: 'interviews', id: interview.id } as const;
  const entries: OutboxEntry[] = [];
  for (const notice of notices) {
    const interviewer = await reachableUser(context.store, notice.interviewerId);
    if (!interviewer) continue;
    const isCancel = notice.template === 'interview_cancelled';
    // A cancellation names the time the interviewer was told about.
    const start = new Date(isCancel && before?.scheduledAt ? before.scheduledAt : interview.scheduledAt);
    const details: InterviewDetails = {
      to: interviewer.email,
      interviewerName: interviewer.name,
      candidateName,
      jobTitle,
      type: interview.type,
      start,
      durationMinutes: isCancel && before ? before.durationMinutes : interview.durationMinutes,
      place: isCancel && before ? before.place : placeOf(interview),
      timeZone: readerTimeZone(context, settings, interviewer.timeZone),
    };
    const message = interviewerMessage(notice.template, details);
    const invite = buildInvite(isCancel ? 'CANCEL' : 'REQUEST', {
      interviewId: interview.id,
      sequence,
      start,
      durationMinutes: details.durationMinutes,
      summary: `Interview: ${candidateName} (${jobTitle})`,
      description: message.text,
      location: interview.meetingUrl ? null : details.place,
      url: interview.meetingUrl ?? null,
      organizer,
      attendee: { name: interviewer.name, email: interviewer.email },
      stamp: new Date(interview.updatedAt),
      timeZone: details.timeZone,
    });
    const entryId = interviewEntryId(interview.id, sequence, interviewer.id);
    entries.push(newEntry(entryId, { ...message, invite }, source, context.mailFrom, now));
  }
  return addNewEntries(context.outbox, entries);
}
