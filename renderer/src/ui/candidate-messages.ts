import type { Decision } from '#shared/domain/common/refusal';
import type { Actor } from '#shared/domain/common/roles';
import type { ShortlistDatabase } from '../data/database';
import { newDocumentId, saveDocument } from '../data/local-writes';
import { messageFromDraft, type MessageDraft, type MessageTarget } from './message-draft';

/**
 * Writes the message a person chose to send with a change they just made (judged by the shared rules,
 * then replicated: the server sends it once, when it and its change have reached it). Nothing is
 * written when "send" is off.
 */
export async function saveComposedMessage(
  db: ShortlistDatabase,
  actor: Actor,
  draft: MessageDraft | null,
  target: MessageTarget,
): Promise<Decision> {
  if (!draft?.send) return { ok: true };
  const message = messageFromDraft(draft, target, actor, newDocumentId('msg'), Date.now());
  return saveDocument(db, actor, 'messages', null, message);
}

/** Takes back a queued message of one's own (a move undone before it reached the server). */
export async function withdrawMessage(
  db: ShortlistDatabase,
  actor: Actor,
  messageId: string,
): Promise<Decision> {
  const document = await db.messages.findOne(messageId).exec();
  const message = document?.toMutableJSON();
  if (!message || message.status !== 'queued') return { ok: true };
  return saveDocument(db, actor, 'messages', message, { ...message, status: 'withdrawn' });
}

/**
 * The message chosen for a stage change just written (a rejection, a hire): tied to that very change
 * (its `at`), so if the move is taken back or overtaken it is never sent.
 */
export async function saveStageMessage(
  db: ShortlistDatabase,
  actor: Actor,
  draft: MessageDraft | null,
  applicationId: string,
  kind: 'rejection' | 'hired',
): Promise<{ readonly decision: Decision; readonly messageId: string | null }> {
  if (!draft?.send) return { decision: { ok: true }, messageId: null };
  const application = (await db.applications.findOne(applicationId).exec())?.toMutableJSON();
  const change = application?.stageHistory.at(-1);
  const stage = kind === 'rejection' ? 'rejected' : 'hired';
  if (!application || change?.to !== stage) {
    return {
      decision: { ok: false, code: 'not_found', message: 'The change this message goes with is not here.' },
      messageId: null,
    };
  }
  const id = newDocumentId('msg');
  const message = messageFromDraft(
    draft,
    { kind, candidateId: application.candidateId, applicationId, stageChangeAt: change.at },
    actor,
    id,
    Date.now(),
  );
  const decision = await saveDocument(db, actor, 'messages', null, message);
  return { decision, messageId: decision.ok ? id : null };
}
