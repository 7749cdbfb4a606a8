import {
  Alert,
  Autocomplete,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useMemo, useState } from 'react';
import type { Application } from '#shared/domain/application/application-schema';
import { isStaffRole } from '#shared/domain/common/roles';
import {
  INTERVIEW_TYPES,
  type Interview,
  type InterviewType,
} from '#shared/domain/interview/interview-schema';
import { findKit } from '#shared/domain/job/interview-plan';
import type { InterviewPlan } from '#shared/domain/job/interview-plan-schema';
import type { User } from '#shared/domain/user/user-schema';
import { useActor, useDb } from '../../data/hooks/use-database';
import { useInterviews } from '../../data/hooks/use-documents';
import { newDocumentId, saveDocument } from '../../data/local-writes';
import { InviteComposer, useInviteMessage } from '../../ui/InviteComposer';
import { humanize } from '../../ui/labels';
import { DiscardChangesDialog } from '../../ui/DiscardChangesDialog';
import { plainMessage } from '../../ui/plain-message';
import { deviceTimeZone } from '../../ui/time-zones';
import { useNow } from '../../ui/use-now';
import {
  blankInterviewFields,
  interviewFields,
  isFormChanged,
  scheduleWarnings,
  toInterview,
  type InterviewFormFields,
} from './interview-form-model';
import { ScheduleWarningsView } from './ScheduleWarningsView';

const FIELD_LABELS = {
  scheduledAt: 'Date and time',
  durationMinutes: 'Duration',
  interviewerIds: 'Interviewers',
  meetingUrl: 'Place or meeting link',
  location: 'Place or meeting link',
  kitId: 'Interview kit',
};

interface ScheduleInterviewDialogProps {
  readonly application: Pick<Application, 'id' | 'jobId' | 'candidateId'>;
  /** The interview to reschedule; null to schedule a new one. */
  readonly interview: Interview | null;
  readonly users: readonly User[];
  /** The job's interview plan, whose kits the interview may follow. */
  readonly plan: InterviewPlan | undefined;
  /** The viewer's time zone, in which the chosen time is also shown. */
  readonly timeZone: string;
  readonly onClose: () => void;
}

/**
 * Schedules or reschedules an interview, checked by the shared rules before it is written. Warns of
 * a time in the past and of interviewers already busy then (from this laptop's interviews), shows the
 * time in each interviewer's zone when known, and asks before a filled-in form is thrown away.
 */
export function ScheduleInterviewDialog({
  application,
  interview,
  users,
  plan,
  timeZone,
  onClose,
}: ScheduleInterviewDialogProps) {
  const db = useDb();
  const actor = useActor();
  const interviews = useInterviews();
  const now = useNow(60_000);
  const [initial] = useState<InterviewFormFields>(() =>
    interview ? interviewFields(interview, timeZone) : blankInterviewFields(Date.now(), timeZone),
  );
  const [fields, setFields] = useState<InterviewFormFields>(initial);
  const [error, setError] = useState<string | null>(null);
  const [isConfirmingDiscard, setIsConfirmingDiscard] = useState(false);
  const staff = users.filter((user) => user.active && isStaffRole(user.role));
  const chosen = staff.filter((user) => fields.interviewerIds.includes(user.id));
  const title = interview ? 'Reschedule interview' : 'Schedule interview';
  const warnings = useMemo(
    () => scheduleWarnings(fields, interview?.id ?? null, interviews ?? [], now, timeZone),
    [fields, interview, interviews, now, timeZone],
  );

  const close = () => {
    if (isFormChanged(fields, initial)) setIsConfirmingDiscard(true);
    else onClose();
  };

  const chooseKit = (kitId: string) => {
    const kit = findKit(plan, kitId);
    setFields({
      ...fields,
      kitId,
      ...(kit ? { type: kit.type, durationMinutes: String(kit.durationMinutes) } : {}),
    });
  };

  // A new interview may come with an invitation to the candidate (SPEC §12).
  const invite = useInviteMessage(application, interview === null ? fields : null, timeZone);

  const save = async () => {
    if (fields.interviewerIds.length === 0) {
      setError('Pick at least one interviewer.');
      return;
    }
    const result = toInterview(
      fields,
      application,
      actor,
      interview,
      () => newDocumentId('interview'),
      Date.now(),
      timeZone,
    );
    if (!result.ok) {
      setError(result.message);
      return;
    }
    const decision = await saveDocument(db, actor, 'interviews', interview, result.interview);
    if (!decision.ok) {
      setError(plainMessage(decision.message, FIELD_LABELS));
      return;
    }
    const sent = await invite.save(result.interview.id);
    if (!sent.ok) {
      setError(`The interview was saved, but not the invitation: ${sent.message}`);
      return;
    }
    onClose();
  };

  const hasKits = (plan?.stages ?? []).some((stage) => stage.kits.length > 0);
  return (
    <Dialog open onClose={close} aria-labelledby="schedule-title" fullWidth maxWidth="sm">
      <DialogTitle id="schedule-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {hasKits && (
            <TextField
              select
              label="Interview kit"
              value={fields.kitId}
              helperText="The kit of the job’s interview plan: its questions and the attributes to rate."
              onChange={(event) => chooseKit(event.target.value)}
            >
              <MenuItem value="">No kit</MenuItem>
              {plan?.stages.flatMap((stage) =>
                stage.kits.map((kit) => (
                  <MenuItem key={kit.id} value={kit.id}>
                    {stage.name}: {kit.name}
                  </MenuItem>
                )),
              )}
            </TextField>
          )}
          <Autocomplete
            multiple
            options={staff}
            value={chosen}
            getOptionLabel={(user) => user.name}
            isOptionEqualToValue={(option, value) => option.id === value.id}
            onChange={(_event, picked) =>
              setFields({ ...fields, interviewerIds: picked.map((user) => user.id) })
            }
            renderInput={(params) => <TextField {...params} label="Interviewers" />}
          />
          <TextField
            select
            label="Type"
            value={fields.type}
            onChange={(event) => setFields({ ...fields, type: event.target.value as InterviewType })}
          >
            {INTERVIEW_TYPES.map((type) => (
              <MenuItem key={type} value={type}>
                {humanize(type)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="datetime-local"
            label="Date and time"
            value={fields.scheduledAt}
            // A datetime-local input is read in this computer's zone, whatever the person's own.
            helperText={`In ${deviceTimeZone()}, this computer’s time zone`}
            onChange={(event) => setFields({ ...fields, scheduledAt: event.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            type="number"
            label="Duration (minutes)"
            value={fields.durationMinutes}
            onChange={(event) => setFields({ ...fields, durationMinutes: event.target.value })}
            slotProps={{ htmlInput: { min: 5, max: 480, step: 5 } }}
          />
          <ScheduleWarningsView
            fields={fields}
            warnings={warnings}
            interviewers={chosen}
            viewerTimeZone={timeZone}
            users={users}
          />
          <TextField
            label="Place or meeting link"
            value={fields.place}
            helperText="A room, or a link such as https://meet.example.com/abc"
            onChange={(event) => setFields({ ...fields, place: event.target.value })}
          />
          <InviteComposer invite={invite} />
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Close</Button>
        <Button variant="contained" disabled={invite.problem !== null} onClick={() => void save()}>
          {interview ? 'Save new time' : invite.willSend ? 'Schedule and send' : 'Schedule'}
        </Button>
      </DialogActions>
      {isConfirmingDiscard && (
        <DiscardChangesDialog
          title="Discard this interview?"
          onKeep={() => setIsConfirmingDiscard(false)}
          onDiscard={onClose}
        />
      )}
    </Dialog>
  );
}
