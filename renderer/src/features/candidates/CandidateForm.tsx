import { Alert, Button, MenuItem, Stack, TextField } from '@mui/material';
import { useState, type FormEvent, type ReactNode } from 'react';
import { CANDIDATE_SOURCES, type CandidateSource } from '#shared/domain/candidate/candidate-schema';
import { humanize } from '../../ui/labels';
import { TimeZoneField } from '../../ui/TimeZoneField';
import { CANDIDATE_FIELD_LABELS as LABELS, type CandidateFormValues } from './candidate-form-model';

interface CandidateFormProps {
  readonly initial: CandidateFormValues;
  readonly submitLabel: string;
  readonly onSubmit: (values: CandidateFormValues) => Promise<string | null>;
  /** Shown above the submit button, from what is typed so far (likely duplicates). */
  readonly renderNotice?: (values: CandidateFormValues) => ReactNode;
}

type TextField = Exclude<keyof CandidateFormValues, 'source'>;

/** A candidate's profile fields, checked by the shared schema and rules on save. */
export function CandidateForm({ initial, submitLabel, onSubmit, renderNotice }: CandidateFormProps) {
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const field = (
    name: TextField,
    extra: { required?: boolean; type?: string; multiline?: boolean; helperText?: string } = {},
  ) => (
    <TextField
      label={LABELS[name]}
      value={values[name]}
      onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
      fullWidth
      {...extra}
      {...(extra.multiline ? { minRows: 3 } : {})}
    />
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
      aria-label="Candidate"
    >
      {error && <Alert severity="error">{error}</Alert>}
      <Stack direction="row" sx={{ gap: 2 }}>
        {field('firstName', { required: true })}
        {field('lastName', { required: true })}
      </Stack>
      <Stack direction="row" sx={{ gap: 2 }}>
        {field('email', { required: true, type: 'email' })}
        {field('phone', { type: 'tel' })}
      </Stack>
      <Stack direction="row" sx={{ gap: 2 }}>
        {field('location')}
        <TimeZoneField
          label={LABELS['timeZone'] ?? 'Time zone'}
          value={values.timeZone || null}
          onChange={(timeZone) => setValues((current) => ({ ...current, timeZone }))}
          onClear={() => setValues((current) => ({ ...current, timeZone: '' }))}
          helperText="For the times in their messages; none: the organisation's"
        />
      </Stack>
      <Stack direction="row" sx={{ gap: 2 }}>
        {field('currentCompany')}
        {field('currentTitle')}
        {field('yearsExperience', { type: 'number' })}
      </Stack>
      {field('skills', { helperText: 'Separated by commas' })}
      <Stack direction="row" sx={{ gap: 2 }}>
        <TextField
          select
          label={LABELS['source']}
          value={values.source}
          onChange={(event) =>
            setValues((current) => ({ ...current, source: event.target.value as CandidateSource }))
          }
          fullWidth
        >
          {CANDIDATE_SOURCES.map((source) => (
            <MenuItem key={source} value={source}>
              {humanize(source)}
            </MenuItem>
          ))}
        </TextField>
        {values.source === 'referral' && field('referredBy')}
        {values.source === 'agency' && field('agency')}
      </Stack>
      {field('tags', { helperText: 'Separated by commas' })}
      {field('notes', { multiline: true })}
      {renderNotice?.(values)}
      <Button type="submit" variant="contained" sx={{ alignSelf: 'flex-start' }}>
        {submitLabel}
      </Button>
    </Stack>
  );
}
