import { Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { CANDIDATE_SOURCES, type CandidateSource } from '#shared/domain/candidate/candidate-schema';
import { roleMay } from '#shared/domain/access/write-matrix';
import { useActor, useDb } from '../../data/hooks/use-database';
import { useCandidateIndex } from '../../data/search/candidate-index';
import { searchCandidates } from '../../data/search/candidate-search';
import { humanize } from '../../ui/labels';
import { PageHeader } from '../../ui/PageHeader';
import { CandidateList } from './CandidateList';

/** Every candidate, searchable by name, email, skills and company; virtualised for 50,000. */
export function CandidatesPage() {
  const db = useDb();
  const actor = useActor();
  const { entries, isLoaded } = useCandidateIndex(db);
  const [query, setQuery] = useState('');
  const [source, setSource] = useState<CandidateSource | 'all'>('all');
  const deferredQuery = useDeferredValue(query);
  const results = useMemo(
    () => searchCandidates(entries, deferredQuery, source === 'all' ? null : source),
    [entries, deferredQuery, source],
  );

  return (
    <Stack spacing={2}>
      <PageHeader
        title="Candidates"
        actions={
          roleMay(actor.role, 'candidate.edit') && (
            <Button variant="contained" component={Link} to="/candidates/new">
              New candidate
            </Button>
          )
        }
      />
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        <TextField
          label="Search candidates"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          helperText="Name, email, skills or company"
          sx={{ minWidth: 320 }}
        />
        <TextField
          select
          label="Source"
          value={source}
          sx={{ minWidth: 180 }}
          onChange={(event) => setSource(event.target.value as CandidateSource | 'all')}
        >
          <MenuItem value="all">All sources</MenuItem>
          {CANDIDATE_SOURCES.map((each) => (
            <MenuItem key={each} value={each}>
              {humanize(each)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Typography role="status" variant="body2">
        {isLoaded ? `${results.length} of ${entries.length} candidates` : 'Loading candidates…'}
      </Typography>
      <CandidateList entries={results} />
    </Stack>
  );
}
