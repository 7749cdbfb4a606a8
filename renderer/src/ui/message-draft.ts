import type { Actor } from '#shared/domain/common/roles';
import { toIso } from '#shared/domain/common/time';
import type { ComposedMessageKind, Message } from '#shared/domain/message/message-schema';
import { fillTemplate, hasUnfilledVariables } from '#shared/domain/message/message-templates';
import {
  messageTemplateOf,
  sendsMessageByDefault,
  type Settings,
} from '#shared/domain/settings/settings-schema';

/** What a dialog's composer holds: whether to send, and the words (the template filled in, edited). */
export interface MessageDraft {
  readonly send: boolean;
  readonly subject: string;
  readonly body: string;
}

/** The draft a dialog opens with: the organisation's template filled in, "send" as the organisation set it. */
export function startDraft(
  settings: Settings | null,
  kind: ComposedMessageKind,
  values: Readonly<Record<string, string | undefined>>,
): MessageDraft {
  const filled = fillTemplate(messageTemplateOf(settings, kind), values);
  return { send: sendsMessageByDefault(settings, kind), ...filled };
}

/** Why a draft cannot be sent as it is, or null (nothing to say when it is not to be sent). */
export function draftProblem(draft: MessageDraft): string | null {
  if (!draft.send) return null;
  if (draft.subject.trim() === '' || draft.body.trim() === '') return 'A message needs a subject and a text.';
  if (hasUnfilledVariables(`${draft.subject}\n${draft.body}`)) {
    return 'Fill in or remove the {{…}} placeholders first.';
  }
  return null;
}

/** What the message goes with: whom it is for and which change. */
export interface MessageTarget {
  readonly kind: ComposedMessageKind;
  readonly candidateId: string;
  readonly applicationId: string;
  readonly interviewId?: string;
  /** For a rejection or a hire: the `at` of that stage change. */
  readonly stageChangeAt?: string;
}

/** The queued message a sent draft becomes (the server sends it once its change is there). */
export function messageFromDraft(
  draft: MessageDraft,
  target: MessageTarget,
  actor: Actor,
  id: string,
  now: number,
): Message {
  return {
    id,
    updatedAt: 0,
    candidateId: target.candidateId,
    applicationId: target.applicationId,
    ...(target.interviewId ? { interviewId: target.interviewId } : {}),
    ...(target.stageChangeAt ? { stageChangeAt: target.stageChangeAt } : {}),
    kind: target.kind,
    subject: draft.subject.trim(),
    body: draft.body.trim(),
    status: 'queued',
    createdBy: actor.id,
    createdAt: toIso(now),
  };
}
