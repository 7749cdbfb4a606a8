import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useState, type KeyboardEvent } from 'react';
import { mentionsIn } from '#shared/domain/comment/comment-rules';
import type { Comment } from '#shared/domain/comment/comment-schema';
import type { User } from '#shared/domain/user/user-schema';
import { useActor, useDb } from '../../data/hooks/use-database';
import { DiscardChangesDialog } from '../../ui/DiscardChangesDialog';
import { saveCommentEdit } from './comment-writes';
import { MentionField } from './MentionField';

interface CommentEditorProps {
  readonly comment: Comment;
  /** The colleagues who may be mentioned (not the author). */
  readonly colleagues: readonly User[];
  /** Called once the edit is saved or given up. */
  readonly onDone: () => void;
}

/**
 * Edits one's comment in place, offline too: Enter (or Save) saves, Shift+Enter starts a new line,
 * Escape (or Cancel) gives up, asking first when the text was changed. Shows who the edit newly
 * names: only they are notified.
 */
export function CommentEditor({ comment, colleagues, onDone }: CommentEditorProps) {
  const db = useDb();
  const actor = useActor();
  const [body, setBody] = useState(comment.body);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [isAskingToDiscard, setIsAskingToDiscard] = useState(false);
  const isChanged = body.trim() !== comment.body;
  const newlyNamed = mentionsIn(body, colleagues)
    .filter((id) => !comment.mentions.includes(id))
    .map((id) => colleagues.find((user) => user.id === id)?.name ?? id);

  const save = async () => {
    if (body.trim() === '' || isSaving) return;
    if (!isChanged) return onDone();
    setIsSaving(true);
    const decision = await saveCommentEdit(db, actor, comment, body, colleagues);
    setIsSaving(false);
    if (!decision.ok) return setError(decision.message);
    onDone();
  };
  const cancel = () => (isChanged ? setIsAskingToDiscard(true) : onDone());
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    }
  };

  return (
    <Box
      component="form"
      aria-label="Edit comment"
      onSubmit={(event) => (event.preventDefault(), void save())}
      sx={{ mt: 0.5 }}
    >
      <MentionField
        label="Edit your comment"
        placeholder="Enter saves, Shift+Enter starts a new line, Escape cancels"
        value={body}
        onChange={setBody}
        colleagues={colleagues}
        autoFocus
        onKeyDown={onKeyDown}
      />
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mt: 1, gap: 1 }}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {newlyNamed.length > 0 ? `Notifies ${newlyNamed.join(', ')}` : ' '}
        </Typography>
        <Stack direction="row" sx={{ gap: 1 }}>
          <Button onClick={cancel}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={isSaving || body.trim() === ''}>
            Save
          </Button>
        </Stack>
      </Stack>
      {error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
      {isAskingToDiscard && (
        <DiscardChangesDialog
          title="Discard your edit?"
          onKeep={() => setIsAskingToDiscard(false)}
          onDiscard={onDone}
        />
      )}
    </Box>
  );
}
