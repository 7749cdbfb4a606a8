import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { activeRejectionReasons } from '#shared/domain/settings/settings-schema';
import { useActor, useCurrentUser } from '../data/hooks/use-database';
import { useApplication, useCandidate, useJob, useSettings } from '../data/hooks/use-documents';
import { draftProblem, type MessageDraft } from './message-draft';
import { messageValues } from './message-values';
import { CandidateMessageComposer, isMessageOffered } from './CandidateMessageComposer';
import { useMessageDraft } from './use-message-draft';

interface RejectDialogProps {
  readonly candidateName: string;
  /**
   * The application being rejected: its candidate and job fill the message. Without one (a rejection
   * of many at once) no message is offered, so none is sent.
   */
  readonly applicationId?: string;
  /**
   * Called with the id of one of the organisation's reasons, the note, and the message to send with
   * the rejection (its `send` off: none).
   */
  readonly onReject: (reason: string, note: string, message: MessageDraft) => void;
  readonly onClose: () => void;
}

/**
 * Rejecting needs one of the organisation's reasons, and may add a note (SPEC §3); the person also
 * decides whether the candidate gets a message, and which words (SPEC §12).
 */
export function RejectDialog({ candidateName, applicationId, onReject, onClose }: RejectDialogProps) {
  const actor = useActor();
  const user = useCurrentUser();
  const settings = useSettings();
  const application = useApplication(applicationId ?? '');
  const candidate = useCandidate(application?.candidateId ?? '');
  const job = useJob(application?.jobId ?? '');
  const reasons = settings ? activeRejectionReasons(settings) : [];
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [draft, setDraft] = useMessageDraft(
    'rejection',
    messageValues({ candidate, job, senderName: user.name }),
  );
  const hasReason = reasons.some((option) => option.id === reason);
  const mayMessage = isMessageOffered(actor, 'rejection', candidate);
  const problem = mayMessage ? draftProblem(draft) : null;
  return (
    <Dialog open onClose={onClose} aria-labelledby="reject-title" fullWidth maxWidth="sm">
      <DialogTitle id="reject-title">Reject {candidateName}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {settings === null && (
            <Alert severity="info">
              The organisation’s rejection reasons are not on this device yet; they arrive with the next sync.
            </Alert>
          )}
          <TextField
            select
            label="Reason"
            required
            autoFocus
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            helperText={hasReason ? ' ' : 'Choose one of the organisation’s reasons.'}
          >
            {reasons.map((option) => (
              <MenuItem key={option.id} value={option.id}>
                {option.label}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="Note"
            multiline
            minRows={2}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            helperText="For the team; the candidate does not see it."
            slotProps={{ htmlInput: { maxLength: 2_000 } }}
          />
          <CandidateMessageComposer kind="rejection" candidate={candidate} draft={draft} onChange={setDraft} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          color="error"
          disabled={!hasReason || problem !== null}
          onClick={() => onReject(reason, note, mayMessage ? draft : { ...draft, send: false })}
        >
          {mayMessage && draft.send ? 'Reject and send' : 'Reject'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
