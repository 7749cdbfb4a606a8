import {
  Alert,
  Button,
  Card,
  CardActions,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Link as MuiLink,
  Stack,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { duplicatePairs, type DuplicatePair } from '#shared/domain/candidate/candidate-duplicates';
import { firstCreated } from '#shared/domain/candidate/candidate-merge';
import { roleMay } from '#shared/domain/access/write-matrix';
import { useActor, useDb } from '../../data/hooks/use-database';
import { mergeCandidates } from '../../data/merges/candidate-merges';
import { useCandidateIndex } from '../../data/search/candidate-index';
import type { CandidateSearchEntry } from '../../data/search/candidate-search';
import { formatDate } from '../../ui/formatting';
import { PageHeader } from '../../ui/PageHeader';
import { reasonsText } from './duplicate-labels';

type Pair = DuplicatePair<CandidateSearchEntry>;

/** The survivor and the merged record of a pair, by the shared rule (the record created first stays). */
function roles(pair: Pair): { survivor: CandidateSearchEntry; merged: CandidateSearchEntry } {
  const survivor = firstCreated(pair.first, pair.second);
  return { survivor, merged: survivor === pair.first ? pair.second : pair.first };
}

/** Records on this device that look like one person, each pair with a way to merge it. */
export function DuplicatesPage() {
  const db = useDb();
  const actor = useActor();
  const navigate = useNavigate();
  const { entries, isLoaded } = useCandidateIndex(db);
  const pairs = useMemo(() => duplicatePairs(entries), [entries]);
  const [confirming, setConfirming] = useState<Pair | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mayMerge = roleMay(actor.role, 'candidate.edit');

  const merge = async (pair: Pair) => {
    const outcome = await mergeCandidates(db, actor, pair.first.id, pair.second.id);
    setConfirming(null);
    if (!outcome.ok) setError(outcome.message);
    else void navigate(`/candidates/${outcome.survivorId}`);
  };

  return (
    <Stack spacing={2}>
      <PageHeader title="Possible duplicates" subtitle="Records that look like the same person" />
      {error && (
        <Alert severity="error" onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <Typography role="status" variant="body2">
        {isLoaded ? `${pairs.length} possible duplicates` : 'Loading candidates…'}
      </Typography>
      {pairs.map((pair) => {
        const { survivor, merged } = roles(pair);
        return (
          <Card
            key={`${pair.first.id}|${pair.second.id}`}
            variant="outlined"
            component="article"
            aria-label={`${survivor.name} and ${merged.name}`}
          >
            <CardContent>
              <Typography sx={{ fontWeight: 500 }}>{reasonsText(pair.reasons)}</Typography>
              {[survivor, merged].map((entry) => (
                <Typography key={entry.id}>
                  <MuiLink component={Link} to={`/candidates/${entry.id}`}>
                    {entry.name}
                  </MuiLink>{' '}
                  —{' '}
                  {[entry.email, entry.phone, entry.currentCompany, entry.location]
                    .filter(Boolean)
                    .join(' · ')}{' '}
                  (added {formatDate(entry.createdAt)})
                </Typography>
              ))}
            </CardContent>
            {mayMerge && (
              <CardActions>
                <Button onClick={() => setConfirming(pair)}>Merge…</Button>
              </CardActions>
            )}
          </Card>
        );
      })}
      {confirming && (
        <MergeDialog
          pair={confirming}
          onCancel={() => setConfirming(null)}
          onMerge={() => void merge(confirming)}
        />
      )}
    </Stack>
  );
}

function MergeDialog({ pair, onCancel, onMerge }: { pair: Pair; onCancel: () => void; onMerge: () => void }) {
  const { survivor, merged } = roles(pair);
  return (
    <Dialog open onClose={onCancel} aria-labelledby="merge-title">
      <DialogTitle id="merge-title">Merge these records?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {survivor.name} (added {formatDate(survivor.createdAt)}) stays, as the record added first.{' '}
          {merged.name}’s applications move to it (one per job: where both applied to a job, {survivor.name}’s
          application carries on).
          {` ${merged.name}`}’s record, its notes, résumé, interviews and stage history stay readable from{' '}
          {survivor.name}’s page. A merge cannot be undone.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="contained" onClick={onMerge}>
          Merge
        </Button>
      </DialogActions>
    </Dialog>
  );
}
