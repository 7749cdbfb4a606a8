import { format } from 'date-fns';
import type { Application } from '#shared/domain/application/application-schema';
import type { Actor } from '#shared/domain/common/roles';
import { toIso } from '#shared/domain/common/time';
import type { Interview, InterviewType } from '#shared/domain/interview/interview-schema';
import { currentDecline } from '#shared/domain/interview/decline-rules';
import { jsonEqual } from '#shared/domain/common/equality';

/** The schedule form's fields, as typed. */
export interface InterviewFormFields {
  type: InterviewType;
  /** `yyyy-MM-ddTHH:mm`, local time (a `datetime-local` input). */
  scheduledAt: string;
  durationMinutes: string;
  /** A room, or a meeting link (`https://…`): one field, people paste either. */
  place: string;
  interviewerIds: string[];
  /** The kit of the job's interview plan it follows; '' for none. */
  kitId: string;
}

/** Blank fields for a new interview: tomorrow at 10:00, an hour. */
export function blankInterviewFields(now: number): InterviewFormFields {
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(10, 0, 0, 0);
  return {
    type: 'technical',
    scheduledAt: format(tomorrow, "yyyy-MM-dd'T'HH:mm"),
    durationMinutes: '60',
    place: '',
    interviewerIds: [],
    kitId: '',
  };
}

/** The fields of an existing interview, to reschedule it. */
export function interviewFields(interview: Interview): InterviewFormFields {
  return {
    type: interview.type,
    scheduledAt: format(Date.parse(interview.scheduledAt), "yyyy-MM-dd'T'HH:mm"),
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
): { ok: true; interview: Interview } | { ok: false; message: string } {
  const at = Date.parse(fields.scheduledAt);
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
): ScheduleWarnings {
  const start = Date.parse(fields.scheduledAt);
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
