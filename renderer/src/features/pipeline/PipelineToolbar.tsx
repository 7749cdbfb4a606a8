import SearchIcon from '@mui/icons-material/Search';
import UndoIcon from '@mui/icons-material/Undo';
import { Button, InputAdornment, MenuItem, Stack, TextField } from '@mui/material';
import { CANDIDATE_SOURCES, type CandidateSource } from '#shared/domain/candidate/candidate-schema';
import { humanize } from '../../ui/labels';
import {
  DAYS_IN_STAGE_CHOICES,
  hasFilters,
  NO_FILTERS,
  SORT_LABELS,
  SORT_ORDERS,
  type PipelineFilters,
  type SortOrder,
} from './pipeline-filters';

interface PipelineToolbarProps {
  readonly filters: PipelineFilters;
  readonly onFiltersChange: (filters: PipelineFilters) => void;
  readonly sortOrder: SortOrder;
  readonly onSortOrderChange: (order: SortOrder) => void;
  readonly tags: readonly string[];
  /** Set while the last move can be undone. */
  readonly undoLabel: string | null;
  readonly onUndo: () => void;
  /** Whether cards are being picked for a bulk action. */
  readonly isSelecting: boolean;
  /** Turns picking on or off; null when this person may not act on many cards. */
  readonly onSelectingChange: ((on: boolean) => void) | null;
}

const ANY = '';

function isSource(value: string): value is CandidateSource {
  return (CANDIDATE_SOURCES as readonly string[]).includes(value);
}

function isSortOrder(value: string): value is SortOrder {
  return (SORT_ORDERS as readonly string[]).includes(value);
}

/** Filters (text, source, tag, days in stage), the order within columns, picking cards for bulk actions, and undo of the last move. */
export function PipelineToolbar({
  filters,
  onFiltersChange,
  sortOrder,
  onSortOrderChange,
  tags,
  undoLabel,
  onUndo,
  isSelecting,
  onSelectingChange,
}: PipelineToolbarProps) {
  const set = (change: Partial<PipelineFilters>) => onFiltersChange({ ...filters, ...change });
  const select = { size: 'small', select: true, sx: { minWidth: 150 } } as const;
  return (
    <Stack
      direction="row"
      role="search"
      aria-label="Filter the board"
      sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}
    >
      <TextField
        size="small"
        label="Search candidates"
        value={filters.text}
        onChange={(event) => set({ text: event.target.value })}
        sx={{ minWidth: 240 }}
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
      />
      <TextField
        {...select}
        label="Source"
        value={filters.source ?? ANY}
        onChange={(event) => set({ source: isSource(event.target.value) ? event.target.value : null })}
      >
        <MenuItem value={ANY}>All sources</MenuItem>
        {CANDIDATE_SOURCES.map((source) => (
          <MenuItem key={source} value={source}>
            {humanize(source)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        {...select}
        label="Tag"
        value={filters.tag ?? ANY}
        onChange={(event) => set({ tag: event.target.value || null })}
      >
        <MenuItem value={ANY}>All tags</MenuItem>
        {tags.map((tag) => (
          <MenuItem key={tag} value={tag}>
            {tag}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        {...select}
        label="Days in stage"
        value={filters.minDaysInStage === null ? ANY : String(filters.minDaysInStage)}
        onChange={(event) => set({ minDaysInStage: event.target.value ? Number(event.target.value) : null })}
      >
        <MenuItem value={ANY}>Any time</MenuItem>
        {DAYS_IN_STAGE_CHOICES.map((days) => (
          <MenuItem key={days} value={String(days)}>
            {days}+ days
          </MenuItem>
        ))}
      </TextField>
      <TextField
        {...select}
        label="Sort cards by"
        value={sortOrder}
        onChange={(event) => {
          if (isSortOrder(event.target.value)) onSortOrderChange(event.target.value);
        }}
        sx={{ minWidth: 180 }}
      >
        {SORT_ORDERS.map((order) => (
          <MenuItem key={order} value={order}>
            {SORT_LABELS[order]}
          </MenuItem>
        ))}
      </TextField>
      {hasFilters(filters) && (
        <Button size="small" onClick={() => onFiltersChange(NO_FILTERS)}>
          Clear filters
        </Button>
      )}
      {onSelectingChange && (
        <Button
          size="small"
          variant={isSelecting ? 'contained' : 'outlined'}
          aria-pressed={isSelecting}
          onClick={() => onSelectingChange(!isSelecting)}
        >
          {isSelecting ? 'Done selecting' : 'Select cards'}
        </Button>
      )}
      {undoLabel && (
        <Button size="small" variant="outlined" startIcon={<UndoIcon />} onClick={onUndo} sx={{ ml: 'auto' }}>
          {undoLabel}
        </Button>
      )}
    </Stack>
  );
}
