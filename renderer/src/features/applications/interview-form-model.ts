import type { Application } from '#shared/domain/application/application-schema';
import type { Actor } from '#shared/domain/common/roles';
import { toIso } from '#shared/domain/common/time';
import type { Interview, InterviewType } from '#shared/domain/interview/interview-schema';
import { currentDecline } from '#shared/domain/interview/decline-rules';
import { jsonEqual } from '#shared/domain/common/equality';
import { instantIn, wallClock } from '#shared/domain/user/time-zone';

/** This computer's zone: the default where no person's zone is given. */
function deviceZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The moment the form's date and time mean in `zone` (the scheduler's), in ms; NaN when unreadable. */
export function scheduledInstant(fields: Pick<InterviewFormFields, 'scheduledAt'>, zone: string): number {
  return instantIn(fields.scheduledAt, zone);
}

/** The schedule form's fields, as typed. */
export interface InterviewFormFields {
  type: InterviewType;
  /** `yyyy-MM-ddTHH:mm`, wall-clock time in the scheduler's zone (a `datetime-local` input). */
  scheduledAt: string;
  durationMinutes: string;
  /** A room, or a meeting link (`https://…`): one field, people paste either. */
  place: string;
  interviewerIds: string[];
  /** The kit of the job's interview plan it follows; '' for none. */
  kitId: string;
}

/** Blank fields for a new interview: tomorrow at 10:00 in `zone`, an hour. */
export function blankInterviewFields(now: number, zone: string = deviceZone()): InterviewFormFields {
  const tomorrow = wallClock(now + 24 * 60 * 60 * 1000, zone).slice(0, 10);
  return {
    type: 'technical',
    scheduledAt: `${tomorrow}T10:00`,
    durationMinutes: '60',
    place: '',
    interviewerIds: [],
    kitId: '',
  };
}

/** The fields of an existing interview, to reschedule it, its time as the clock in `zone` shows it. */
export function interviewFields(interview: Interview, zone: string = deviceZone()): InterviewFormFields {
  return {
    type: interview.type,
    scheduledAt: wallClock(interview.scheduledAt, zone).slice(0, 16),
    durationMinutes: String(interview.durationMinutes),
    place: interview.meetingUrl ?? interview.location ?? '',
    interviewerIds: [...interview.interviewerIds],
    kitId: interview.kitId ?? '',
  };
}

/**
 * The interview document the form describes: a new one on `application`, or `before` rescheduled.
 * Null with a message when the time cannot be read; every other rule is the shared rules' to judge.
 */
export function toInterview(
  fields: InterviewFormFields,
  application: Pick<Application, 'id' | 'jobId' | 'candidateId'>,
  actor: Actor,
  before: Interview | null,
  newId: () => string,
  now: number,
  zone: string = deviceZone(),
): { ok: true; interview: Interview } | { ok: false; message: string } {
  const at = scheduledInstant(fields, zone);
  if (Number.isNaN(at)) return { ok: false, message: 'Enter the date and time of the interview.' };
  const place = fields.place.trim();
  const isLink = /^https?:\/\//i.test(place);
  const base: Interview = before
    ? { ...before }
    : {
        id: newId(),
        updatedAt: 0,
        applicationId: application.id,
        jobId: application.jobId,
        candidateId: application.candidateId,
        type: fields.type,
        scheduledAt: toIso(at),
        durationMinutes: 60,
        interviewerIds: [],
        status: 'scheduled',
        scorecards: [],
        createdBy: actor.id,
        createdAt: toIso(now),
      };
  const { location: _location, meetingUrl: _meetingUrl, kitId: _kitId, ...withoutPlace } = base;
  return {
    ok: true,
    interview: {
      ...withoutPlace,
      type: fields.type,
      scheduledAt: toIso(at),
      durationMinutes: Number(fields.durationMinutes),
      interviewerIds: [...fields.interviewerIds],
      ...(place === '' ? {} : isLink ? { meetingUrl: place } : { location: place }),
      ...(fields.kitId === '' ? {} : { kitId: fields.kitId }),
    },
  };
}

/** An interviewer's other interview at the same time. */
export interface InterviewOverlap {
  readonly interviewerId: string;
  readonly interview: Interview;
}

/** What the scheduler should know before saving: a time in the past, interviewers already busy. */
export interface ScheduleWarnings {
  readonly isPast: boolean;
  readonly overlaps: readonly InterviewOverlap[];
}

/**
 * Warnings for the time the form describes, from the interviews on this laptop (a recruiter's holds
 * them all): in the past, or overlapping another scheduled interview of a chosen interviewer who has
 * not declined it. `interviewId` is the interview being rescheduled (not an overlap of itself).
 */
export function scheduleWarnings(
  fields: InterviewFormFields,
  interviewId: string | null,
  interviews: readonly Interview[],
  now: number,
  zone: string = deviceZone(),
): ScheduleWarnings {
  const start = scheduledInstant(fields, zone);
  const minutes = Number(fields.durationMinutes);
  if (Number.isNaN(start)) return { isPast: false, overlaps: [] };
  const end = start + (Number.isFinite(minutes) && minutes > 0 ? minutes : 0) * 60_000;
  const overlaps: InterviewOverlap[] = [];
  for (const other of interviews) {
    if (other.id === interviewId || other.status !== 'scheduled') continue;
    const otherStart = Date.parse(other.scheduledAt);
    const otherEnd = otherStart + other.durationMinutes * 60_000;
    if (!(otherStart < end && start < otherEnd)) continue;
    for (const interviewerId of fields.interviewerIds) {
      if (other.interviewerIds.includes(interviewerId) && !currentDecline(other, interviewerId)) {
        overlaps.push({ interviewerId, interview: other });
      }
    }
  }
  overlaps.sort((a, b) => a.interview.scheduledAt.localeCompare(b.interview.scheduledAt));
  return { isPast: start < now, overlaps };
}

/** Whether the form holds anything the person would lose by closing it. */
export function isFormChanged(fields: InterviewFormFields, initial: InterviewFormFields): boolean {
  return !jsonEqual(fields, initial);
}
