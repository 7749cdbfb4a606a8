import { Chip, Stack, TextField } from '@mui/material';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { User } from '#shared/domain/user/user-schema';

interface MentionFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The colleagues `@` offers (those who may be mentioned, not the writer). */
  readonly colleagues: readonly User[];
  readonly placeholder?: string;
  readonly autoFocus?: boolean;
  readonly onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
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
 * A comment's text field: typing `@` offers the colleagues whose names start with what follows, and
 * picking one (a click, or Enter or Tab for the first) writes their full name. Used to write a
 * comment and to edit one.
 */
export function MentionField(props: MentionFieldProps) {
  const { value, onChange, colleagues } = props;
  const input = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(value.length);
  const typing = mentionQuery(value, caret);
  const suggestions = typing
    ? colleagues.filter((user) => user.name.toLowerCase().startsWith(typing.query.toLowerCase())).slice(0, 5)
    : [];

  const complete = (user: User) => {
    if (!typing) return;
    const next = `${value.slice(0, typing.start)}@${user.name} ${value.slice(caret)}`;
    const at = typing.start + user.name.length + 2;
    onChange(next);
    setCaret(at);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(at, at);
    });
  };

  return (
    <>
      <TextField
        inputRef={input}
        label={props.label}
        placeholder={props.placeholder ?? 'Type @ to mention a colleague'}
        multiline
        minRows={2}
        fullWidth
        autoFocus={props.autoFocus ?? false}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart ?? event.target.value.length);
        }}
        onSelect={(event) => setCaret((event.target as HTMLTextAreaElement).selectionStart ?? 0)}
        onKeyDown={(event) => {
          // While names are offered, Enter or Tab picks the first, as in chat apps; it does not save.
          const first = suggestions[0];
          if (first && (event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) {
            if (event.nativeEvent.isComposing) return;
            event.preventDefault();
            complete(first);
            return;
          }
          props.onKeyDown?.(event);
        }}
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
    </>
  );
}
