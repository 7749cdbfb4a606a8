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
import { useSettings } from '../data/hooks/use-documents';

interface RejectDialogProps {
  readonly candidateName: string;
  /** Called with the id of one of the organisation's reasons, and the note. */
  readonly onReject: (reason: string, note: string) => void;
  readonly onClose: () => void;
}

/** Rejecting needs one of the organisation's reasons, and may add a note (SPEC §3). */
export function RejectDialog({ candidateName, onReject, onClose }: RejectDialogProps) {
  const settings = useSettings();
  const reasons = settings ? activeRejectionReasons(settings) : [];
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const hasReason = reasons.some((option) => option.id === reason);
  return (
    <Dialog open onClose={onClose} aria-labelledby="reject-title" fullWidth>
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
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          color="error"
          disabled={!hasReason}
          onClick={() => onReject(reason, note)}
        >
          Reject
        </Button>
      </DialogActions>
    </Dialog>
  );
}
