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
import { useState } from 'react';
import type { Application } from '#shared/domain/application/application-schema';
import { isStaffRole } from '#shared/domain/common/roles';
import {
  INTERVIEW_TYPES,
  type Interview,
  type InterviewType,
} from '#shared/domain/interview/interview-schema';
import type { User } from '#shared/domain/user/user-schema';
import { useActor, useDb } from '../../data/hooks/use-database';
import { newDocumentId, saveDocument } from '../../data/local-writes';
import { InviteComposer, useInviteMessage } from '../../ui/InviteComposer';
import { humanize } from '../../ui/labels';
import { plainMessage } from '../../ui/plain-message';
import {
  blankInterviewFields,
  interviewFields,
  toInterview,
  type InterviewFormFields,
} from './interview-form-model';

const FIELD_LABELS = {
  scheduledAt: 'Date and time',
  durationMinutes: 'Duration',
  interviewerIds: 'Interviewers',
  meetingUrl: 'Place or meeting link',
  location: 'Place or meeting link',
};

interface ScheduleInterviewDialogProps {
  readonly application: Pick<Application, 'id' | 'jobId' | 'candidateId'>;
  /** The interview to reschedule; null to schedule a new one. */
  readonly interview: Interview | null;
  readonly users: readonly User[];
  readonly onClose: () => void;
}

/** Schedules or reschedules an interview, checked by the shared rules before it is written. */
export function ScheduleInterviewDialog({
  application,
  interview,
  users,
  onClose,
}: ScheduleInterviewDialogProps) {
  const db = useDb();
  const actor = useActor();
  const [fields, setFields] = useState<InterviewFormFields>(() =>
    interview ? interviewFields(interview) : blankInterviewFields(Date.now()),
  );
  const [error, setError] = useState<string | null>(null);
  const staff = users.filter((user) => user.active && isStaffRole(user.role));
  const chosen = staff.filter((user) => fields.interviewerIds.includes(user.id));
  const title = interview ? 'Reschedule interview' : 'Schedule interview';
  // A new interview may come with an invitation to the candidate (SPEC §12).
  const invite = useInviteMessage(application, interview === null ? fields : null);

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

  return (
    <Dialog open onClose={onClose} aria-labelledby="schedule-title" fullWidth maxWidth="sm">
      <DialogTitle id="schedule-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
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
        <Button onClick={onClose}>Close</Button>
        <Button variant="contained" disabled={invite.problem !== null} onClick={() => void save()}>
          {interview ? 'Save new time' : invite.willSend ? 'Schedule and send' : 'Schedule'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
