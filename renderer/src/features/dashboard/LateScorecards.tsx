import { Chip, List, ListItemButton, ListItemText, Typography } from '@mui/material';
import { formatDistanceStrict } from 'date-fns';
import { memo, useMemo } from 'react';
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

/**
 * Whose scorecards the team waits for: due an hour after the interview, late a day after; oldest
 * first. Memoised, and the scan of every interview is made only when they or the minute change.
 */
export const LateScorecards = memo(function LateScorecards({
  interviews,
  now,
  personName,
  candidateName,
  emptyText,
}: LateScorecardsProps) {
  const missing = useMemo(() => missingScorecards(interviews, now), [interviews, now]);
  const byId = useMemo(() => new Map(interviews.map((interview) => [interview.id, interview])), [interviews]);
  if (missing.length === 0) return <Typography sx={{ color: 'text.secondary' }}>{emptyText}</Typography>;
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
});
