import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { memo, useCallback, useLayoutEffect, useRef, useState, type SetStateAction } from 'react';
import { CANDIDATE_SOURCES } from '#shared/domain/candidate/candidate-schema';
import { STAGES } from '#shared/domain/application/application-schema';
import type { Job } from '#shared/domain/job/job-schema';
import { CANDIDATE_SORTS } from '../../data/search/candidate-search';
import { humanize } from '../../ui/labels';
import { ALL_CANDIDATES, type CandidateView, type SavedView } from './saved-views';

interface CandidateFiltersProps {
  readonly view: CandidateView;
  /** Takes the new view, or how to make it from the current one (as a state setter does). */
  readonly onChange: (view: SetStateAction<CandidateView>) => void;
  readonly jobs: readonly Job[];
  readonly savedViews: readonly SavedView[];
  /** Saves `view` (the one shown when the person saved) as `name`. */
  readonly onSave: (name: string, view: CandidateView) => void;
  readonly onDelete: (name: string) => void;
}

/** Select values for "no saved view" and "any job" (MUI shows an empty value as a blank field). */
const NO_VIEW = '\u0000none';
const ANY_JOB = '\u0000any';

const SORT_LABELS: Record<(typeof CANDIDATE_SORTS)[number], string> = {
  name: 'Name',
  newest: 'Newest first',
  oldest: 'Oldest first',
  company: 'Company',
};

/**
 * The search field, the filters, the order and the saved views of the candidates list. Typing in the
 * search re-renders only the search field: the saved views and the filters (a job select may list
 * thousands of jobs) are memoised parts of their own.
 */
export const CandidateFilters = memo(function CandidateFilters({
  view,
  onChange,
  jobs,
  savedViews,
  onSave,
  onDelete,
}: CandidateFiltersProps) {
  const set = useCallback(
    <K extends keyof CandidateView>(field: K, value: CandidateView[K]) =>
      onChange((current) => ({ ...current, [field]: value })),
    [onChange],
  );
  // The view when "Save view" is pressed, without handing the save row a new callback per keystroke.
  const viewRef = useRef(view);
  useLayoutEffect(() => {
    viewRef.current = view;
  });
  const saveShown = useCallback((name: string) => onSave(name, viewRef.current), [onSave]);
  const pick = useCallback(
    (name: string) => onChange(savedViews.find((each) => each.name === name)?.view ?? ALL_CANDIDATES),
    [onChange, savedViews],
  );
  const clear = useCallback(() => onChange(ALL_CANDIDATES), [onChange]);
  const currentName =
    savedViews.find((saved) => JSON.stringify(saved.view) === JSON.stringify(view))?.name ?? null;
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        <TextField
          label="Search candidates"
          type="search"
          value={view.query}
          onChange={(event) => set('query', event.target.value)}
          helperText="Name, email, phone, place, company, title, skills or tags; typos are forgiven"
          sx={{ minWidth: 360 }}
        />
        <SavedViewPicker currentName={currentName} savedViews={savedViews} onPick={pick} />
      </Stack>
      <FilterFields
        source={view.source}
        jobId={view.jobId}
        stage={view.stage}
        tag={view.tag}
        addedFrom={view.addedFrom}
        addedTo={view.addedTo}
        sort={view.sort}
        jobs={jobs}
        set={set}
      />
      <SaveViewRow currentName={currentName} onSave={saveShown} onDelete={onDelete} onClear={clear} />
    </Stack>
  );
});

const SavedViewPicker = memo(function SavedViewPicker({
  currentName,
  savedViews,
  onPick,
}: {
  readonly currentName: string | null;
  readonly savedViews: readonly SavedView[];
  /** Shows the saved view `name`, or every candidate for "none". */
  readonly onPick: (name: string) => void;
}) {
  return (
    <TextField
      select
      label="Saved view"
      value={currentName ?? NO_VIEW}
      sx={{ minWidth: 200 }}
      onChange={(event) => onPick(event.target.value)}
    >
      <MenuItem value={NO_VIEW}>{currentName ? 'All candidates' : 'None'}</MenuItem>
      {savedViews.map((saved) => (
        <MenuItem key={saved.name} value={saved.name}>
          {saved.name}
        </MenuItem>
      ))}
    </TextField>
  );
});

const SaveViewRow = memo(function SaveViewRow({
  currentName,
  onSave,
  onDelete,
  onClear,
}: {
  readonly currentName: string | null;
  readonly onSave: (name: string) => void;
  readonly onDelete: (name: string) => void;
  readonly onClear: () => void;
}) {
  const [viewName, setViewName] = useState('');
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      <TextField
        size="small"
        label="Save this view as"
        value={viewName}
        onChange={(event) => setViewName(event.target.value)}
      />
      <Button
        disabled={!viewName.trim()}
        onClick={() => {
          onSave(viewName.trim());
          setViewName('');
        }}
      >
        Save view
      </Button>
      {currentName && <Button onClick={() => onDelete(currentName)}>Delete view “{currentName}”</Button>}
      <Button onClick={onClear}>Clear filters</Button>
    </Stack>
  );
});

type FilterFieldsProps = Omit<CandidateView, 'query'> & {
  readonly jobs: readonly Job[];
  readonly set: <K extends keyof CandidateView>(field: K, value: CandidateView[K]) => void;
};

const FilterFields = memo(function FilterFields({
  source,
  jobId,
  stage,
  tag,
  addedFrom,
  addedTo,
  sort,
  jobs,
  set,
}: FilterFieldsProps) {
  return (
    <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }} role="group" aria-label="Filters">
      <TextField
        select
        label="Source"
        value={source}
        sx={{ minWidth: 150 }}
        onChange={(event) => set('source', event.target.value as CandidateView['source'])}
      >
        <MenuItem value="all">All sources</MenuItem>
        {CANDIDATE_SOURCES.map((each) => (
          <MenuItem key={each} value={each}>
            {humanize(each)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label="Job"
        value={jobId || ANY_JOB}
        sx={{ minWidth: 200 }}
        onChange={(event) => set('jobId', event.target.value === ANY_JOB ? '' : event.target.value)}
      >
        <MenuItem value={ANY_JOB}>Any job</MenuItem>
        {jobs.map((job) => (
          <MenuItem key={job.id} value={job.id}>
            {job.title}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label="Stage"
        value={stage}
        sx={{ minWidth: 140 }}
        onChange={(event) => set('stage', event.target.value as CandidateView['stage'])}
      >
        <MenuItem value="all">Any stage</MenuItem>
        {STAGES.map((stage) => (
          <MenuItem key={stage} value={stage}>
            {humanize(stage)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label="Tag"
        value={tag}
        sx={{ width: 140 }}
        onChange={(event) => set('tag', event.target.value)}
      />
      <TextField
        label="Added from"
        type="date"
        value={addedFrom}
        onChange={(event) => set('addedFrom', event.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        label="Added to"
        type="date"
        value={addedTo}
        onChange={(event) => set('addedTo', event.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <TextField
        select
        label="Sort by"
        value={sort}
        sx={{ minWidth: 150 }}
        onChange={(event) => set('sort', event.target.value as CandidateView['sort'])}
      >
        {CANDIDATE_SORTS.map((sort) => (
          <MenuItem key={sort} value={sort}>
            {SORT_LABELS[sort]}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
});
