import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { formatDateTime } from '../../ui/formatting';
import { useState } from 'react';
import { useDb } from '../../data/hooks/use-database';
import type { RefusedChange } from '../../data/local-schemas';

/** One refused change: what, why, when, the person's version; copy and dismiss. */
export function RefusedChangeCard({ change }: { readonly change: RefusedChange }) {
  const db = useDb();
  const [isCopied, setIsCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(change.ownVersion).then(() => setIsCopied(true));
  };
  const dismiss = () => {
    void db.refused
      .findOne(change.id)
      .exec()
      .then((doc) => doc?.remove());
  };
  return (
    <Card variant="outlined" aria-label={`Refused: ${change.summary}`}>
      <CardContent>
        <Typography variant="subtitle1" component="h2">
          {change.summary}
        </Typography>
        <Typography color="error" role="note">
          {change.message}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          Refused {formatDateTime(change.refusedAt)} · reason code {change.code}
        </Typography>
        <Accordion sx={{ mt: 1 }} disableGutters>
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>Your version</AccordionSummary>
          <AccordionDetails>
            <Box
              component="pre"
              aria-label="Your version"
              sx={{ m: 0, maxHeight: 320, overflow: 'auto', fontSize: 12, bgcolor: 'grey.100', p: 1 }}
            >
              {change.ownVersion}
            </Box>
          </AccordionDetails>
        </Accordion>
      </CardContent>
      <CardActions>
        <Button onClick={copy}>{isCopied ? 'Copied' : 'Copy your version'}</Button>
        <Button color="inherit" onClick={dismiss}>
          Dismiss
        </Button>
      </CardActions>
    </Card>
  );
}
