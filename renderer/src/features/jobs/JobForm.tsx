import { Alert, Button, MenuItem, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { EMPLOYMENT_TYPES, type EmploymentType } from '#shared/domain/job/job-schema';
import type { User } from '#shared/domain/user/user-schema';
import { humanize } from '../../ui/labels';
import { JOB_FIELD_LABELS as LABELS, type JobFormValues } from './job-form-model';

interface JobFormProps {
  readonly initial: JobFormValues;
  readonly users: readonly User[];
  readonly submitLabel: string;
  /** Saves; answers with a message when the save was refused. */
  readonly onSubmit: (values: JobFormValues) => Promise<string | null>;
}

/** The fields of a job. Checked by the shared schema and rules on save. */
export function JobForm({ initial, users, submitLabel, onSubmit }: JobFormProps) {
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const set = (field: keyof JobFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  const managers = users.filter(
    (user) => user.active && (user.role === 'hiring_manager' || user.role === 'admin'),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(await onSubmit(values));
  };

  return (
    <Stack
      component="form"
      spacing={2}
      onSubmit={(event) => void submit(event)}
      sx={{ maxWidth: 720 }}
      aria-label="Job"
    >
      {error && <Alert severity="error">{error}</Alert>}
      <TextField
        label={LABELS['title']}
        required
        value={values.title}
        onChange={set('title')}
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
      <Stack direction="row" sx={{ gap: 2 }}>
        <TextField
          label={LABELS['department']}
          value={values.department}
          onChange={set('department')}
          fullWidth
        />
        <TextField label={LABELS['location']} value={values.location} onChange={set('location')} fullWidth />
      </Stack>
      <TextField
        select
        label={LABELS['employmentType']}
        value={values.employmentType}
        onChange={(event) =>
          setValues((current) => ({ ...current, employmentType: event.target.value as EmploymentType }))
        }
      >
        {EMPLOYMENT_TYPES.map((type) => (
          <MenuItem key={type} value={type}>
            {humanize(type)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label={LABELS['description']}
        multiline
        minRows={4}
        value={values.description}
        onChange={set('description')}
      />
      <TextField
        label={LABELS['requirements']}
        helperText="One per line"
        multiline
        minRows={3}
        value={values.requirements}
        onChange={set('requirements')}
      />
      <Stack direction="row" sx={{ gap: 2 }}>
        <TextField
          label={LABELS['salaryMin']}
          type="number"
          value={values.salaryMin}
          onChange={set('salaryMin')}
        />
        <TextField
          label={LABELS['salaryMax']}
          type="number"
          value={values.salaryMax}
          onChange={set('salaryMax')}
        />
        <TextField
          label={LABELS['currency']}
          helperText="Three letters, e.g. EUR"
          value={values.currency}
          onChange={set('currency')}
        />
        <TextField
          label={LABELS['openings']}
          helperText="People to hire; 1 if empty"
          type="number"
          value={values.openings}
          onChange={set('openings')}
        />
      </Stack>
      <TextField
        select
        label={LABELS['hiringManagerId']}
        value={values.hiringManagerId}
        onChange={set('hiringManagerId')}
      >
        <MenuItem value="">None yet</MenuItem>
        {managers.map((user) => (
          <MenuItem key={user.id} value={user.id}>
            {user.name}
          </MenuItem>
        ))}
      </TextField>
      <Button type="submit" variant="contained" sx={{ alignSelf: 'flex-start' }}>
        {submitLabel}
      </Button>
    </Stack>
  );
}
