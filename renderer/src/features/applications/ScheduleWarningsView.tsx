import { Alert, Stack, Typography } from '@mui/material';
import type { User } from '#shared/domain/user/user-schema';
import { formatInZone, formatTimeInZone, timeZoneOf, zoneName } from '../../ui/time-zones';
import type { InterviewFormFields, ScheduleWarnings } from './interview-form-model';

interface ScheduleWarningsViewProps {
  readonly fields: InterviewFormFields;
  readonly warnings: ScheduleWarnings;
  readonly interviewers: readonly User[];
  readonly viewerTimeZone: string;
  readonly users: readonly User[];
}

/** The time in words, in the viewer's zone and each interviewer's own; then what is wrong with it. */
export function ScheduleWarningsView({
  fields,
  warnings,
  interviewers,
  viewerTimeZone,
  users,
}: ScheduleWarningsViewProps) {
  const start = Date.parse(fields.scheduledAt);
  if (Number.isNaN(start)) return null;
  const end = start + Math.max(0, Number(fields.durationMinutes) || 0) * 60_000;
  const name = (id: string) => users.find((user) => user.id === id)?.name ?? id;
  const elsewhere = interviewers.flatMap((user) => {
    const zone = timeZoneOf(user);
    return zone && zone !== viewerTimeZone ? [{ user, zone }] : [];
  });
  return (
    <Stack spacing={1} aria-label="About this time">
      <Typography variant="body2">
        {formatInZone(start, viewerTimeZone)}–{formatTimeInZone(end, viewerTimeZone)}{' '}
        {zoneName(viewerTimeZone, start)}
      </Typography>
      {elsewhere.map(({ user, zone }) => (
        <Typography variant="body2" key={user.id} sx={{ color: 'text.secondary' }}>
          For {user.name}: {formatInZone(start, zone)}–{formatTimeInZone(end, zone)} {zoneName(zone, start)}
        </Typography>
      ))}
      {warnings.isPast && (
        <Alert severity="warning">
          This time is in the past. Save it only to record an interview that took place.
        </Alert>
      )}
      {warnings.overlaps.map(({ interviewerId, interview }) => (
        <Alert severity="warning" key={`${interviewerId}:${interview.id}`}>
          {name(interviewerId)} has another interview then:{' '}
          {formatInZone(Date.parse(interview.scheduledAt), viewerTimeZone)}, {interview.durationMinutes} min.
        </Alert>
      ))}
    </Stack>
  );
}
