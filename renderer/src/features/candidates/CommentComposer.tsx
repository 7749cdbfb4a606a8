import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { newComment } from '#shared/domain/comment/comment-commands';
import { isMentionable, mentionsIn } from '#shared/domain/comment/comment-rules';
import type { User } from '#shared/domain/user/user-schema';
import { useActor, useDb } from '../../data/hooks/use-database';
import { newDocumentId, saveDocument } from '../../data/local-writes';
import { MentionField } from './MentionField';

interface CommentComposerProps {
  readonly candidateId: string;
  readonly users: readonly User[];
}

/**
 * Writes a comment on the candidate's timeline, offline too: `@` offers the colleagues who read
 * the timeline; the people named are notified once the server takes it.
 */
export function CommentComposer({ candidateId, users }: CommentComposerProps) {
  const db = useDb();
  const actor = useActor();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const colleagues = users.filter((user) => isMentionable(user) && user.id !== actor.id);
  const mentioned = mentionsIn(body, colleagues).map(
    (id) => users.find((user) => user.id === id)?.name ?? id,
  );

  const submit = async () => {
    setIsSaving(true);
    const comment = newComment(
      { id: newDocumentId('comment'), candidateId, body },
      colleagues,
      actor,
      new Date(),
    );
    const decision = await saveDocument(db, actor, 'comments', null, comment);
    setIsSaving(false);
    if (!decision.ok) {
      setError(decision.message);
      return;
    }
    setError(null);
    setBody('');
  };

  return (
    <Box
      component="form"
      aria-label="New comment"
      onSubmit={(event) => (event.preventDefault(), void submit())}
    >
      <MentionField label="Add a comment" value={body} onChange={setBody} colleagues={colleagues} />
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mt: 1, gap: 1 }}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {mentioned.length > 0 ? `Notifies ${mentioned.join(', ')}` : ' '}
        </Typography>
        <Button type="submit" variant="contained" disabled={isSaving || body.trim() === ''}>
          Comment
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
    </Box>
  );
}
