import type { Application } from '#shared/domain/application/application-schema';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { Decision } from '#shared/domain/common/refusal';
import type { InterviewType } from '#shared/domain/interview/interview-schema';
import { toIso } from '#shared/domain/common/time';
import { instantIn } from '#shared/domain/user/time-zone';
import { useActor, useCurrentUser, useDb } from '../data/hooks/use-database';
import { useCandidate, useJob, useSettings } from '../data/hooks/use-documents';
import { saveComposedMessage } from './candidate-messages';
import { draftProblem, type MessageDraft } from './message-draft';
import { interviewValues, messageValues } from './message-values';
import { CandidateMessageComposer, isMessageOffered } from './CandidateMessageComposer';
import { useMessageDraft } from './use-message-draft';

/** The schedule form as the invitation reads it (its time as typed in the form). */
export interface InviteFields {
  readonly type: InterviewType;
  /** The form's date and time (`yyyy-MM-ddTHH:mm`), read as the form reads it. */
  readonly scheduledAt: string;
  readonly durationMinutes: string;
  readonly place: string;
}

/** The invitation that may go with a new interview: its draft, whether it is offered, and its saving. */
export interface InviteMessage {
  readonly isOffered: boolean;
  readonly willSend: boolean;
  readonly problem: string | null;
  readonly draft: MessageDraft;
  readonly setDraft: (draft: MessageDraft) => void;
  readonly candidate: Candidate | null;
  /** Writes the invitation (if chosen) for the interview just saved. */
  readonly save: (interviewId: string) => Promise<Decision>;
}

/**
 * The candidate's invitation to a new interview (`fields` null: none offered, e.g. a reschedule): the
 * organisation's template, its time written in the candidate's zone (theirs, else the organisation's).
 */
export function useInviteMessage(
  application: Pick<Application, 'id' | 'jobId' | 'candidateId'>,
  fields: InviteFields | null,
  /** The scheduler's zone: the one the form's date and time are typed in. */
  schedulerZone: string,
): InviteMessage {
  const db = useDb();
  const actor = useActor();
  const user = useCurrentUser();
  const settings = useSettings();
  const candidate = useCandidate(application.candidateId);
  const job = useJob(application.jobId);
  const at = fields ? instantIn(fields.scheduledAt, schedulerZone) : Number.NaN;
  const place = fields?.place.trim() ?? '';
  const values = {
    ...messageValues({ candidate, job, senderName: user.name }),
    ...(fields && !Number.isNaN(at)
      ? interviewValues(
          {
            type: fields.type,
            scheduledAt: toIso(at),
            durationMinutes: Number(fields.durationMinutes) || 0,
            ...(/^https?:\/\//i.test(place) ? { meetingUrl: place } : place ? { location: place } : {}),
          },
          candidate?.timeZone,
          settings?.timeZone,
        )
      : {}),
  };
  const [draft, setDraft] = useMessageDraft('interview_invite', values);
  const isOffered = fields !== null && isMessageOffered(actor, 'interview_invite', candidate);
  return {
    isOffered,
    willSend: isOffered && draft.send,
    problem: isOffered ? draftProblem(draft) : null,
    draft,
    setDraft,
    candidate: candidate ?? null,
    save: (interviewId) =>
      isOffered
        ? saveComposedMessage(db, actor, draft, {
            kind: 'interview_invite',
            candidateId: application.candidateId,
            applicationId: application.id,
            interviewId,
          })
        : Promise.resolve({ ok: true }),
  };
}

/** The invitation's composer in the schedule dialog (nothing when none is offered). */
export function InviteComposer({ invite }: { readonly invite: InviteMessage }) {
  if (!invite.isOffered) return null;
  return (
    <CandidateMessageComposer
      kind="interview_invite"
      candidate={invite.candidate}
      draft={invite.draft}
      onChange={invite.setDraft}
    />
  );
}
