import {
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { FocusAttribute } from '#shared/domain/job/interview-plan-schema';
import type { AttributeRatingField } from './scorecard-draft';

const RATINGS = [1, 2, 3, 4, 5] as const;
/** What each point of the scale means, shown beside the radios. */
export const RATING_WORDS: Readonly<Record<number, string>> = {
  1: 'Poor',
  2: 'Weak',
  3: 'Mixed',
  4: 'Good',
  5: 'Excellent',
};

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
        <RadioGroup
          row
          aria-labelledby={labelId}
          value={value.rating === 0 ? '' : String(value.rating)}
          onChange={(event) => onChange({ ...value, rating: Number(event.target.value) })}
        >
          {RATINGS.map((rating) => (
            <FormControlLabel
              key={rating}
              value={String(rating)}
              control={<Radio />}
              label={String(rating)}
              title={RATING_WORDS[rating]}
            />
          ))}
        </RadioGroup>
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
