import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItemButton,
  ListItemText,
  TextField,
} from '@mui/material';
import { useMemo, useState } from 'react';
import type { Job } from '#shared/domain/job/job-schema';
import { useDb } from '../../data/hooks/use-database';
import { useAddToJob } from '../../ui/use-add-to-job';
import { useCandidateIndex } from '../../data/search/candidate-index';
import { searchCandidates } from '../../data/search/candidate-search';

/** Adds a candidate to an open job: a new application at applied. */
export function AddCandidateToJobDialog({
  job,
  onClose,
}: {
  readonly job: Job;
  readonly onClose: () => void;
}) {
  const db = useDb();
  const addToJob = useAddToJob();
  const { entries } = useCandidateIndex(db);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const matches = useMemo(
    () => (query.trim() ? searchCandidates(entries, query).slice(0, 8) : []),
    [entries, query],
  );

  const add = async (candidateId: string) => {
    const refusal = await addToJob(job.id, candidateId);
    if (refusal) setError(refusal);
    else onClose();
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="add-candidate-title" fullWidth>
      <DialogTitle id="add-candidate-title">Add a candidate to {job.title}</DialogTitle>
      <DialogContent>
        <TextField
          label="Find candidate"
          type="search"
          autoFocus
          fullWidth
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          sx={{ mt: 1 }}
          helperText="Name, email, skill or company"
        />
        {error && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {error}
          </Alert>
        )}
        <List aria-label="Matching candidates">
          {matches.map((entry) => (
            <ListItemButton key={entry.id} onClick={() => void add(entry.id)}>
              <ListItemText
                primary={entry.name}
                secondary={[entry.email, entry.currentCompany].filter(Boolean).join(' · ')}
              />
            </ListItemButton>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
      </DialogActions>
    </Dialog>
  );
}
