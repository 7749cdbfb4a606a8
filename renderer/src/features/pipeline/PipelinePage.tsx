import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Box, Button, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useActor } from '../../data/hooks/use-database';
import { useJob, useJobs } from '../../data/hooks/use-documents';
import { useRefusedCount } from '../../data/hooks/use-sync-data';
import { humanize } from '../../ui/labels';
import { useMissingNames } from '../../ui/missing-names';
import { StatusChip } from '../../ui/StatusChip';
import { useNow } from '../../ui/use-now';
import { RejectDialog } from '../../ui/RejectDialog';
import { HireDialog } from '../../ui/HireDialog';
import { ApplicationBulkActions } from '../../ui/ApplicationBulkActions';
import type { BulkOutcome } from '../../ui/bulk-outcome';
import { BulkOutcomeAlert } from '../../ui/BulkOutcomeAlert';
import { roleMay } from '#shared/domain/access/write-matrix';
import type { BoardSelection } from './PipelineColumn';
import { buildCards, type PipelineCard } from './pipeline-cards';
import {
  buildColumns,
  countByStage,
  NO_FILTERS,
  tagsOf,
  type PipelineFilters,
  type SortOrder,
} from './pipeline-filters';
import { markBoardData, markBoardMounted, markBoardRendered, markMoveRendered } from './pipeline-metrics';
import { MoveFeedbackSnackbar } from './MoveFeedbackSnackbar';
import { PipelineBoard } from './PipelineBoard';
import { PipelineToolbar } from './PipelineToolbar';
import { useBoardMoves } from './use-board-moves';
import { usePipelineData } from './use-pipeline-data';
import { isPipelineOpen } from '#shared/domain/job/job-machine';

/** The recruiters' kanban board of one job (`/jobs/:jobId/pipeline`; its own window on the desktop). */
export function PipelinePage() {
  const { jobId = '' } = useParams();
  const isMounted = useRef(false);
  if (!isMounted.current) {
    isMounted.current = true;
    markBoardMounted();
  }
  const actor = useActor();
  const job = useJob(jobId);
  const { applications, candidates, interviews, pendingIds } = usePipelineData(jobId);
  const hasMarkedData = useRef(false);
  if (applications !== undefined && !hasMarkedData.current) {
    hasMarkedData.current = true;
    markBoardData();
  }
  const now = useNow(60_000);
  const refusedCount = useRefusedCount();
  const [filters, setFilters] = useState<PipelineFilters>(NO_FILTERS);
  const [sortOrder, setSortOrder] = useState<SortOrder>('longest_in_stage');
  const deferredFilters = useDeferredValue(filters);
  const otherJobs = (useJobs() ?? []).filter((each) => each.id !== jobId && isPipelineOpen(each.status));
  const [selected, setSelected] = useState<ReadonlySet<string> | null>(null);
  const [bulkOutcome, setBulkOutcome] = useState<{ outcome: BulkOutcome; verb: string } | null>(null);
  const selection = useMemo<BoardSelection | null>(
    () =>
      selected && {
        selected,
        onToggle: (ids, on) =>
          setSelected((current) => {
            const next = new Set(current);
            for (const id of ids) {
              if (on) next.add(id);
              else next.delete(id);
            }
            return next;
          }),
      },
    [selected],
  );
  const mayPick = roleMay(actor.role, 'application.advance') || roleMay(actor.role, 'application.reject');

  const previousCards = useRef<ReadonlyMap<string, PipelineCard>>(new Map());
  const missingCandidateName = useMissingNames().candidate;
  const cardsById = useMemo(() => {
    if (!applications) return previousCards.current;
    const cards = buildCards(
      { applications, candidates, interviews, pendingIds, now, missingCandidateName },
      previousCards.current,
    );
    previousCards.current = cards;
    return cards;
  }, [applications, candidates, interviews, pendingIds, now, missingCandidateName]);
  const moves = useBoardMoves();
  const { lastMove, shown, clearShown } = moves;
  // The last move can be undone while it is still local: not yet accepted by the server.
  const lastMoveCard = lastMove ? cardsById.get(lastMove.applicationId) : undefined;
  const undoable =
    lastMove && lastMoveCard?.isPending && lastMoveCard.stage === lastMove.to ? lastMove : null;
  // A dropped card shows in its new column at once, before the local database has the move.
  const shownCard = shown ? cardsById.get(shown.applicationId) : undefined;
  const isShownAhead = Boolean(shown && shownCard?.stage === shown.from);
  const shownCards = useMemo(() => {
    if (!shown || !shownCard || !isShownAhead) return cardsById;
    return new Map(cardsById).set(shownCard.id, { ...shownCard, stage: shown.to, isPending: true });
  }, [cardsById, shown, shownCard, isShownAhead]);
  useEffect(() => {
    // Once the local database has the move (or someone else moved the card), it shows as it is.
    if (shown && !isShownAhead) clearShown();
  }, [shown, isShownAhead, clearShown]);
  const counts = useMemo(() => countByStage(shownCards.values()), [shownCards]);
  const tags = useMemo(() => tagsOf(cardsById.values()), [cardsById]);
  const columns = useMemo(
    () => buildColumns(shownCards.values(), deferredFilters, sortOrder),
    [shownCards, deferredFilters, sortOrder],
  );
  useEffect(() => {
    if (shown) markMoveRendered();
  }, [shown]);

  const isReady = applications !== undefined && Boolean(job);
  const hasMarkedRender = useRef(false);
  useEffect(() => {
    if (isReady && !hasMarkedRender.current) {
      hasMarkedRender.current = true;
      markBoardRendered(cardsById.size);
    }
  }, [isReady, cardsById]);

  if (job === undefined) return <LinearProgress aria-label="Loading the board" />;
  if (job === null) return <Typography>This job is not on this device.</Typography>;

  return (
    <Stack sx={{ height: 'calc(100vh - 104px)', minHeight: 520, gap: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Button component={Link} to={`/jobs/${job.id}`} startIcon={<ArrowBackIcon />} size="small">
          Job details
        </Button>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography variant="h5" component="h1" noWrap sx={{ fontWeight: 600 }}>
            {job.title}
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            Pipeline · {cardsById.size} applications
            {job.department ? ` · ${job.department}` : ''}
            {job.location ? ` · ${job.location}` : ''}
          </Typography>
        </Box>
        {pendingIds.size > 0 && (
          <Chip
            color="warning"
            variant="outlined"
            size="small"
            label={`${pendingIds.size} not yet accepted`}
          />
        )}
        {refusedCount > 0 && (
          <Button component={Link} to="/refused" color="error" size="small" variant="outlined">
            {refusedCount} refused {refusedCount === 1 ? 'change' : 'changes'}
          </Button>
        )}
        <StatusChip value={job.status} />
      </Stack>
      {!isPipelineOpen(job.status) && (
        <Alert severity="info">
          The job is {humanize(job.status).toLowerCase()}, so its pipeline cannot move forward; rejecting
          still works.
        </Alert>
      )}
      <PipelineToolbar
        filters={filters}
        onFiltersChange={setFilters}
        sortOrder={sortOrder}
        onSortOrderChange={setSortOrder}
        tags={tags}
        undoLabel={undoable ? `Undo: ${undoable.candidateName} to ${humanize(undoable.to)}` : null}
        onUndo={moves.undo}
        isSelecting={selected !== null}
        onSelectingChange={mayPick ? (on) => setSelected(on ? new Set() : null) : null}
      />
      {bulkOutcome && (
        <BulkOutcomeAlert
          outcome={bulkOutcome.outcome}
          verb={bulkOutcome.verb}
          onClose={() => setBulkOutcome(null)}
        />
      )}
      {selected && selected.size > 0 && (
        <ApplicationBulkActions
          picked={[...selected].flatMap((id) => {
            const card = cardsById.get(id);
            return card ? [{ id, candidateId: card.candidateId, name: card.name }] : [];
          })}
          jobs={otherJobs}
          onClear={() => setSelected(new Set())}
          onDone={(outcome, verb) => {
            setBulkOutcome({ outcome, verb });
            setSelected(new Set());
          }}
        />
      )}
      <Box sx={{ flexGrow: 1, minHeight: 0 }}>
        {applications === undefined ? (
          <LinearProgress aria-label="Loading applications" />
        ) : (
          <PipelineBoard
            columns={columns}
            counts={counts}
            cardsById={shownCards}
            actor={actor}
            jobStatus={job.status}
            onDrop={moves.onDrop}
            selection={selection}
          />
        )}
      </Box>
      {moves.rejecting && (
        <RejectDialog
          candidateName={moves.rejecting.name}
          applicationId={moves.rejecting.id}
          onClose={moves.cancelRejection}
          onReject={moves.confirmRejection}
        />
      )}
      {moves.hiring && (
        <HireDialog applicationId={moves.hiring.id} onClose={moves.cancelHire} onHire={moves.confirmHire} />
      )}
      <MoveFeedbackSnackbar
        feedback={moves.feedback}
        undoable={undoable}
        onUndo={moves.undo}
        onClose={moves.dismissFeedback}
      />
    </Stack>
  );
}
