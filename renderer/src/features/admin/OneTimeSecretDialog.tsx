import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  InputAdornment,
  IconButton,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';

/**
 * A secret the server shows once (an API key, a webhook's signing secret): the text to copy, a copy
 * button, and a plain warning that it cannot be shown again. Closing it forgets the text.
 */
export function OneTimeSecretDialog({
  title,
  label,
  secret,
  usage,
  onClose,
}: {
  readonly title: string;
  readonly label: string;
  readonly secret: string;
  /** How the secret is used, in a sentence. */
  readonly usage: string;
  readonly onClose: () => void;
}) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () => {
    const clipboard = typeof navigator.clipboard === 'undefined' ? null : navigator.clipboard;
    if (!clipboard) {
      setCopied('failed');
      return;
    }
    clipboard.writeText(secret).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    // Only the button closes it: a stray click beside it must not lose the secret.
    <Dialog
      open
      onClose={(_event, reason) => {
        if (reason !== 'backdropClick') onClose();
      }}
      aria-labelledby="secret-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="secret-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Alert severity="warning">
            Copy it now: you will not see it again. Shortlist keeps only a fingerprint of it; if it is lost, make a new
            one.
          </Alert>
          <TextField
            label={label}
            value={secret}
            fullWidth
            slotProps={{
              input: {
                readOnly: true,
                sx: { fontFamily: 'monospace' },
                endAdornment: (
                  <InputAdornment position="end">
                    <IconButton aria-label={`Copy ${label}`} onClick={copy} edge="end">
                      <ContentCopyIcon />
                    </IconButton>
                  </InputAdornment>
                ),
              },
            }}
            onFocus={(event) => event.target.select()}
          />
          {copied === 'yes' && <Typography role="status">Copied.</Typography>}
          {copied === 'failed' && (
            <Typography role="status" sx={{ color: 'error.main' }}>
              This device did not allow copying: select the text and copy it yourself.
            </Typography>
          )}
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {usage}
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          I have copied it
        </Button>
      </DialogActions>
    </Dialog>
  );
}
