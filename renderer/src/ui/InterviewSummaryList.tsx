import { List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link } from 'react-router';
import { formatDateTime } from './formatting';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { humanize } from './labels';
import { StatusChip } from './StatusChip';

interface InterviewSummaryListProps {
  readonly interviews: readonly Interview[];
  readonly personName: (id: string) => string;
}

/** Interviews in short: when, what kind, with whom, status, submitted scorecards; each opens its page. */
export function InterviewSummaryList({ interviews, personName }: InterviewSummaryListProps) {
  if (interviews.length === 0)
    return <Typography sx={{ color: 'text.secondary' }}>No interviews.</Typography>;
  return (
    <List dense aria-label="Interviews">
      {interviews.map((interview) => (
        <ListItem key={interview.id} disablePadding secondaryAction={<StatusChip value={interview.status} />}>
          <ListItemButton component={Link} to={`/interviews/${interview.id}`} sx={{ px: 1, borderRadius: 1 }}>
            <ListItemText
              primary={`${humanize(interview.type)} · ${formatDateTime(interview.scheduledAt)} · ${interview.durationMinutes} min`}
              secondary={`With ${interview.interviewerIds.map(personName).join(', ')} · ${interview.scorecards.length} scorecard${
                interview.scorecards.length === 1 ? '' : 's'
              }${interview.location ? ` · ${interview.location}` : ''}${interview.meetingUrl ? ` · ${interview.meetingUrl}` : ''}`}
            />
          </ListItemButton>
        </ListItem>
      ))}
    </List>
  );
}
