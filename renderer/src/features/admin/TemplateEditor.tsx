import { Box, Stack, TextField, Typography } from '@mui/material';
import type { MessageKind } from '#shared/domain/message/message-schema';
import {
  fillTemplate,
  TEMPLATE_VARIABLES,
  unknownVariables,
  VARIABLE_DESCRIPTIONS,
  type MessageTemplate,
} from '#shared/domain/message/message-templates';

/** Values to preview a template with: a made-up candidate, job, sender and interview. */
const SAMPLE_VALUES: Readonly<Record<string, string>> = {
  candidateFirstName: 'Ada',
  candidateName: 'Ada Lovelace',
  jobTitle: 'Senior Backend Engineer',
  senderName: 'Rita Recruiter',
  portalLink: 'https://jobs.example.com/careers/#/applications',
  offerStartDate: '2026-05-01',
  offerDeadline: '2026-04-10',
  startDate: '2026-05-01',
  interviewType: 'technical',
  interviewWhen: 'Tuesday 3 March 2026, 10:00 (Europe/Berlin)',
  interviewDuration: '60 minutes',
  interviewPlace: 'https://meet.example.com/abc',
};

/** One kind's template: its words, the variables it may use, and a preview with sample values. */
export function TemplateEditor({
  kind,
  template,
  onChange,
}: {
  readonly kind: MessageKind;
  readonly template: MessageTemplate;
  readonly onChange: (template: MessageTemplate) => void;
}) {
  const unknown = unknownVariables(kind, template);
  const preview = fillTemplate(template, SAMPLE_VALUES);
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2 }}>
      <Stack spacing={1.5} sx={{ flex: 1 }}>
        <TextField
          label="Subject"
          value={template.subject}
          onChange={(event) => onChange({ ...template, subject: event.target.value })}
          error={template.subject.trim() === ''}
        />
        <TextField
          label="Text"
          multiline
          minRows={8}
          value={template.body}
          onChange={(event) => onChange({ ...template, body: event.target.value })}
          error={unknown.length > 0 || template.body.trim() === ''}
          helperText={unknown.length > 0 ? `Not a variable of this template: {{${unknown.join('}}, {{')}}}` : ' '}
        />
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          Variables:{' '}
          {TEMPLATE_VARIABLES[kind].map((name) => (
            <span key={name} title={VARIABLE_DESCRIPTIONS[name]}>
              <code>{`{{${name}}}`}</code> ({VARIABLE_DESCRIPTIONS[name]}){' '}
            </span>
          ))}
        </Typography>
      </Stack>
      <Box aria-label={`Preview of the ${kind.replace('_', ' ')} template`} sx={{ flex: 1, bgcolor: 'grey.50', p: 1.5, borderRadius: 1 }}>
        <Typography variant="overline">Preview</Typography>
        <Typography sx={{ fontWeight: 600 }}>{preview.subject}</Typography>
        <Typography sx={{ whiteSpace: 'pre-wrap', mt: 1 }}>{preview.body}</Typography>
      </Box>
    </Stack>
  );
}
