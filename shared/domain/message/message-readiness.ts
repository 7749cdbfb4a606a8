import type { Application, Stage } from '../application/application-schema';
import type { Candidate } from '../candidate/candidate-schema';
import type { Interview } from '../interview/interview-schema';
import type { Message } from './message-schema';

/** Whether a queued message can go out now, must wait for its change to reach the server, or never will. */
export type MessageReadiness =
  | { readonly state: 'ready' }
  | { readonly state: 'waiting'; readonly why: string }
  | { readonly state: 'cancel'; readonly why: string };

/** What a queued message is checked against: the server's current versions. */
export interface MessageSituation {
  readonly candidate: Candidate | null;
  readonly application: Application | null;
  readonly interview: Interview | null;
}

const READY: MessageReadiness = { state: 'ready' };

function stageChange(
  message: Message,
  application: Application,
  stage: Stage,
  words: string,
): MessageReadiness {
  const isThere = application.stageHistory.some(
    (entry) => entry.to === stage && entry.at === message.stageChangeAt,
  );
  if (isThere) return READY;
  if (application.stage === 'hired' || application.stage === 'rejected') {
    return {
      state: 'cancel',
      why: `The ${words} it was written for did not happen: the application is ${application.stage}.`,
    };
  }
  return { state: 'waiting', why: `Waiting for the ${words} to reach the server.` };
}

/**
 * Whether a queued message goes out (SPEC §12): only with the change it was written for, as the
 * server has it. Offline, a message and its change sync separately and in any order, so a message
 * whose change is not on the server yet waits for it; one whose change was taken back or overtaken
 * (the application went elsewhere, the interview was cancelled) is cancelled, never sent.
 */
export function messageReadiness(message: Message, situation: MessageSituation): MessageReadiness {
  const { candidate, application, interview } = situation;
  if (!candidate || candidate.erasedAt) return { state: 'cancel', why: 'The candidate no longer exists.' };
  if (message.kind === 'acknowledgement') return READY;
  if (!application || application.candidateId !== message.candidateId) {
    return { state: 'waiting', why: 'Waiting for the application to reach the server.' };
  }
  switch (message.kind) {
    case 'rejection':
      return stageChange(message, application, 'rejected', 'rejection');
    case 'hired':
      return stageChange(message, application, 'hired', 'hire');
    case 'offer': {
      const isExtended = application.offer?.status === 'extended' || application.offer?.status === 'accepted';
      if (isExtended && (application.stage === 'offer' || application.stage === 'hired')) return READY;
      if (application.stage === 'rejected' || (application.stage === 'hired' && !isExtended)) {
        return {
          state: 'cancel',
          why: `The offer was not extended: the application is ${application.stage}.`,
        };
      }
      return { state: 'waiting', why: 'Waiting for the extended offer to reach the server.' };
    }
    case 'interview_invite': {
      if (!interview) return { state: 'waiting', why: 'Waiting for the interview to reach the server.' };
      if (interview.applicationId !== message.applicationId) {
        return { state: 'cancel', why: 'The interview is not for this application.' };
      }
      return interview.status === 'scheduled'
        ? READY
        : { state: 'cancel', why: `The interview is ${interview.status.replace('_', ' ')}.` };
    }
  }
}
