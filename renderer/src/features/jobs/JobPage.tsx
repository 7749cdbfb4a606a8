import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { readsEverything } from '#shared/domain/decide/read-rules';
import { roleMay } from '#shared/domain/access/write-matrix';
import { useActor } from '../../data/hooks/use-database';
import { useApplicationsForJob, useJob, useUsers } from '../../data/hooks/use-documents';
import { desktopBridge } from '../../data/session/desktop-bridge';
import { humanize, nameOf } from '../../ui/labels';
import { formatSalaryRange } from '../../ui/formatting';
import { PageHeader } from '../../ui/PageHeader';
import { PendingChip } from '../../ui/PendingChip';
import { StatusChip } from '../../ui/StatusChip';
import { AddCandidateToJobDialog } from './AddCandidateToJobDialog';
import { JobApplicationsTable } from './JobApplicationsTable';
import { InterviewPlanCard } from './InterviewPlanCard';
import { JobStatusActions } from './JobStatusActions';
import { isJobFinal, isPipelineOpen } from '#shared/domain/job/job-machine';
import { isPipelineWindow } from '../../ui/window-kind';

/** A job: details, the status changes this user may make, its applications. */
export function JobPage() {
  const { jobId = '' } = useParams();
  const actor = useActor();
  const job = useJob(jobId);
  const applications = useApplicationsForJob(jobId) ?? [];
  const users = new Map((useUsers() ?? []).map((user) => [user.id, user]));
  const [isAdding, setIsAdding] = useState(false);
  const navigate = useNavigate();
  if (job === undefined) return null;
  if (job === null) return <Typography>This job is not on this device.</Typography>;
  const mayEdit = roleMay(actor.role, 'job.edit') && !isJobFinal(job.status);
  const mayAdd = roleMay(actor.role, 'application.create') && isPipelineOpen(job.status);

  return (
    <Stack spacing={3}>
      <PageHeader
        title={job.title}
        subtitle={[job.department, job.location, humanize(job.employmentType)].filter(Boolean).join(' · ')}
        actions={
          <>
            <PendingChip collection="jobs" documentId={job.id} />
            <StatusChip value={job.status} />
            {readsEverything(actor) && (
              <Button
                variant="contained"
                onClick={() => {
                  // The desktop's main window opens (or focuses) the job's own pipeline window; a pipeline
                  // window and the browser build navigate.
                  const bridge = isPipelineWindow ? null : desktopBridge();
                  if (bridge) void bridge.openPipelineWindow(job.id);
                  else void navigate(`/jobs/${job.id}/pipeline`);
                }}
              >
                Open pipeline
              </Button>
            )}
            {mayEdit && (
              <Button component={Link} to={`/jobs/${job.id}/edit`}>
                Edit job
              </Button>
            )}
          </>
        }
      />
      <JobStatusActions job={job} />
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2">
            Details
          </Typography>
          <Typography>
            Salary: {formatSalaryRange(job.salaryMin, job.salaryMax, job.currency) ?? 'Not given'}
          </Typography>
          <Typography>Hiring manager: {nameOf(users, job.hiringManagerId)}</Typography>
          <Typography>
            Recruiters: {job.recruiterIds.map((id) => nameOf(users, id)).join(', ') || '—'}
          </Typography>
          {job.closedReason && <Typography>Closed: {humanize(job.closedReason)}</Typography>}
          <Box sx={{ whiteSpace: 'pre-wrap', mt: 1 }}>{job.description}</Box>
          {job.requirements.length > 0 && (
            <ul aria-label="Requirements">
              {job.requirements.map((requirement) => (
                <li key={requirement}>{requirement}</li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      {readsEverything(actor) && <InterviewPlanCard job={job} />}
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h6" component="h2">
          {/* An interviewer's laptop holds only the applications they interview for: no count that looks like the job's. */}
          {readsEverything(actor)
            ? `Applications (${applications.length})`
            : 'Applications you interview for'}
        </Typography>
        {mayAdd && <Button onClick={() => setIsAdding(true)}>Add candidate</Button>}
      </Stack>
      <JobApplicationsTable jobId={job.id} applications={applications} />
      {isAdding && <AddCandidateToJobDialog job={job} onClose={() => setIsAdding(false)} />}
    </Stack>
  );
}
