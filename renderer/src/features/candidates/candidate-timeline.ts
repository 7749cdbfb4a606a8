import type { Application } from '#shared/domain/application/application-schema';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { Comment } from '#shared/domain/comment/comment-schema';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { Job } from '#shared/domain/job/job-schema';

/**
 * A message sent to or received from the candidate, as the timeline shows it. Messages are not
 * replicated on this branch yet: the `messages` collection plugs in here (see `messageEntries`).
 */
export interface TimelineMessage {
  readonly id: string;
  /** When it was sent or received (ISO). */
  readonly at: string;
  readonly direction: 'outbound' | 'inbound';
  readonly subject: string;
  /** Who sent it (a staff member's id), for outbound messages. */
  readonly by?: string;
}

/** One entry of a candidate's timeline. `at` is ISO; `by` a user id when someone did it. */
export type TimelineEntry =
  | {
      readonly kind: 'created';
      readonly key: string;
      readonly at: string;
      readonly by: string;
      readonly notes?: string;
    }
  | {
      readonly kind: 'stage';
      readonly key: string;
      readonly at: string;
      readonly by: string;
      readonly jobTitle: string;
      readonly applicationId: string;
      readonly from: Application['stage'] | null;
      readonly to: Application['stage'];
      readonly note?: string;
    }
  | {
      readonly kind: 'comment';
      readonly key: string;
      readonly at: string;
      readonly by: string;
      readonly comment: Comment;
    }
  | {
      readonly kind: 'interview';
      readonly key: string;
      readonly at: string;
      readonly by: string;
      readonly interview: Interview;
      readonly jobTitle: string;
    }
  | {
      readonly kind: 'scorecard';
      readonly key: string;
      readonly at: string;
      readonly by: string;
      readonly interview: Interview;
      readonly rating: number;
      readonly recommendation: string;
    }
  | { readonly kind: 'file'; readonly key: string; readonly at: string; readonly fileName: string }
  | {
      readonly kind: 'message';
      readonly key: string;
      readonly at: string;
      readonly message: TimelineMessage;
    };

/** Everything a candidate's timeline is made of, from the local database. */
export interface TimelineSources {
  readonly candidate: Candidate;
  readonly applications: readonly Application[];
  readonly interviews: readonly Interview[];
  readonly comments: readonly Comment[];
  readonly jobs: ReadonlyMap<string, Pick<Job, 'title'>>;
  /** The candidate's messages, once a `messages` collection exists; none until then. */
  readonly messages?: readonly TimelineMessage[];
}

/**
 * The place the candidate's messages join the feed. The lead plugs the `messages` collection in by
 * mapping its documents to `TimelineMessage` and passing them as `TimelineSources.messages`.
 */
export function messageEntries(messages: readonly TimelineMessage[]): TimelineEntry[] {
  return messages.map((message) => ({
    kind: 'message',
    key: `message:${message.id}`,
    at: message.at,
    message,
  }));
}

/**
 * One feed of what happened to a candidate, newest first: the record made, every stage move (with
 * its note), comments, interviews (when scheduled for), scorecards (when submitted), the résumé
 * and messages. Ties keep a stable order (by key), so the feed does not shuffle as data arrives.
 */
export function buildTimeline(sources: TimelineSources): TimelineEntry[] {
  const { candidate, applications, interviews, comments, jobs } = sources;
  const title = (jobId: string) => jobs.get(jobId)?.title ?? 'a job';
  const entries: TimelineEntry[] = [
    {
      kind: 'created',
      key: `created:${candidate.id}`,
      at: candidate.createdAt,
      by: candidate.createdBy,
      ...(candidate.notes ? { notes: candidate.notes } : {}),
    },
  ];
  for (const application of applications) {
    application.stageHistory.forEach((move, index) =>
      entries.push({
        kind: 'stage',
        key: `stage:${application.id}:${index}`,
        at: move.at,
        by: move.by,
        jobTitle: title(application.jobId),
        applicationId: application.id,
        from: move.from,
        to: move.to,
        ...(move.note ? { note: move.note } : {}),
      }),
    );
  }
  for (const comment of comments) {
    entries.push({
      kind: 'comment',
      key: `comment:${comment.id}`,
      at: comment.createdAt,
      by: comment.createdBy,
      comment,
    });
  }
  for (const interview of interviews) {
    entries.push({
      kind: 'interview',
      key: `interview:${interview.id}`,
      at: interview.scheduledAt,
      by: interview.createdBy,
      interview,
      jobTitle: title(interview.jobId),
    });
    for (const card of interview.scorecards) {
      entries.push({
        kind: 'scorecard',
        key: `scorecard:${interview.id}:${card.interviewerId}`,
        at: card.submittedAt,
        by: card.interviewerId,
        interview,
        rating: card.rating,
        recommendation: card.recommendation,
      });
    }
  }
  if (candidate.resume) {
    entries.push({
      kind: 'file',
      key: `file:${candidate.id}:${candidate.resume.sha256}`,
      at: candidate.resume.uploadedAt,
      fileName: candidate.resume.fileName,
    });
  }
  entries.push(...messageEntries(sources.messages ?? []));
  return entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.key.localeCompare(b.key));
}
