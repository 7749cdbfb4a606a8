import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { currentDecline } from '#shared/domain/interview/decline-rules';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { toIso } from '#shared/domain/common/time';
import { useActor, useDb } from '../../data/hooks/use-database';
import { saveDocument } from '../../data/local-writes';

/** The interview with my decline (or none, to take it back). */
function withMyDecline(interview: Interview, userId: string, reason: string | null, now: number): Interview {
  const others = (interview.declines ?? []).filter((decline) => decline.interviewerId !== userId);
  const declines =
    reason === null
      ? others
      : [...others, { interviewerId: userId, reason, at: toIso(now), scheduledAt: interview.scheduledAt }];
  const { declines: _declines, ...rest } = interview;
  return declines.length > 0 ? { ...rest, declines } : rest;
}

/**
 * "I cannot make it": an assigned interviewer declines with a reason (a change of their own, checked
 * by the shared rules); the schedulers see it on the application. Declined, it shows the reason and
 * lets them take it back.
 */
export function DeclineInterview({ interview }: { readonly interview: Interview }) {
  const db = useDb();
  const actor = useActor();
  const [isOpen, setIsOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mine = currentDecline(interview, actor.id);

  const save = async (nextReason: string | null) => {
    const decision = await saveDocument(
      db,
      actor,
      'interviews',
      interview,
      withMyDecline(interview, actor.id, nextReason, Date.now()),
    );
    setError(decision.ok ? null : decision.message);
    if (decision.ok) setIsOpen(false);
  };

  if (mine) {
    return (
      <Alert
        severity="warning"
        action={
          <Button color="inherit" size="small" onClick={() => void save(null)}>
            I can make it after all
          </Button>
        }
      >
        You declined this interview: {mine.reason}. The recruiters see it and will find someone else or
        another time.
        {error && ` ${error}`}
      </Alert>
    );
  }
  return (
    <>
      <Button color="warning" variant="outlined" onClick={() => setIsOpen(true)}>
        Decline interview
      </Button>
      {isOpen && (
        <Dialog open onClose={() => setIsOpen(false)} aria-labelledby="decline-title" fullWidth maxWidth="sm">
          <DialogTitle id="decline-title">Decline this interview</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ pt: 1 }}>
              <TextField
                label="Reason"
                helperText="The recruiters see it, e.g. “On a customer visit that day; free on Thursday.”"
                multiline
                minRows={2}
                autoFocus
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                slotProps={{ htmlInput: { maxLength: 500 } }}
              />
              {error && <Alert severity="error">{error}</Alert>}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setIsOpen(false)}>Keep the interview</Button>
            <Button
              variant="contained"
              color="warning"
              disabled={reason.trim() === ''}
              onClick={() => void save(reason.trim())}
            >
              Decline
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
