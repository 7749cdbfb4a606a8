import { Box } from '@mui/material';
import { highlightParts, type TermMatch } from '../data/search/candidate-search';

/** `text` with what a search matched in it marked (a `<mark>`, read out as it is by screen readers). */
export function Highlighted({
  text,
  terms,
}: {
  readonly text: string;
  readonly terms: readonly TermMatch[];
}) {
  return (
    <>
      {highlightParts(text, terms).map((part, index) =>
        part.isMatch ? (
          <Box
            component="mark"
            key={index}
            sx={{ bgcolor: 'warning.light', color: 'text.primary', borderRadius: 0.5, px: '1px' }}
          >
            {part.text}
          </Box>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
