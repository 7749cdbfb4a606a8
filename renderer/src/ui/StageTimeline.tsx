import { List, ListItem, ListItemText } from '@mui/material';
import { formatDateTime } from './formatting';
import type { StageHistoryEntry } from '#shared/domain/application/application-schema';
import { humanize } from './labels';

interface StageTimelineProps {
  readonly history: readonly StageHistoryEntry[];
  readonly personName: (id: string) => string;
  readonly label?: string;
}

/** An application's stage history, oldest first: what, when, by whom, with the note. */
export function StageTimeline({ history, personName, label = 'Stage history' }: StageTimelineProps) {
  return (
    <List dense aria-label={label} sx={{ borderLeft: 2, borderColor: 'primary.light', pl: 1 }}>
      {history.map((entry, index) => (
        <ListItem key={`${entry.at}-${index}`} disableGutters>
          <ListItemText
            primary={
              entry.from ? `${humanize(entry.from)} → ${humanize(entry.to)}` : `${humanize(entry.to)} (added)`
            }
            secondary={`${formatDateTime(entry.at)} · ${personName(entry.by)}${entry.note ? ` · ${entry.note}` : ''}`}
          />
        </ListItem>
      ))}
    </List>
  );
}
