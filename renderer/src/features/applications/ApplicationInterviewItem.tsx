import { Button, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { Link } from 'react-router';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { humanize } from '../../ui/labels';
import { PendingChip } from '../../ui/PendingChip';
import { StatusChip } from '../../ui/StatusChip';
import { MeetingPlace } from '../../ui/MeetingPlace';
import { useFormatShort } from '../../ui/use-time-zone';

interface ApplicationInterviewItemProps {
  readonly interview: Interview;
  readonly personName: (id: string) => string;
  /** Shown when the person may reschedule and cancel. */
  readonly onReschedule?: (() => void) | undefined;
  readonly onCancel?: (() => void) | undefined;
}

/** One interview of an application, with every scorecard and the scheduling actions. */
export function ApplicationInterviewItem({
  interview,
  personName,
  onReschedule,
  onCancel,
}: ApplicationInterviewItemProps) {
  const formatShort = useFormatShort();
  const label = `${humanize(interview.type)} interview, ${formatShort(interview.scheduledAt)}`;
  const isScheduled = interview.status === 'scheduled';
  return (
    <ListItem divider aria-label={label} sx={{ display: 'block' }}>
      <Stack
        direction="row"
        sx={{ justifyContent: 'space-between', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}
      >
        <ListItemText
          primary={<Link to={`/interviews/${interview.id}`}>{label}</Link>}
          secondary={
            <>
              {interview.durationMinutes} min · with {interview.interviewerIds.map(personName).join(', ')} ·{' '}
              <MeetingPlace interview={interview} />
            </>
          }
        />
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
          <PendingChip collection="interviews" documentId={interview.id} />
          <StatusChip value={interview.status} />
          {onReschedule && isScheduled && <Button onClick={onReschedule}>Reschedule</Button>}
          {onCancel && isScheduled && (
            <Button color="error" onClick={onCancel}>
              Cancel interview
            </Button>
          )}
        </Stack>
      </Stack>
      {interview.scorecards.map((card) => (
        <Typography key={card.interviewerId} variant="body2" sx={{ pl: 2 }}>
          {personName(card.interviewerId)}: {card.rating}/5, {humanize(card.recommendation)}
          {card.notes ? ` — ${card.notes}` : ''}
        </Typography>
      ))}
    </ListItem>
  );
}
