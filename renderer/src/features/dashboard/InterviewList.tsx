import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { format } from 'date-fns';
import type { Interview } from '../../../../shared/domain/interview/interview-schema';
import { humanize } from '../../ui/labels';

interface InterviewListProps {
  readonly interviews: readonly Interview[];
  readonly candidateName: (id: string) => string;
  readonly jobTitle: (id: string) => string;
  readonly emptyText: string;
}

/** Interviews with who, for what, when and how. */
export function InterviewList({ interviews, candidateName, jobTitle, emptyText }: InterviewListProps) {
  if (interviews.length === 0) return <Typography sx={{ color: 'text.secondary' }}>{emptyText}</Typography>;
  return (
    <List dense>
      {interviews.map((interview) => (
        <ListItem key={interview.id} disableGutters>
          <ListItemText
            primary={`${candidateName(interview.candidateId)} · ${jobTitle(interview.jobId)}`}
            secondary={`${format(Date.parse(interview.scheduledAt), 'EEE d MMM, HH:mm')} · ${humanize(interview.type)} · ${
              interview.location ?? interview.meetingUrl ?? 'place to be decided'
            }`}
          />
        </ListItem>
      ))}
    </List>
  );
}
