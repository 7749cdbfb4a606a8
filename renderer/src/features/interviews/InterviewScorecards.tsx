import { Alert, Stack, Typography } from '@mui/material';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { hasSubmittedScorecard, isAssigned } from '#shared/domain/decide/read-rules';
import { ScorecardDetails } from '../../ui/ScorecardDetails';
import { useFormatShort } from '../../ui/use-time-zone';

interface InterviewScorecardsProps {
  readonly interview: Interview;
  readonly viewerId: string;
  readonly personName: (id: string) => string;
  readonly attributeName: (id: string) => string;
  /** Whether the viewer reads everything (then nothing is withheld from them). */
  readonly readsEverything: boolean;
}

function names(ids: readonly string[], personName: (id: string) => string): string {
  const all = ids.map(personName);
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

/**
 * The other interviewers' submitted scorecards. An assigned interviewer who has not submitted theirs
 * sees none of them (the server withholds them too) and is told whose exist; after submitting
 * offline, those arrive with the next sync, and the page says so rather than "none yet".
 */
export function InterviewScorecards({
  interview,
  viewerId,
  personName,
  attributeName,
  readsEverything,
}: InterviewScorecardsProps) {
  const formatShort = useFormatShort();
  const withheldAuthors = (interview.withheldScorecardAuthors ?? []).filter((id) => id !== viewerId);
  const others = interview.scorecards.filter((card) => card.interviewerId !== viewerId || readsEverything);
  const isWithheld =
    !readsEverything && isAssigned(interview, viewerId) && !hasSubmittedScorecard(interview, viewerId);
  if (isWithheld) {
    return (
      <Alert severity="info">
        {withheldAuthors.length > 0
          ? `${names(withheldAuthors, personName)} ${withheldAuthors.length === 1 ? 'has' : 'have'} submitted a scorecard. `
          : ''}
        The other interviewers’ scorecards stay hidden until you submit yours, so nobody’s opinion anchors
        yours.
      </Alert>
    );
  }
  const arriving = withheldAuthors.filter((id) => !others.some((card) => card.interviewerId === id));
  return (
    <Stack spacing={1}>
      {arriving.length > 0 && (
        <Alert severity="info">
          {names(arriving, personName)}’s scorecard{arriving.length === 1 ? ' was' : 's were'} submitted: now
          that yours is in, {arriving.length === 1 ? 'it arrives' : 'they arrive'} when this device syncs.
        </Alert>
      )}
      {others.length === 0 && arriving.length === 0 && (
        <Typography sx={{ color: 'text.secondary' }}>No other scorecards yet.</Typography>
      )}
      {others.length > 0 && (
        <Stack aria-label="Submitted scorecards" role="list" divider={<span aria-hidden />}>
          {others.map((card) => (
            <div
              role="listitem"
              key={card.interviewerId}
              aria-label={`Scorecard by ${personName(card.interviewerId)}`}
            >
              <ScorecardDetails
                card={card}
                author={personName(card.interviewerId)}
                attributeName={attributeName}
                submittedAt={formatShort(card.submittedAt)}
              />
            </div>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
