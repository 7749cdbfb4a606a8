import { Stack, Typography } from '@mui/material';
import { useNavigate, useParams } from 'react-router';
import { useActor, useDb } from '../../data/hooks/use-database';
import { useJob, useUsers } from '../../data/hooks/use-documents';
import { newDocumentId, saveDocument } from '../../data/local-writes';
import { PageHeader } from '../../ui/PageHeader';
import { plainMessage } from '../../ui/plain-message';
import { formToJob, JOB_FIELD_LABELS, jobToForm, type JobFormValues } from './job-form-model';
import { JobForm } from './JobForm';

/** Creates a job (as a draft) or edits one. */
export function JobEditPage() {
  const { jobId } = useParams();
  const db = useDb();
  const actor = useActor();
  const navigate = useNavigate();
  const existing = useJob(jobId ?? '');
  const users = useUsers() ?? [];
  const before = jobId ? existing : null;
  if (before === undefined) return null;
  if (jobId && before === null) return <Typography>This job is not on this device.</Typography>;

  const save = async (values: JobFormValues): Promise<string | null> => {
    const after = formToJob(values, before, actor, before?.id ?? newDocumentId('job'), new Date());
    const decision = await saveDocument(db, actor, 'jobs', before, after);
    if (!decision.ok) return plainMessage(decision.message, JOB_FIELD_LABELS);
    void navigate(`/jobs/${after.id}`);
    return null;
  };

  return (
    <Stack spacing={2}>
      <PageHeader title={before ? `Edit ${before.title}` : 'New job'} />
      <JobForm
        key={before?.id ?? 'new'}
        initial={jobToForm(before)}
        users={users}
        submitLabel={before ? 'Save job' : 'Create job'}
        onSubmit={save}
      />
    </Stack>
  );
}
