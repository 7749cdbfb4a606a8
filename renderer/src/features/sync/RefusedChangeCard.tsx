import {
  Alert,
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
import { useFormatShort } from '../../ui/use-time-zone';
import { useState } from 'react';
import { useDb } from '../../data/hooks/use-database';
import type { RefusedChange } from '../../data/local-schemas';
import { useRefusalView } from '../../data/conflicts/use-refusal-explanation';
import { RefusalDifferences } from './RefusalDifferences';

/**
 * One refused change: what happened meanwhile, in the person's words, the rule's reason, the fields
 * that differ from what stands now; apply it again where the rules now allow it, copy, dismiss.
 */
export function RefusedChangeCard({ change }: { readonly change: RefusedChange }) {
  const db = useDb();
  const formatShort = useFormatShort();
  const { explanation, applyAgain } = useRefusalView(change);
  const [againError, setAgainError] = useState<string | null>(null);
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
        <Typography sx={{ fontWeight: 500 }} aria-label="What happened">
          {explanation.headline}
        </Typography>
        <Typography color="error" role="note">
          {change.message}
        </Typography>
        <RefusalDifferences differences={explanation.differences} />
        {againError && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {againError}
          </Alert>
        )}
        <Typography variant="caption" color="text.secondary">
          Refused {formatShort(change.refusedAt)} · reason code {change.code}
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
        {applyAgain && (
          <Button variant="contained" onClick={() => void applyAgain().then(setAgainError)}>
            Apply my change again
          </Button>
        )}
        <Button onClick={copy}>{isCopied ? 'Copied' : 'Copy your version'}</Button>
        <Button color="inherit" onClick={dismiss}>
          Dismiss
        </Button>
      </CardActions>
    </Card>
  );
}
