import { Alert, AlertTitle, Link as MuiLink, List, ListItem } from '@mui/material';
import { useDeferredValue, useMemo } from 'react';
import { Link } from 'react-router';
import { likelyDuplicates } from '#shared/domain/candidate/candidate-duplicates';
import type { CandidateSearchEntry } from '../../data/search/candidate-search';
import type { CandidateFormValues } from './candidate-form-model';
import { reasonsText } from './duplicate-labels';

interface DuplicateNoticeProps {
  readonly values: CandidateFormValues;
  readonly candidateId: string | null;
  readonly entries: readonly CandidateSearchEntry[];
}

/** While a candidate is typed in, the records already on this device that look like the same person. */
export function DuplicateNotice({ values, candidateId, entries }: DuplicateNoticeProps) {
  const typed = useDeferredValue(values);
  const found = useMemo(() => {
    if (!typed.email.trim() && !(typed.firstName.trim() && typed.lastName.trim())) return [];
    return likelyDuplicates({ ...typed, ...(candidateId ? { id: candidateId } : {}) }, entries).slice(0, 5);
  }, [typed, candidateId, entries]);
  if (found.length === 0) return null;
  return (
    <Alert severity="warning" role="status" aria-label="Possible duplicates">
      <AlertTitle>This may be someone already here</AlertTitle>
      <List dense disablePadding>
        {found.map(({ candidate, reasons }) => (
          <ListItem key={candidate.id} disableGutters sx={{ display: 'list-item' }}>
            <MuiLink component={Link} to={`/candidates/${candidate.id}`}>
              {candidate.name}
            </MuiLink>{' '}
            — {[candidate.currentCompany, candidate.email].filter(Boolean).join(', ')} ({reasonsText(reasons)}
            )
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}
