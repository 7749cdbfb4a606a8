import { useEffect, useRef, useState } from 'react';
import type { ComposedMessageKind } from '#shared/domain/message/message-schema';
import { useSettings } from '../data/hooks/use-documents';
import { startDraft, type MessageDraft } from './message-draft';

/**
 * A dialog's message draft: the organisation's template filled in (again whenever what fills it
 * changes, e.g. the interview's time), until the person edits the words; from then on they are theirs.
 * "Send" starts as the organisation set it.
 */
export function useMessageDraft(
  kind: ComposedMessageKind,
  values: Readonly<Record<string, string | undefined>>,
): readonly [MessageDraft, (draft: MessageDraft) => void] {
  const settings = useSettings();
  const [draft, setDraft] = useState<MessageDraft>(() => startDraft(null, kind, values));
  const isEdited = useRef(false);
  const isSendChosen = useRef(false);
  const filledFrom = JSON.stringify(values);
  useEffect(() => {
    if (settings === undefined || isEdited.current) return;
    const filled = startDraft(settings, kind, values);
    setDraft((current) => ({ ...filled, send: isSendChosen.current ? current.send : filled.send }));
    // `filledFrom` stands for `values` (a new object on every render).
  }, [settings, kind, filledFrom]);
  const change = (next: MessageDraft) => {
    if (next.subject !== draft.subject || next.body !== draft.body) isEdited.current = true;
    if (next.send !== draft.send) isSendChosen.current = true;
    setDraft(next);
  };
  return [draft, change] as const;
}
