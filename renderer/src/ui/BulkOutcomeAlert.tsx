import { Alert, AlertTitle, List, ListItem, ListItemText } from '@mui/material';
import { bulkSummary, type BulkOutcome } from './bulk-outcome';

interface BulkOutcomeAlertProps {
  readonly outcome: BulkOutcome;
  /** What was done to each item, past tense ("moved", "tagged"). */
  readonly verb: string;
  readonly onClose: () => void;
}

/** The outcome of a bulk action: how many items it changed, and each refused one with its reason. */
export function BulkOutcomeAlert({ outcome, verb, onClose }: BulkOutcomeAlertProps) {
  return (
    <Alert severity={outcome.refused.length > 0 ? 'warning' : 'success'} onClose={onClose} role="status">
      <AlertTitle>{bulkSummary(outcome, verb)}</AlertTitle>
      {outcome.refused.length > 0 && (
        <List dense aria-label="Refused items" disablePadding>
          {outcome.refused.map((item, index) => (
            <ListItem key={`${item.label}-${index}`} disableGutters>
              <ListItemText primary={item.label} secondary={item.message} />
            </ListItem>
          ))}
        </List>
      )}
    </Alert>
  );
}
