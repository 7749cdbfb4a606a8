import { Alert, List, ListItem, ListItemText, Typography } from '@mui/material';
import { format } from 'date-fns';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { hasSubmittedScorecard, isAssigned } from '#shared/domain/decide/read-rules';
import { humanize } from '../../ui/labels';

interface InterviewScorecardsProps {
  readonly interview: Interview;
  readonly viewerId: string;
  readonly personName: (id: string) => string;
  /** Whether the viewer reads everything (then nothing is withheld from them). */
  readonly readsEverything: boolean;
}

/**
 * The interview's submitted scorecards. An assigned interviewer who has not submitted theirs sees
 * none of the others (the server withholds them too; this says why the list is empty).
 */
export function InterviewScorecards({
  interview,
  viewerId,
  personName,
  readsEverything,
}: InterviewScorecardsProps) {
  const isWithheld =
    !readsEverything && isAssigned(interview, viewerId) && !hasSubmittedScorecard(interview, viewerId);
  if (isWithheld) {
    return (
      <Alert severity="info">
        The other interviewers’ scorecards stay hidden until you submit yours, so nobody’s opinion anchors
        yours.
      </Alert>
    );
  }
  const others = interview.scorecards.filter((card) => card.interviewerId !== viewerId || readsEverything);
  if (others.length === 0) {
    return <Typography sx={{ color: 'text.secondary' }}>No other scorecards yet.</Typography>;
  }
  return (
    <List dense aria-label="Submitted scorecards">
      {others.map((card) => (
        <ListItem
          key={card.interviewerId}
          disableGutters
          aria-label={`Scorecard by ${personName(card.interviewerId)}`}
        >
          <ListItemText
            primary={`${personName(card.interviewerId)} · ${card.rating}/5 · ${humanize(card.recommendation)}`}
            secondary={`${format(Date.parse(card.submittedAt), 'd MMM yyyy, HH:mm')}${card.notes ? ` · ${card.notes}` : ''}`}
          />
        </ListItem>
      ))}
    </List>
  );
}
