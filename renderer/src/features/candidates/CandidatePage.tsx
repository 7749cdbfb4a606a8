import { Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { roleMay } from '#shared/domain/access/write-matrix';
import {
  useApplicationsForCandidate,
  useCandidate,
  useInterviewsForCandidate,
  useJobs,
  useLiveDocuments,
  useUsers,
} from '../../data/hooks/use-documents';
import { humanize, nameOf } from '../../ui/labels';
import { PageHeader } from '../../ui/PageHeader';
import { PendingChip } from '../../ui/PendingChip';
import { InterviewSummaryList } from '../../ui/InterviewSummaryList';
import { ResumeCard } from '../../ui/ResumeCard';
import { AddToJobDialog } from './AddToJobDialog';
import { CandidateApplications } from './CandidateApplications';
import { CandidateMessages } from './CandidateMessages';
import { CandidateNotifications } from './CandidateNotifications';
import { CandidateTimeline } from './CandidateTimeline';
import type { TimelineMessage } from './candidate-timeline';
import { SYSTEM_AUTHOR } from '#shared/domain/message/message-schema';
import { MergedIntoNotice, MergedRecords } from './MergedRecords';
import { useActor, useDb } from '../../data/hooks/use-database';
import { useCandidateIndex } from '../../data/search/candidate-index';
import { isPipelineOpen } from '#shared/domain/job/job-machine';
import { readsEverything } from '#shared/domain/decide/read-rules';

/** A candidate: profile, applications with their timelines, interviews, the whole timeline with comments. */
export function CandidatePage() {
  const { candidateId = '' } = useParams();
  const actor = useActor();
  const candidate = useCandidate(candidateId);
  const applications = useApplicationsForCandidate(candidateId) ?? [];
  const interviews = useInterviewsForCandidate(candidateId) ?? [];
  const jobs = new Map((useJobs() ?? []).map((job) => [job.id, job]));
  const userList = useUsers() ?? [];
  const users = new Map(userList.map((user) => [user.id, user]));
  const { entries } = useCandidateIndex(useDb());
  const mergedIds = entries.filter((entry) => entry.mergedInto === candidateId).map((entry) => entry.id);
  const [isAdding, setIsAdding] = useState(false);
  // Messages to the candidate join the timeline (SPEC §12); the Messages section below has their detail.
  const messages = useLiveDocuments(
    (database) => database.messages.find({ selector: { candidateId } }),
    [candidateId],
  );
  const timelineMessages: TimelineMessage[] = (messages ?? [])
    .filter((message) => message.status === 'sent' || message.status === 'queued')
    .map((message) => ({
      id: message.id,
      at: message.sentAt ?? message.createdAt,
      direction: 'outbound' as const,
      subject: message.subject,
      ...(message.createdBy === SYSTEM_AUTHOR ? {} : { by: message.createdBy }),
    }));
  if (candidate === undefined) return null;
  if (candidate === null) return <Typography>This candidate is not on this device.</Typography>;
  const appliedJobIds = new Set(applications.map((application) => application.jobId));
  const openJobs = [...jobs.values()].filter(
    (job) => isPipelineOpen(job.status) && !appliedJobIds.has(job.id),
  );
  const mayEdit = roleMay(actor.role, 'candidate.edit') && !candidate.erasedAt && !candidate.mergedInto;
  const personName = (id: string) => nameOf(users, id);

  return (
    <Stack spacing={3}>
      <PageHeader
        title={`${candidate.firstName} ${candidate.lastName}`}
        subtitle={[candidate.currentTitle, candidate.currentCompany].filter(Boolean).join(' at ')}
        actions={
          <>
            <PendingChip collection="candidates" documentId={candidate.id} />
            {mayEdit && (
              <Button component={Link} to={`/candidates/${candidate.id}/edit`}>
                Edit candidate
              </Button>
            )}
            {mayEdit && roleMay(actor.role, 'application.create') && (
              <Button onClick={() => setIsAdding(true)}>Add to job</Button>
            )}
          </>
        }
      />
      <MergedIntoNotice candidate={candidate} />
      <Card variant="outlined" component="section" aria-label="Profile">
        <CardContent>
          <Typography>Email: {candidate.email}</Typography>
          {candidate.phone && <Typography>Phone: {candidate.phone}</Typography>}
          {candidate.location && <Typography>Location: {candidate.location}</Typography>}
          {candidate.yearsExperience !== undefined && (
            <Typography>Experience: {candidate.yearsExperience} years</Typography>
          )}
          <Typography>
            Source: {humanize(candidate.source)}
            {candidate.referredBy ? ` (referred by ${candidate.referredBy})` : ''}
            {candidate.agency ? ` (${candidate.agency})` : ''}
          </Typography>
          <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap', mt: 1 }} aria-label="Skills">
            {candidate.skills.map((skill) => (
              <Chip key={skill} size="small" label={skill} />
            ))}
            {candidate.tags.map((tag) => (
              <Chip key={`tag-${tag}`} size="small" variant="outlined" label={`#${tag}`} />
            ))}
          </Stack>
          {candidate.notes && (
            <Typography sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>{candidate.notes}</Typography>
          )}
        </CardContent>
      </Card>
      {!candidate.erasedAt && <ResumeCard candidate={candidate} mayUpload={mayEdit} />}
      <Typography variant="h6" component="h2">
        Applications
      </Typography>
      <CandidateApplications
        applications={applications}
        jobs={jobs}
        personName={personName}
        candidateName={`${candidate.firstName} ${candidate.lastName}`}
      />
      <Typography variant="h6" component="h2">
        Interviews
      </Typography>
      <InterviewSummaryList interviews={interviews} personName={personName} />
      <CandidateTimeline
        candidate={candidate}
        mergedIds={mergedIds}
        applications={applications}
        interviews={interviews}
        jobs={jobs}
        users={userList}
        personName={personName}
        messages={timelineMessages}
        mayComment={roleMay(actor.role, 'comment.write') && !candidate.erasedAt && !candidate.mergedInto}
      />
      <MergedRecords candidateId={candidate.id} personName={personName} />
      {readsEverything(actor) && (
        <>
          <Typography variant="h6" component="h2">
            Messages
          </Typography>
          <CandidateMessages candidateId={candidate.id} personName={personName} />
          <Typography variant="h6" component="h2">
            E-mails to the team about this candidate
          </Typography>
          <CandidateNotifications candidateId={candidate.id} />
        </>
      )}
      {isAdding && (
        <AddToJobDialog candidate={candidate} jobs={openJobs} onClose={() => setIsAdding(false)} />
      )}
    </Stack>
  );
}
