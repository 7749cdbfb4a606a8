import { Alert, Button, Chip, ListItem, ListItemText, Stack } from '@mui/material';
import { Link } from 'react-router';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { currentDeclines } from '#shared/domain/interview/decline-rules';
import { scorecardState } from '#shared/domain/interview/scorecard-due';
import { humanize } from '../../ui/labels';
import { PendingChip } from '../../ui/PendingChip';
import { ScorecardDetails } from '../../ui/ScorecardDetails';
import { StatusChip } from '../../ui/StatusChip';
import { MeetingPlace } from '../../ui/MeetingPlace';
import { formatInZone } from '../../ui/time-zones';
import { useFormatShort } from '../../ui/use-time-zone';

interface ApplicationInterviewItemProps {
  readonly interview: Interview;
  readonly personName: (id: string) => string;
  readonly attributeName: (id: string) => string;
  /** The kit it follows, by name; null without one. */
  readonly kitName: string | null;
  /** The viewer's time zone. */
  readonly timeZone: string;
  readonly now: number;
  /** Shown when the person may reschedule and cancel. */
  readonly onReschedule?: (() => void) | undefined;
  readonly onCancel?: (() => void) | undefined;
}

/** One interview of an application: declines, whose scorecard is due or late, every scorecard, the scheduling actions. */
export function ApplicationInterviewItem({
  interview,
  personName,
  attributeName,
  kitName,
  timeZone,
  now,
  onReschedule,
  onCancel,
}: ApplicationInterviewItemProps) {
  const formatShort = useFormatShort();
  const label = `${humanize(interview.type)} interview, ${formatShort(interview.scheduledAt)}`;
  const isScheduled = interview.status === 'scheduled';
  const declines = isScheduled ? currentDeclines(interview) : [];
  const owing = interview.interviewerIds
    .map((id) => ({ id, state: scorecardState(interview, id, now) }))
    .filter(({ state }) => state === 'due' || state === 'late');
  return (
    <ListItem divider aria-label={label} sx={{ display: 'block' }}>
      <Stack
        direction="row"
        sx={{ justifyContent: 'space-between', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}
      >
        <ListItemText
          primary={
            <Link to={`/interviews/${interview.id}`}>
              {humanize(interview.type)} interview,{' '}
              {formatInZone(Date.parse(interview.scheduledAt), timeZone)}
            </Link>
          }
          secondary={
            <>
              {kitName ? `${kitName} · ` : ''}
              {interview.durationMinutes} min · with {interview.interviewerIds.map(personName).join(', ')} ·{' '}
              <MeetingPlace interview={interview} />
            </>
          }
        />
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <PendingChip collection="interviews" documentId={interview.id} />
          <StatusChip value={interview.status} />
          {owing.map(({ id, state }) => (
            <Chip
              key={id}
              size="small"
              color={state === 'late' ? 'error' : 'warning'}
              label={`${personName(id)}: scorecard ${state}`}
            />
          ))}
          {onReschedule && isScheduled && <Button onClick={onReschedule}>Reschedule</Button>}
          {onCancel && isScheduled && (
            <Button color="error" onClick={onCancel}>
              Cancel interview
            </Button>
          )}
        </Stack>
      </Stack>
      {declines.map((decline) => (
        <Alert key={decline.interviewerId} severity="warning" sx={{ mt: 1 }}>
          {personName(decline.interviewerId)} declined on {formatShort(decline.at, false, false)}:{' '}
          {decline.reason}
        </Alert>
      ))}
      {interview.scorecards.map((card) => (
        <ScorecardDetails
          key={card.interviewerId}
          card={card}
          author={personName(card.interviewerId)}
          attributeName={attributeName}
          submittedAt={formatShort(card.submittedAt)}
        />
      ))}
    </ListItem>
  );
}
