import { Card, CardContent, Stack, Typography } from '@mui/material';
import { Link, useParams } from 'react-router';
import { readsEverything } from '#shared/domain/decide/read-rules';
import { useActor } from '../../data/hooks/use-database';
import {
  useApplication,
  useCandidate,
  useInterviewsForApplication,
  useJob,
  useSettings,
  useUsers,
} from '../../data/hooks/use-documents';
import { rejectionReasonLabel } from '#shared/domain/settings/settings-schema';
import { humanize, nameOf } from '../../ui/labels';
import { PageHeader } from '../../ui/PageHeader';
import { PendingChip } from '../../ui/PendingChip';
import { StatusChip } from '../../ui/StatusChip';
import { ApplicationInterviews } from './ApplicationInterviews';
import { OfferCard } from './OfferCard';
import { StageActions } from './StageActions';
import { StageTimeline } from '../../ui/StageTimeline';
import { candidateNameOr, useMissingNames } from '../../ui/missing-names';

/** One application: its stage moves, rejection, offer, history and interviews. */
export function ApplicationPage() {
  const { applicationId = '' } = useParams();
  const actor = useActor();
  const application = useApplication(applicationId);
  const job = useJob(application?.jobId ?? '');
  const candidate = useCandidate(application?.candidateId ?? '');
  const missing = useMissingNames();
  const interviews = useInterviewsForApplication(applicationId) ?? [];
  const users = new Map((useUsers() ?? []).map((user) => [user.id, user]));
  const settings = useSettings();
  if (application === undefined) return null;
  if (application === null) return <Typography>This application is not on this device.</Typography>;
  const candidateName = candidateNameOr(candidate, missing);

  return (
    <Stack spacing={3}>
      <PageHeader
        title={`${candidateName} — ${job?.title ?? application.jobId}`}
        subtitle={
          <>
            <Link to={`/candidates/${application.candidateId}`}>Candidate profile</Link> ·{' '}
            <Link to={`/jobs/${application.jobId}`}>Job</Link>
          </>
        }
        actions={
          <>
            <PendingChip collection="applications" documentId={application.id} />
            <StatusChip value={application.stage} />
          </>
        }
      />
      {job && <StageActions application={application} job={job} candidateName={candidateName} />}
      {application.rejection && (
        <Card variant="outlined" component="section" aria-label="Rejection">
          <CardContent>
            <Typography variant="h6" component="h2">
              Rejected at {humanize(application.rejection.atStage)}
            </Typography>
            <Typography>
              Reason: {rejectionReasonLabel(settings ?? null, application.rejection.reason)}
            </Typography>
            {application.rejection.note && <Typography>{application.rejection.note}</Typography>}
          </CardContent>
        </Card>
      )}
      {readsEverything(actor) && (
        <OfferCard key={`${application.id}-${application.stage}`} application={application} />
      )}
      <section aria-labelledby="history-title">
        <Typography variant="h6" component="h2" id="history-title">
          History
        </Typography>
        <StageTimeline
          history={application.stageHistory}
          personName={(id) => nameOf(users, id)}
          applicantName={candidateName}
        />
      </section>
      <ApplicationInterviews application={application} job={job ?? null} interviews={interviews} />
    </Stack>
  );
}
