import { Box } from '@mui/material';
import { styled } from '@mui/material/styles';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import type { CandidateSearchEntry, TermMatch } from '../../data/search/candidate-search';
import { Highlighted } from '../../ui/Highlighted';
import { humanize } from '../../ui/labels';
import { RowLink, RowPrimary, RowSecondary } from '../../ui/list-rows';

const ROW_HEIGHT = 64;

interface CandidateListProps {
  readonly entries: readonly CandidateSearchEntry[];
  /** The search terms, to mark what matched. */
  readonly terms?: readonly TermMatch[];
  /** The selected candidates, when the list offers selection. */
  readonly selected?: ReadonlySet<string>;
  readonly onToggle?: (id: string) => void;
}

const NO_TERMS: readonly TermMatch[] = [];
const ROW_SX = {
  position: 'absolute',
  top: 0,
  left: 0,
  right: 0,
  height: ROW_HEIGHT,
  display: 'flex',
  alignItems: 'center',
} as const;

// A native checkbox, styled once: MUI's Checkbox (a button base, its ripple and an icon) mounted for
// every row that scrolls or searches into view was the largest part left of a keystroke (P3).
const RowCheckbox = styled('input')(({ theme }) => ({
  flexShrink: 0,
  width: 18,
  height: 18,
  margin: theme.spacing(0, 0.5, 0, 2),
  accentColor: theme.palette.primary.main,
  cursor: 'pointer',
  '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 2 },
}));
/**
 * A virtualised list: only the rows in view are in the page, however many candidates match.
 * Memoised: typing in the search re-renders it only once the results change.
 */
export const CandidateList = memo(function CandidateList({
  entries,
  terms = NO_TERMS,
  selected,
  onToggle,
}: CandidateListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Each row is a few MUI components: every one rendered beyond the view is paid at every keystroke.
    overscan: 4,
  });
  return (
    <Box
      ref={scrollRef}
      sx={{
        height: 'calc(100vh - 340px)',
        minHeight: 300,
        overflow: 'auto',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
      }}
    >
      <Box
        role="list"
        aria-label="Candidates"
        sx={{ position: 'relative' }}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const entry = entries[row.index];
          if (!entry) return null;
          const details = [entry.currentTitle, entry.currentCompany, entry.location, entry.email]
            .filter(Boolean)
            .join(' · ');
          return (
            <Box
              role="listitem"
              key={entry.id}
              sx={ROW_SX}
              // Not in `sx`: a style class per row position would be made and inserted at every scroll.
              style={{ transform: `translateY(${row.start}px)` }}
            >
              {selected && onToggle && (
                <RowCheckbox
                  type="checkbox"
                  checked={selected.has(entry.id)}
                  onChange={() => onToggle(entry.id)}
                  aria-label={`Select ${entry.name}`}
                />
              )}
              <RowLink to={`/candidates/${entry.id}`}>
                <RowPrimary>
                  <Highlighted text={entry.name} terms={terms} />
                </RowPrimary>
                <RowSecondary>
                  <Highlighted text={details} terms={terms} />
                  {` · ${humanize(entry.source)}`}
                </RowSecondary>
              </RowLink>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
});
