import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { Actor } from '#shared/domain/common/roles';
import { mayComposeMessage } from '#shared/domain/message/message-rules';
import type { ComposedMessageKind } from '#shared/domain/message/message-schema';
import { useActor } from '../data/hooks/use-database';
import type { MessageDraft } from './message-draft';
import { MessageComposer } from './MessageComposer';

/** Whether a dialog offers a message of `kind` to this candidate: a role that may, a candidate not erased. */
export function isMessageOffered(
  actor: Actor,
  kind: ComposedMessageKind,
  candidate: Pick<Candidate, 'erasedAt'> | null | undefined,
): candidate is Pick<Candidate, 'erasedAt'> {
  return mayComposeMessage(actor, kind) && Boolean(candidate) && !candidate?.erasedAt;
}

/** The composer of a dialog's message to `candidate`, when one is offered (else nothing). */
export function CandidateMessageComposer({
  kind,
  candidate,
  draft,
  onChange,
}: {
  readonly kind: ComposedMessageKind;
  readonly candidate: Candidate | null | undefined;
  readonly draft: MessageDraft;
  readonly onChange: (draft: MessageDraft) => void;
}) {
  const actor = useActor();
  if (!candidate || !isMessageOffered(actor, kind, candidate)) return null;
  return (
    <MessageComposer
      kind={kind}
      candidateName={candidate.firstName}
      candidateEmail={candidate.email}
      draft={draft}
      onChange={onChange}
    />
  );
}
