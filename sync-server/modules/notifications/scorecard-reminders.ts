import { toIso } from '#shared/domain/common/time';
import type { Interview } from '#shared/domain/interview/interview-schema';
import {
  interviewEndsAt,
  scorecardState,
  SCORECARD_DUE_AFTER_MS,
} from '#shared/domain/interview/scorecard-due';
import type { User } from '#shared/domain/user/user-schema';
import type { CouchStore, StoredDoc } from '../../infra/couch-store';
import { ensureIndex } from '../../infra/ensure-database';
import { liveContentOf } from '../../infra/stored-document';
import { formatWhen } from '#shared/domain/user/time-zone';
import type { MessageContext } from '../../services/message-templates';
import { addNewEntries } from '../../services/outbox-database';
import { newEntry, type OutboxEntry, type OutboxMessage } from '../../services/outbox-entry';
import { reachableUser, type CaptureContext } from './capture-context';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** After the first reminder (an hour after the end), one a day on this many working days. */
export const DAILY_REMINDERS = 3;
/** A reminder that could not go out within this long of its time (the worker was down) is skipped. */
export const REMINDER_STALE_AFTER_MS = DAY_MS;
/** Interviews that ended this long ago are past every reminder (3 working days over a long weekend, stale included). */
const LOOKBACK_MS = 9 * DAY_MS;
const PAGE_SIZE = 200;

/** The index the scan reads interviews by, in the interviews database. */
const SCHEDULED_INDEX = { name: 'by-scheduled-at', fields: ['scheduledAt'] } as const;

/**
 * Whether `user` wants scorecard reminders by mail. The per-user notification settings of issue 17
 * fill this in (reading them from `store`); until they exist, every interviewer does.
 */
export function isScorecardReminderWanted(_store: CouchStore, user: User): Promise<boolean> {
  return Promise.resolve(user.active);
}

function weekdayIn(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(new Date(ms));
}

/**
 * When the reminders of a scorecard missing for an interview that ended at `endsAt` are due: the
 * first an hour after the end, then at the same time on each of the next `DAILY_REMINDERS` working
 * days (Monday to Friday in `timeZone`).
 */
export function reminderTimes(endsAt: number, timeZone: string): number[] {
  const times = [endsAt + SCORECARD_DUE_AFTER_MS];
  let next = times[0] ?? 0;
  while (times.length <= DAILY_REMINDERS) {
    next += DAY_MS;
    const weekday = weekdayIn(next, timeZone);
    if (weekday !== 'Sat' && weekday !== 'Sun') times.push(next);
  }
  return times;
}

/**
 * The reminder due at `now` among `times`: the latest one whose time has come, unless it is stale
 * (then the person was reminded by the one before, or the worker was down: no catching up in bulk).
 */
export function dueReminder(times: readonly number[], now: number): number | null {
  for (let index = times.length - 1; index >= 0; index -= 1) {
    const at = times[index] ?? Infinity;
    if (at <= now) return now - at < REMINDER_STALE_AFTER_MS ? index : null;
  }
  return null;
}

/** The deterministic outbox id of reminder `index` to `interviewerId` about `interviewId`: sent once, whoever derives it. */
export function reminderEntryId(interviewId: string, interviewerId: string, index: number): string {
  return `scorecard-reminder:${interviewId}:${interviewerId}:${index}`;
}

/** What the reminder says. */
export function scorecardReminderMessage(
  input: {
    to: string;
    interviewerName: string;
    candidateName: string;
    jobTitle: string;
    interview: Interview;
    index: number;
  },
  context: MessageContext,
): OutboxMessage {
  const when = formatWhen(input.interview.scheduledAt, context.timeZone);
  const link = context.publicUrl
    ? `\nWrite it now: ${context.publicUrl}/app/interviews/${input.interview.id}\n`
    : '';
  const isFirst = input.index === 0;
  return {
    template: 'scorecard_reminder',
    to: [input.to],
    subject: isFirst
      ? `Scorecard due: ${input.candidateName} (${input.jobTitle})`
      : `Your scorecard is late: ${input.candidateName} (${input.jobTitle})`,
    text:
      `Hello ${input.interviewerName},\n\n` +
      `${isFirst ? 'Your scorecard for' : 'We still have no scorecard from you for'} the interview with ${input.candidateName} ` +
      `for ${input.jobTitle} (${when}). The hiring team decides from the scorecards, and yours is missing.\n` +
      `It is waiting in Shortlist under "My interviews", and you can write it offline.\n${link}` +
      (isFirst ? '' : `\nThis is reminder ${input.index + 1} of ${DAILY_REMINDERS + 1}.\n`),
  };
}

/** What the reminders need: what change capture needs, and the per-user switch. */
export interface ReminderContext extends CaptureContext {
  /** `isScorecardReminderWanted` unless a test says otherwise. */
  readonly isWanted?: (store: CouchStore, user: User) => Promise<boolean>;
}

/**
 * The scorecard reminders: a time-driven job of the outbox worker. Each run reads the interviews
 * that ended in the reminder window (a Mango index on `scheduledAt`, re-checked on the documents
 * since an index may lag), and for each assigned interviewer whose scorecard is still missing adds
 * the reminder due now, with a deterministic id: any number of workers, any number of runs, one
 * message per reminder. A submitted scorecard, a decline, a cancellation or a new time stops them.
 */
export class ScorecardReminders {
  private isIndexReady = false;

  constructor(private readonly context: ReminderContext) {}

  /** Adds the reminders due now; answers how many were added. */
  async runOnce(): Promise<number> {
    const now = this.context.now();
    let added = 0;
    for (const interview of await this.endedInWindow(now)) {
      const times = reminderTimes(interviewEndsAt(interview), this.context.messages.timeZone);
      const index = dueReminder(times, now);
      if (index === null) continue;
      const owing = interview.interviewerIds.filter((id) => {
        const state = scorecardState(interview, id, now);
        return state === 'due' || state === 'late';
      });
      if (owing.length > 0) added += await this.remind(interview, owing, index, now);
    }
    return added;
  }

  private async endedInWindow(now: number): Promise<Interview[]> {
    const { store } = this.context;
    if (!this.isIndexReady) {
      await ensureIndex(store.http, store.name('interviews'), SCHEDULED_INDEX);
      this.isIndexReady = true;
    }
    // An interview lasts at most 8 hours: one scheduled before the window's start ended before it.
    const selector = {
      scheduledAt: {
        $gte: toIso(now - LOOKBACK_MS - 8 * HOUR_MS),
        $lte: toIso(now - SCORECARD_DUE_AFTER_MS),
      },
    };
    const interviews: Interview[] = [];
    let bookmark: string | undefined;
    for (;;) {
      const page = await store.db('interviews').find({
        selector,
        use_index: SCHEDULED_INDEX.name,
        limit: PAGE_SIZE,
        ...(bookmark ? { bookmark } : {}),
      });
      for (const doc of page.docs as StoredDoc[]) {
        const interview = liveContentOf('interviews', doc);
        if (interview && now - interviewEndsAt(interview) >= SCORECARD_DUE_AFTER_MS)
          interviews.push(interview);
      }
      if (page.docs.length < PAGE_SIZE || !page.bookmark || page.bookmark === bookmark) return interviews;
      bookmark = page.bookmark;
    }
  }

  private async remind(
    interview: Interview,
    interviewerIds: readonly string[],
    index: number,
    now: number,
  ): Promise<number> {
    const { store } = this.context;
    const isWanted = this.context.isWanted ?? isScorecardReminderWanted;
    const [candidate, job] = await Promise.all([
      store.get('candidates', interview.candidateId).then((doc) => liveContentOf('candidates', doc)),
      store.get('jobs', interview.jobId).then((doc) => liveContentOf('jobs', doc)),
    ]);
    const candidateName = candidate ? `${candidate.firstName} ${candidate.lastName}`.trim() : 'a candidate';
    const jobTitle = job?.title ?? 'a job';
    const entries: OutboxEntry[] = [];
    for (const interviewerId of interviewerIds) {
      const interviewer = await reachableUser(store, interviewerId);
      if (!interviewer || !(await isWanted(store, interviewer))) continue;
      const message = scorecardReminderMessage(
        {
          to: interviewer.email,
          interviewerName: interviewer.name,
          candidateName,
          jobTitle,
          interview,
          index,
        },
        this.context.messages,
      );
      const id = reminderEntryId(interview.id, interviewerId, index);
      entries.push(
        newEntry(id, message, { collection: 'interviews', id: interview.id }, this.context.mailFrom, now),
      );
    }
    return addNewEntries(this.context.outbox, entries);
  }
}
