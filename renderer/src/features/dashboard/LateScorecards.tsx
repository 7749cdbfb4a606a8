import { Chip, List, ListItemButton, ListItemText, Typography } from '@mui/material';
import { formatDistanceStrict } from 'date-fns';
import { Link } from 'react-router';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { missingScorecards } from '#shared/domain/interview/scorecard-due';

interface LateScorecardsProps {
  readonly interviews: readonly Interview[];
  readonly now: number;
  readonly personName: (id: string) => string;
  readonly candidateName: (id: string) => string;
  /** What it says when no scorecard is waited for. */
  readonly emptyText: string;
}

/** Whose scorecards the team waits for: due an hour after the interview, late a day after; oldest first. */
export function LateScorecards({
  interviews,
  now,
  personName,
  candidateName,
  emptyText,
}: LateScorecardsProps) {
  const missing = missingScorecards(interviews, now);
  if (missing.length === 0) return <Typography sx={{ color: 'text.secondary' }}>{emptyText}</Typography>;
  const byId = new Map(interviews.map((interview) => [interview.id, interview]));
  return (
    <List dense aria-label="Scorecards waited for">
      {missing.slice(0, 12).map((entry) => {
        const interview = byId.get(entry.interviewId);
        return (
          <ListItemButton
            key={`${entry.interviewId}:${entry.interviewerId}`}
            component={Link}
            to={interview ? `/applications/${interview.applicationId}` : `/interviews/${entry.interviewId}`}
          >
            <ListItemText
              primary={`${personName(entry.interviewerId)} · ${interview ? candidateName(interview.candidateId) : ''}`}
              secondary={`Due ${formatDistanceStrict(entry.dueAt, now, { addSuffix: true })}`}
            />
            <Chip
              size="small"
              color={entry.state === 'late' ? 'error' : 'warning'}
              label={entry.state === 'late' ? 'Late' : 'Due'}
            />
          </ListItemButton>
        );
      })}
    </List>
  );
}
