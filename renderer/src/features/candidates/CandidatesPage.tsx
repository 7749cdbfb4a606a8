import { Button, Stack, Typography } from '@mui/material';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { roleMay } from '#shared/domain/access/write-matrix';
import { isPipelineOpen } from '#shared/domain/job/job-machine';
import { useActor, useDb } from '../../data/hooks/use-database';
import { useJobs } from '../../data/hooks/use-documents';
import { useApplicationTally } from '../../data/hooks/use-application-tally';
import { useCandidateIndex } from '../../data/search/candidate-index';
import { findCandidates, type CandidateSearchEntry } from '../../data/search/candidate-search';
import type { Job } from '#shared/domain/job/job-schema';
import type { BulkOutcome } from '../../ui/bulk-outcome';
import { BulkOutcomeAlert } from '../../ui/BulkOutcomeAlert';
import { PageHeader } from '../../ui/PageHeader';
import { CandidateBulkActions } from './CandidateBulkActions';
import { CandidateFilters } from './CandidateFilters';
import { CandidateList } from './CandidateList';
import { ALL_CANDIDATES, deleteView, loadSavedViews, saveView, type CandidateView } from './saved-views';

const NO_JOBS: readonly Job[] = [];
const NOTHING_PICKED: readonly CandidateSearchEntry[] = [];

/**
 * Every candidate: searched by anything visible (typos forgiven, matches marked), filtered by source,
 * job, stage, tag and date added, sorted, with saved views; many can be picked and tagged or added to
 * a job at once. Virtualised for 50,000.
 */
export function CandidatesPage() {
  const db = useDb();
  const actor = useActor();
  const { entries, isLoaded } = useCandidateIndex(db);
  const jobs = useJobs() ?? NO_JOBS;
  const tally = useApplicationTally();
  const [view, setView] = useState<CandidateView>(ALL_CANDIDATES);
  const [savedViews, setSavedViews] = useState(() => loadSavedViews(localStorage, actor.id));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<{ outcome: BulkOutcome; verb: string } | null>(null);
  const among = useMemo(() => {
    const { jobId, stage } = view;
    if (!jobId && stage === 'all') return null;
    return tally?.tally.candidatesWith(jobId || null, stage === 'all' ? null : stage) ?? new Set<string>();
    // The tally object stays the same; its version says when it moved.
  }, [view.jobId, view.stage, tally?.version]);
  const result = useMemo(
    () =>
      findCandidates(entries, {
        query: view.query,
        source: view.source === 'all' ? null : view.source,
        tag: view.tag.trim() || null,
        addedFrom: view.addedFrom || null,
        addedTo: view.addedTo || null,
        among,
        sort: view.sort,
      }),
    [entries, view, among],
  );
  const total = useMemo(() => entries.filter((entry) => !entry.mergedInto).length, [entries]);
  const mayEdit = roleMay(actor.role, 'candidate.edit');
  // Typing re-renders the page at every keystroke: nothing here may cost a pass over every
  // candidate unless something is picked.
  const picked = useMemo(
    () => (selected.size === 0 ? NOTHING_PICKED : result.entries.filter((entry) => selected.has(entry.id))),
    [result, selected],
  );
  const toggle = useCallback(
    (id: string) =>
      setSelected((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const save = useCallback(
    (name: string, shown: CandidateView) => setSavedViews(saveView(localStorage, actor.id, name, shown)),
    [actor.id],
  );
  const remove = useCallback(
    (name: string) => setSavedViews(deleteView(localStorage, actor.id, name)),
    [actor.id],
  );

  // Made once: typing re-renders the page, and nothing in the header changes with the search.
  const header = useMemo(
    () => (
      <PageHeader
        title="Candidates"
        actions={
          mayEdit && (
            <>
              <Button component={Link} to="/candidates/duplicates">
                Possible duplicates
              </Button>
              <Button variant="contained" component={Link} to="/candidates/new">
                New candidate
              </Button>
            </>
          )
        }
      />
    ),
    [mayEdit],
  );

  return (
    <Stack spacing={2}>
      {header}
      <CandidateFilters
        view={view}
        onChange={setView}
        jobs={jobs}
        savedViews={savedViews}
        onSave={save}
        onDelete={remove}
      />
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center' }}>
        <Typography role="status" variant="body2">
          {isLoaded ? `${result.entries.length} of ${total} candidates` : 'Loading candidates…'}
        </Typography>
        {mayEdit && result.entries.length > 0 && (
          <Button size="small" onClick={() => setSelected(new Set(result.entries.map((entry) => entry.id)))}>
            Select all {result.entries.length}
          </Button>
        )}
      </Stack>
      {mayEdit && picked.length > 0 && (
        <CandidateBulkActions
          picked={picked}
          jobs={jobs.filter((job) => isPipelineOpen(job.status))}
          onDone={(done, verb) => setOutcome({ outcome: done, verb })}
          onClear={() => setSelected(new Set())}
        />
      )}
      {outcome && (
        <BulkOutcomeAlert outcome={outcome.outcome} verb={outcome.verb} onClose={() => setOutcome(null)} />
      )}
      <CandidateList
        entries={result.entries}
        terms={result.terms}
        {...(mayEdit ? { selected, onToggle: toggle } : {})}
      />
    </Stack>
  );
}
