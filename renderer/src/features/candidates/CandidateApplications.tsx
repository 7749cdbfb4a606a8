import { Card, CardContent, Stack, Typography } from '@mui/material';
import { Link } from 'react-router';
import type { Application } from '#shared/domain/application/application-schema';
import type { Job } from '#shared/domain/job/job-schema';
import { StatusChip } from '../../ui/StatusChip';
import { StageTimeline } from '../../ui/StageTimeline';

interface CandidateApplicationsProps {
  readonly applications: readonly Application[];
  readonly jobs: ReadonlyMap<string, Job>;
  readonly personName: (id: string) => string;
  /** The candidate's name, for entries they made through the careers page. */
  readonly candidateName: string;
}

/** A candidate's applications, each with its stage-history timeline. */
export function CandidateApplications({
  applications,
  jobs,
  personName,
  candidateName,
}: CandidateApplicationsProps) {
  if (applications.length === 0)
    return <Typography sx={{ color: 'text.secondary' }}>No applications.</Typography>;
  return (
    <Stack spacing={2}>
      {applications.map((application) => {
        const title = jobs.get(application.jobId)?.title ?? application.jobId;
        return (
          <Card
            key={application.id}
            variant="outlined"
            component="article"
            aria-label={`Application to ${title}`}
          >
            <CardContent>
              <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
                <Link to={`/applications/${application.id}`}>{title}</Link>
                <StatusChip value={application.stage} />
              </Stack>
              <StageTimeline
                history={application.stageHistory}
                personName={personName}
                applicantName={candidateName}
                label={`Stage history for ${title}`}
              />
            </CardContent>
          </Card>
        );
      })}
    </Stack>
  );
}
