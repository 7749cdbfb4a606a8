import { List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link } from 'react-router';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { humanize } from '../../ui/labels';
import { useFormatShort } from '../../ui/use-time-zone';

interface InterviewListProps {
  readonly interviews: readonly Interview[];
  readonly candidateName: (id: string) => string;
  readonly jobTitle: (id: string) => string;
  readonly emptyText: string;
}

/** Interviews with who, for what, when and how; each opens its interview page. */
export function InterviewList({ interviews, candidateName, jobTitle, emptyText }: InterviewListProps) {
  const formatShort = useFormatShort();
  if (interviews.length === 0) return <Typography sx={{ color: 'text.secondary' }}>{emptyText}</Typography>;
  return (
    <List dense>
      {interviews.map((interview) => (
        <ListItem key={interview.id} disablePadding>
          <ListItemButton component={Link} to={`/interviews/${interview.id}`} sx={{ px: 1, borderRadius: 1 }}>
            <ListItemText
              primary={`${candidateName(interview.candidateId)} · ${jobTitle(interview.jobId)}`}
              secondary={`${formatShort(interview.scheduledAt, true, false)} · ${humanize(interview.type)} · ${
                interview.location ?? interview.meetingUrl ?? 'place to be decided'
              }`}
            />
          </ListItemButton>
        </ListItem>
      ))}
    </List>
  );
}
