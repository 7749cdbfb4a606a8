import { styled } from '@mui/material/styles';
import { highlightParts, type TermMatch } from '../data/search/candidate-search';

// Styled once: an `sx` on every mark would be resolved again for every row at every keystroke.
const Mark = styled('mark')(({ theme }) => ({
  backgroundColor: theme.palette.warning.light,
  color: theme.palette.text.primary,
  borderRadius:
    typeof theme.shape.borderRadius === 'number' ? theme.shape.borderRadius / 2 : theme.shape.borderRadius,
  padding: '0 1px',
}));

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
        part.isMatch ? <Mark key={index}>{part.text}</Mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}
