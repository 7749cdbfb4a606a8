import { Chip, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { Link } from 'react-router';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { ScorecardState } from '#shared/domain/interview/scorecard-due';
import { humanize } from '../../ui/labels';
import { MeetingPlace } from '../../ui/MeetingPlace';
import { ScorecardDueChip } from './ScorecardDueChip';
import { useFormatShort } from '../../ui/use-time-zone';

interface MyInterviewItemProps {
  readonly interview: Interview;
  readonly candidateName: string;
  readonly jobTitle: string;
  readonly hasDraft: boolean;
  readonly scorecard: ScorecardState;
  readonly hasDeclined: boolean;
}

/** One interview on "My interviews": who, for which job, what kind, when, where. */
export function MyInterviewItem({
  interview,
  candidateName,
  jobTitle,
  hasDraft,
  scorecard,
  hasDeclined,
}: MyInterviewItemProps) {
  const hasSubmitted = scorecard === 'submitted';
  const formatShort = useFormatShort();
  return (
    <ListItem divider aria-label={`${candidateName} — ${jobTitle}`} sx={{ alignItems: 'flex-start' }}>
      <ListItemText
        primary={
          <Link to={`/interviews/${interview.id}`}>
            {candidateName} — {jobTitle}
          </Link>
        }
        secondary={
          <Stack component="span" direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
            <Typography component="span" variant="body2">
              {humanize(interview.type)} · {formatShort(interview.scheduledAt, true)} · {interview.durationMinutes}{' '}
              min ·
            </Typography>
            <MeetingPlace interview={interview} />
            <ScorecardDueChip state={scorecard} />
            {!hasSubmitted && hasDraft && <Chip size="small" color="info" label="Draft saved" />}
            {hasDeclined && <Chip size="small" color="warning" variant="outlined" label="Declined" />}
          </Stack>
        }
        slotProps={{ secondary: { component: 'div' } }}
      />
    </ListItem>
  );
}
