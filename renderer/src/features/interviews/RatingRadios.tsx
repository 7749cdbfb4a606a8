import { FormControlLabel, Radio, RadioGroup } from '@mui/material';
import { RATING_MAX, RATING_MIN } from '#shared/domain/interview/interview-schema';

/** What each point of the scale means, shown as each radio's tooltip and under an attribute. */
export const RATING_WORDS: Readonly<Record<number, string>> = {
  1: 'Poor',
  2: 'Weak',
  3: 'Mixed',
  4: 'Good',
  5: 'Excellent',
};

const RATINGS = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_unused, index) => RATING_MIN + index);

/** A 1–5 rating as a row of radios (0: none chosen), labelled by the element `labelledBy`. */
export function RatingRadios({
  labelledBy,
  value,
  onChange,
}: {
  readonly labelledBy: string;
  readonly value: number;
  readonly onChange: (rating: number) => void;
}) {
  return (
    <RadioGroup
      row
      aria-labelledby={labelledBy}
      value={value === 0 ? '' : String(value)}
      onChange={(event) => onChange(Number(event.target.value))}
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
  );
}
