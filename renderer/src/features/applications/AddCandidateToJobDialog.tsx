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
import { useNavigate } from 'react-router';
import type { Job } from '#shared/domain/job/job-schema';
import { useActor, useDb } from '../../data/hooks/use-database';
import { saveDocument } from '../../data/local-writes';
import { useCandidateIndex } from '../../data/search/candidate-index';
import { searchCandidates } from '../../data/search/candidate-search';
import { newApplication } from '#shared/domain/application/application-commands';

/** Adds a candidate to an open job: a new application at applied. */
export function AddCandidateToJobDialog({
  job,
  onClose,
}: {
  readonly job: Job;
  readonly onClose: () => void;
}) {
  const db = useDb();
  const actor = useActor();
  const navigate = useNavigate();
  const { entries } = useCandidateIndex(db);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const matches = useMemo(
    () => (query.trim() ? searchCandidates(entries, query).slice(0, 8) : []),
    [entries, query],
  );

  const add = async (candidateId: string) => {
    const application = newApplication(job.id, candidateId, actor, { at: new Date() });
    if (await db.applications.findOne(application.id).exec()) {
      setError('This candidate already applied to this job.');
      return;
    }
    const decision = await saveDocument(db, actor, 'applications', null, application);
    if (!decision.ok) {
      setError(decision.message);
      return;
    }
    onClose();
    void navigate(`/applications/${application.id}`);
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
