import { List, ListItem, ListItemText } from '@mui/material';
import type { StageHistoryEntry } from '#shared/domain/application/application-schema';
import { humanize } from './labels';
import { useFormatShort } from './use-time-zone';

interface StageTimelineProps {
  readonly history: readonly StageHistoryEntry[];
  readonly personName: (id: string) => string;
  readonly label?: string;
  /**
   * The candidate's name, for entries made by someone the staff directory does not know (a
   * candidate applying through the careers page), instead of their account id.
   */
  readonly applicantName?: string;
}

/** An application's stage history, oldest first: what, when, by whom, with the note. */
export function StageTimeline({
  history,
  personName,
  label = 'Stage history',
  applicantName,
}: StageTimelineProps) {
  // In the person's time zone (theirs, the organisation's, this computer's).
  const formatShort = useFormatShort();
  // `personName` answers the id itself for anyone outside the staff directory.
  const byWhom = (id: string) => {
    const name = personName(id);
    return name === id && applicantName ? `${applicantName}, through the careers page` : name;
  };
  return (
    <List dense aria-label={label} sx={{ borderLeft: 2, borderColor: 'primary.light', pl: 1 }}>
      {history.map((entry, index) => (
        <ListItem key={`${entry.at}-${index}`} disableGutters>
          <ListItemText
            primary={
              entry.from ? `${humanize(entry.from)} → ${humanize(entry.to)}` : `${humanize(entry.to)} (added)`
            }
            secondary={`${formatShort(entry.at)} · ${byWhom(entry.by)}${entry.note ? ` · ${entry.note}` : ''}`}
          />
        </ListItem>
      ))}
    </List>
  );
}
