import { FormControl, FormLabel, Stack, TextField, Typography } from '@mui/material';
import type { FocusAttribute } from '#shared/domain/job/interview-plan-schema';
import { RatingRadios, RATING_WORDS } from './RatingRadios';
import type { AttributeRatingField } from './scorecard-draft';

interface AttributeRatingInputProps {
  readonly attribute: FocusAttribute;
  readonly value: AttributeRatingField;
  readonly onChange: (next: AttributeRatingField) => void;
}

/** One focus attribute of the kit: its rating (1–5, or not rated) and the evidence behind it. */
export function AttributeRatingInput({ attribute, value, onChange }: AttributeRatingInputProps) {
  const labelId = `attribute-${attribute.id}-label`;
  return (
    <Stack component="fieldset" spacing={1} sx={{ border: 0, p: 0, m: 0 }} aria-labelledby={labelId}>
      <FormControl>
        <FormLabel id={labelId}>{attribute.name}</FormLabel>
        {attribute.description && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {attribute.description}
          </Typography>
        )}
        <RatingRadios
          labelledBy={labelId}
          value={value.rating}
          onChange={(rating) => onChange({ ...value, rating })}
        />
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {value.rating === 0 ? 'Not rated' : RATING_WORDS[value.rating]}
        </Typography>
      </FormControl>
      <TextField
        label={`Evidence for ${attribute.name}`}
        size="small"
        multiline
        minRows={1}
        value={value.note}
        onChange={(event) => onChange({ ...value, note: event.target.value })}
        slotProps={{ htmlInput: { maxLength: 2_000 } }}
      />
    </Stack>
  );
}
