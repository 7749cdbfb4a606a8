import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';

interface RejectDialogProps {
  readonly candidateName: string;
  readonly onReject: (reason: string, note: string) => void;
  readonly onClose: () => void;
}

/** Rejecting needs a reason (SPEC §3). */
export function RejectDialog({ candidateName, onReject, onClose }: RejectDialogProps) {
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const hasReason = reason.trim().length > 0;
  return (
    <Dialog open onClose={onClose} aria-labelledby="reject-title" fullWidth>
      <DialogTitle id="reject-title">Reject {candidateName}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            label="Reason"
            required
            autoFocus
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            helperText={hasReason ? ' ' : 'A reason is required.'}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
          <TextField
            label="Note"
            multiline
            minRows={2}
            value={note}
            onChange={(event) => setNote(event.target.value)}
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
