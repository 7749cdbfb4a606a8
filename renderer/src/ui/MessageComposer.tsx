import {
  Alert,
  Box,
  Checkbox,
  FormControlLabel,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { MESSAGE_KIND_LABELS } from '#shared/domain/message/message-templates';
import type { ComposedMessageKind } from '#shared/domain/message/message-schema';
import { draftProblem, type MessageDraft } from './message-draft';

interface MessageComposerProps {
  readonly kind: ComposedMessageKind;
  readonly candidateName: string;
  readonly candidateEmail: string;
  readonly draft: MessageDraft;
  readonly onChange: (draft: MessageDraft) => void;
}

/**
 * The message that may go with a change (SPEC §12): off or on as the organisation set it, the
 * organisation's template filled in, editable, with a preview of exactly what the candidate gets.
 * Nothing is sent unless "send" is ticked.
 */
export function MessageComposer({
  kind,
  candidateName,
  candidateEmail,
  draft,
  onChange,
}: MessageComposerProps) {
  const [view, setView] = useState<'edit' | 'preview'>('edit');
  const problem = draftProblem(draft);
  return (
    <Box
      component="section"
      aria-label="Message to the candidate"
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}
    >
      <FormControlLabel
        control={
          <Checkbox
            checked={draft.send}
            onChange={(event) => onChange({ ...draft, send: event.target.checked })}
          />
        }
        label={`Send ${candidateName} a message (${MESSAGE_KIND_LABELS[kind].toLowerCase()})`}
      />
      {!draft.send && (
        <Typography variant="body2" sx={{ color: 'text.secondary', ml: 4 }}>
          No message: the candidate is not told anything.
        </Typography>
      )}
      {draft.send && (
        <Stack spacing={1.5} sx={{ mt: 1 }}>
          <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1 }}>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              To {candidateEmail}. Sent once this change reaches the server.
            </Typography>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={view}
              onChange={(_event, next: 'edit' | 'preview' | null) => next && setView(next)}
              aria-label="Edit or preview the message"
            >
              <ToggleButton value="edit">Edit</ToggleButton>
              <ToggleButton value="preview">Preview</ToggleButton>
            </ToggleButtonGroup>
          </Stack>
          {view === 'edit' ? (
            <>
              <TextField
                label="Subject"
                value={draft.subject}
                onChange={(event) => onChange({ ...draft, subject: event.target.value })}
                slotProps={{ htmlInput: { maxLength: 300 } }}
              />
              <TextField
                label="Message"
                multiline
                minRows={5}
                value={draft.body}
                onChange={(event) => onChange({ ...draft, body: event.target.value })}
                slotProps={{ htmlInput: { maxLength: 20_000 } }}
              />
            </>
          ) : (
            <Box aria-label="Preview" sx={{ bgcolor: 'grey.50', p: 1.5, borderRadius: 1 }}>
              <Typography sx={{ fontWeight: 600 }}>{draft.subject}</Typography>
              <Typography sx={{ whiteSpace: 'pre-wrap', mt: 1 }}>{draft.body}</Typography>
            </Box>
          )}
          {problem && <Alert severity="warning">{problem}</Alert>}
        </Stack>
      )}
    </Box>
  );
}
