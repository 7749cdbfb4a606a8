import { Stack, Typography } from '@mui/material';
import { useNavigate, useParams } from 'react-router';
import { useActor, useDb } from '../../data/hooks/use-database';
import { useCandidate } from '../../data/hooks/use-documents';
import { useCandidateIndex } from '../../data/search/candidate-index';
import { normalizeEmail } from '#shared/domain/common/schema-helpers';
import { newDocumentId, saveDocument } from '../../data/local-writes';
import { PageHeader } from '../../ui/PageHeader';
import { plainMessage } from '../../ui/plain-message';
import {
  CANDIDATE_FIELD_LABELS,
  candidateToForm,
  formToCandidate,
  type CandidateFormValues,
} from './candidate-form-model';
import { CandidateForm } from './CandidateForm';
import { DuplicateNotice } from './DuplicateNotice';

/** Creates or edits a candidate. */
export function CandidateEditPage() {
  const { candidateId } = useParams();
  const db = useDb();
  const actor = useActor();
  const navigate = useNavigate();
  const existing = useCandidate(candidateId ?? '');
  const { entries } = useCandidateIndex(db);
  const before = candidateId ? existing : null;
  if (before === undefined) return null;
  if (candidateId && before === null) return <Typography>This candidate is not on this device.</Typography>;
  if (before?.mergedInto)
    return <Typography>This record was merged into another and can no longer be edited.</Typography>;

  const save = async (values: CandidateFormValues): Promise<string | null> => {
    const after = formToCandidate(values, before, actor, before?.id ?? newDocumentId('cand'), new Date());
    const email = normalizeEmail(after.email);
    if (entries.some((entry) => entry.id !== after.id && normalizeEmail(entry.email) === email)) {
      return 'Another candidate already has this email address.';
    }
    const decision = await saveDocument(db, actor, 'candidates', before, after);
    if (!decision.ok) return plainMessage(decision.message, CANDIDATE_FIELD_LABELS);
    void navigate(`/candidates/${after.id}`);
    return null;
  };

  const title = before ? `Edit ${before.firstName} ${before.lastName}` : 'New candidate';
  return (
    <Stack spacing={2}>
      <PageHeader title={title} />
      <CandidateForm
        key={before?.id ?? 'new'}
        initial={candidateToForm(before)}
        submitLabel={before ? 'Save candidate' : 'Create candidate'}
        onSubmit={save}
        renderNotice={(values) => (
          <DuplicateNotice values={values} candidateId={before?.id ?? null} entries={entries} />
        )}
      />
    </Stack>
  );
}
