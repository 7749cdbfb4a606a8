import type { Application } from '#shared/domain/application/application-schema';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { Job } from '#shared/domain/job/job-schema';
import { effectiveTimeZone, formatWhen } from '#shared/domain/user/time-zone';
import { humanize } from './labels';

/** What fills a template's variables for this candidate, job and sender (SPEC §12). */
export function messageValues(input: {
  readonly candidate: Pick<Candidate, 'firstName' | 'lastName'> | null | undefined;
  readonly job: Pick<Job, 'title'> | null | undefined;
  readonly senderName: string;
  readonly application?: Pick<Application, 'offer'> | null;
}): Record<string, string | undefined> {
  const { candidate, job, application } = input;
  return {
    candidateFirstName: candidate?.firstName,
    candidateName: candidate ? `${candidate.firstName} ${candidate.lastName}`.trim() : undefined,
    jobTitle: job?.title,
    senderName: input.senderName,
    offerStartDate: application?.offer?.startDate,
    offerDeadline: application?.offer?.deadline,
    startDate: application?.offer?.startDate,
  };
}

/**
 * The interview's variables, its time written in the candidate's zone (theirs, else the
 * organisation's), naming the zone.
 */
export function interviewValues(
  interview: Pick<Interview, 'type' | 'scheduledAt' | 'durationMinutes' | 'location' | 'meetingUrl'>,
  candidateZone: string | undefined,
  organisationZone: string | undefined,
): Record<string, string | undefined> {
  return {
    interviewType: humanize(interview.type).toLowerCase(),
    interviewWhen: formatWhen(interview.scheduledAt, effectiveTimeZone(candidateZone, organisationZone)),
    interviewDuration: `${interview.durationMinutes} minutes`,
    interviewPlace: interview.meetingUrl ?? interview.location ?? 'to be confirmed',
  };
}
