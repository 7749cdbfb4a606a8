import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Button,
  Chip,
  Stack,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useState } from 'react';
import { SYSTEM_AUTHOR, type Message } from '#shared/domain/message/message-schema';
import { MESSAGE_KIND_LABELS } from '#shared/domain/message/message-templates';
import { useActor, useDb } from '../../data/hooks/use-database';
import { useLiveDocuments } from '../../data/hooks/use-documents';
import { withdrawMessage } from '../../ui/candidate-messages';
import { PendingChip } from '../../ui/PendingChip';
import { useFormatWhen } from '../../ui/use-time-zone';

const STATUS_WORDS: Readonly<Record<Message['status'], { label: string; color: 'default' | 'success' | 'warning' }>> =
  {
    queued: { label: 'Waiting to be sent', color: 'warning' },
    sent: { label: 'Sent', color: 'success' },
    withdrawn: { label: 'Withdrawn', color: 'default' },
    cancelled: { label: 'Not sent', color: 'default' },
  };

/**
 * Every message to the candidate (SPEC §12), newest first: what, who wrote it and when, and whether
 * and when it went out. Its author may withdraw one that is still waiting.
 */
export function CandidateMessages({
  candidateId,
  personName,
}: {
  readonly candidateId: string;
  readonly personName: (id: string) => string;
}) {
  const db = useDb();
  const actor = useActor();
  const formatWhen = useFormatWhen();
  const [error, setError] = useState<string | null>(null);
  const messages = useLiveDocuments((database) => database.messages.find({ selector: { candidateId } }), [candidateId]);
  if (messages === undefined) return null;
  const sorted = [...messages].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (sorted.length === 0) {
    return <Typography sx={{ color: 'text.secondary' }}>No messages were sent to this candidate.</Typography>;
  }
  const withdraw = async (message: Message) => {
    const decision = await withdrawMessage(db, actor, message.id);
    setError(decision.ok ? null : decision.message);
  };
  return (
    <Stack spacing={1} component="section" aria-label="Messages">
      {error && <Alert severity="error">{error}</Alert>}
      {sorted.map((message) => {
        const status = STATUS_WORDS[message.status];
        const author = message.createdBy === SYSTEM_AUTHOR ? 'Sent automatically' : `By ${personName(message.createdBy)}`;
        return (
          <Accordion key={message.id} disableGutters variant="outlined">
            <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-label={`Message: ${message.subject}`}>
              <Stack sx={{ flexGrow: 1, minWidth: 0 }}>
                <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                  <Typography sx={{ fontWeight: 600 }}>{message.subject}</Typography>
                  <Chip size="small" label={MESSAGE_KIND_LABELS[message.kind]} variant="outlined" />
                  <Chip size="small" label={status.label} color={status.color} />
                  <PendingChip collection="messages" documentId={message.id} />
                </Stack>
                <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                  {author} · written {formatWhen(message.createdAt)}
                  {message.sentAt ? ` · sent ${formatWhen(message.sentAt)}` : ''}
                  {message.sentTo ? ` to ${message.sentTo}` : ''}
                </Typography>
              </Stack>
            </AccordionSummary>
            <AccordionDetails>
              {message.statusNote && (
                <Alert severity="info" sx={{ mb: 1 }}>
                  {message.statusNote}
                </Alert>
              )}
              <Typography sx={{ whiteSpace: 'pre-wrap' }}>{message.body}</Typography>
              {message.status === 'queued' && message.createdBy === actor.id && (
                <Button size="small" sx={{ mt: 1 }} onClick={() => void withdraw(message)}>
                  Withdraw: do not send
                </Button>
              )}
            </AccordionDetails>
          </Accordion>
        );
      })}
    </Stack>
  );
}
