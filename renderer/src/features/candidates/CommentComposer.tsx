import { Alert, Box, Button, Chip, Stack, TextField, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { newComment } from '#shared/domain/comment/comment-commands';
import { isMentionable, mentionsIn } from '#shared/domain/comment/comment-rules';
import type { User } from '#shared/domain/user/user-schema';
import { useActor, useDb } from '../../data/hooks/use-database';
import { newDocumentId, saveDocument } from '../../data/local-writes';

interface CommentComposerProps {
  readonly candidateId: string;
  readonly users: readonly User[];
}

/** The `@name` being typed just before the caret, if any. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|\s)@([\p{L}\p{N}.'-]*(?: [\p{L}\p{N}.'-]*)?)$/u.exec(before);
  if (!match) return null;
  const query = match[1] ?? '';
  return { start: caret - query.length - 1, query };
}

/**
 * Writes a comment on the candidate's timeline, offline too: `@` offers the colleagues who read
 * the timeline; the people named are notified once the server takes it.
 */
export function CommentComposer({ candidateId, users }: CommentComposerProps) {
  const db = useDb();
  const actor = useActor();
  const input = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState('');
  const [caret, setCaret] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const colleagues = users.filter((user) => isMentionable(user) && user.id !== actor.id);
  const typing = mentionQuery(body, caret);
  const suggestions = typing
    ? colleagues.filter((user) => user.name.toLowerCase().startsWith(typing.query.toLowerCase())).slice(0, 5)
    : [];
  const mentioned = mentionsIn(body, colleagues).map(
    (id) => users.find((user) => user.id === id)?.name ?? id,
  );

  const complete = (user: User) => {
    if (!typing) return;
    const next = `${body.slice(0, typing.start)}@${user.name} ${body.slice(caret)}`;
    const at = typing.start + user.name.length + 2;
    setBody(next);
    setCaret(at);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(at, at);
    });
  };

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
    setCaret(0);
  };

  return (
    <Box
      component="form"
      aria-label="New comment"
      onSubmit={(event) => (event.preventDefault(), void submit())}
    >
      <TextField
        inputRef={input}
        label="Add a comment"
        placeholder="Type @ to mention a colleague"
        multiline
        minRows={2}
        fullWidth
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          setCaret(event.target.selectionStart ?? event.target.value.length);
        }}
        onSelect={(event) => setCaret((event.target as HTMLTextAreaElement).selectionStart ?? 0)}
        slotProps={{ htmlInput: { maxLength: 5_000 } }}
      />
      {suggestions.length > 0 && (
        <Stack
          direction="row"
          role="listbox"
          aria-label="Mention a colleague"
          sx={{ gap: 0.5, mt: 0.5, flexWrap: 'wrap' }}
        >
          {suggestions.map((user) => (
            <Chip
              key={user.id}
              role="option"
              aria-selected={false}
              label={`@${user.name}`}
              onClick={() => complete(user)}
              size="small"
              color="primary"
              variant="outlined"
            />
          ))}
        </Stack>
      )}
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
