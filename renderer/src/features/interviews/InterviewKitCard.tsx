import { Box, Chip, Stack, Typography } from '@mui/material';
import type { FocusAttribute, InterviewKit } from '#shared/domain/job/interview-plan-schema';
import { InterviewSection as Section } from './InterviewSection';

interface InterviewKitCardProps {
  readonly kit: InterviewKit | null;
  readonly stageName: string | null;
  readonly attributes: readonly FocusAttribute[];
}

/** The kit the interview follows: why it is held, what to ask, what to assess. */
export function InterviewKitCard({ kit, stageName, attributes }: InterviewKitCardProps) {
  if (!kit) {
    return (
      <Section title="Interview kit">
        <Typography sx={{ color: 'text.secondary' }}>
          This interview follows no kit of the job’s interview plan: rate the candidate overall and write what
          you saw.
        </Typography>
      </Section>
    );
  }
  return (
    <Section title="Interview kit">
      <Typography sx={{ fontWeight: 600 }}>
        {kit.name}
        {stageName ? ` · ${stageName}` : ''}
      </Typography>
      {kit.purpose && <Typography sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>{kit.purpose}</Typography>}
      {kit.questions.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
            Questions
          </Typography>
          <Box component="ol" aria-label="Questions" sx={{ my: 0.5, pl: 3 }}>
            {kit.questions.map((question) => (
              <Typography component="li" key={question}>
                {question}
              </Typography>
            ))}
          </Box>
        </>
      )}
      {attributes.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
            What to assess
          </Typography>
          <Stack
            direction="row"
            sx={{ gap: 1, flexWrap: 'wrap', mt: 0.5 }}
            aria-label="Focus attributes of the kit"
          >
            {attributes.map((attribute) => (
              <Chip
                key={attribute.id}
                label={attribute.name}
                title={attribute.description}
                variant="outlined"
              />
            ))}
          </Stack>
        </>
      )}
    </Section>
  );
}
