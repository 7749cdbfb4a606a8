import { Alert, Card, CardContent, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Link } from 'react-router';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import { useCandidate, useInterviewsForCandidate } from '../../data/hooks/use-documents';
import { useDb } from '../../data/hooks/use-database';
import { useCandidateIndex } from '../../data/search/candidate-index';
import { formatDate } from '../../ui/formatting';
import { InterviewSummaryList } from '../../ui/InterviewSummaryList';

/** On a merged record: where it carries on. */
export function MergedIntoNotice({ candidate }: { readonly candidate: Candidate }) {
  const survivor = useCandidate(candidate.mergedInto ?? '');
  if (!candidate.mergedInto) return null;
  const name = survivor ? `${survivor.firstName} ${survivor.lastName}` : 'another record';
  return (
    <Alert severity="info">
      This record was merged into{' '}
      <MuiLink component={Link} to={`/candidates/${candidate.mergedInto}`}>
        {name}
      </MuiLink>
      {candidate.mergedAt ? ` on ${formatDate(candidate.mergedAt)}` : ''}. It is kept as it was, for its
      history, and can no longer be changed.
    </Alert>
  );
}

/** On a survivor: the records merged into it, with their notes and interviews, still readable. */
export function MergedRecords({
  candidateId,
  personName,
}: {
  readonly candidateId: string;
  readonly personName: (id: string) => string;
}) {
  const { entries } = useCandidateIndex(useDb());
  const merged = entries.filter((entry) => entry.mergedInto === candidateId);
  if (merged.length === 0) return null;
  return (
    <Stack spacing={1} component="section" aria-label="Merged records">
      <Typography variant="h6" component="h2">
        Merged records
      </Typography>
      {merged.map((entry) => (
        <MergedRecord key={entry.id} candidateId={entry.id} personName={personName} />
      ))}
    </Stack>
  );
}

function MergedRecord({
  candidateId,
  personName,
}: {
  readonly candidateId: string;
  readonly personName: (id: string) => string;
}) {
  const candidate = useCandidate(candidateId);
  const interviews = useInterviewsForCandidate(candidateId) ?? [];
  if (!candidate) return null;
  return (
    <Card variant="outlined">
      <CardContent>
        <MuiLink component={Link} to={`/candidates/${candidate.id}`}>
          {candidate.firstName} {candidate.lastName}
        </MuiLink>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {[candidate.email, candidate.phone, candidate.currentCompany].filter(Boolean).join(' · ')}
          {candidate.mergedAt ? ` · merged on ${formatDate(candidate.mergedAt)}` : ''}
          {candidate.resume ? ` · résumé ${candidate.resume.fileName}` : ''}
        </Typography>
        {candidate.notes && <Typography sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>{candidate.notes}</Typography>}
        {interviews.length > 0 && <InterviewSummaryList interviews={interviews} personName={personName} />}
      </CardContent>
    </Card>
  );
}
