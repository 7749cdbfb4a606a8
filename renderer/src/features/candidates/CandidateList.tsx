import { Box, ListItemButton, ListItemText } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { Link } from 'react-router';
import type { CandidateSearchEntry } from '../../data/search/candidate-search';
import { humanize } from '../../ui/labels';

const ROW_HEIGHT = 64;

/** A virtualised list: only the rows in view are in the page, however many candidates match. */
export function CandidateList({ entries }: { readonly entries: readonly CandidateSearchEntry[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  return (
    <Box
      ref={scrollRef}
      sx={{
        height: 'calc(100vh - 300px)',
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
        sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const entry = entries[row.index];
          if (!entry) return null;
          return (
            <Box
              role="listitem"
              key={entry.id}
              sx={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: ROW_HEIGHT,
                transform: `translateY(${row.start}px)`,
              }}
            >
              <ListItemButton component={Link} to={`/candidates/${entry.id}`} sx={{ height: ROW_HEIGHT }}>
                <ListItemText
                  primary={entry.name}
                  secondary={[entry.currentTitle, entry.currentCompany, entry.email, humanize(entry.source)]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </ListItemButton>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
