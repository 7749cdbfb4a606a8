import { Chip, Stack, Typography } from '@mui/material';
import { Link, useParams } from 'react-router';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { isAssigned, readsEverything } from '#shared/domain/decide/read-rules';
import { useActor } from '../../data/hooks/use-database';
import {
  useApplication,
  useCandidate,
  useJob,
  useLiveDocument,
  useUsers,
} from '../../data/hooks/use-documents';
import { humanize, nameOf } from '../../ui/labels';
import { PageHeader } from '../../ui/PageHeader';
import { PendingChip } from '../../ui/PendingChip';
import { StatusChip } from '../../ui/StatusChip';
import { StageTimeline } from '../../ui/StageTimeline';
import { InterviewScorecards } from './InterviewScorecards';
import { InterviewSection as Section } from './InterviewSection';
import { MeetingPlace } from '../../ui/MeetingPlace';
import { ResumeCard } from '../../ui/ResumeCard';
import { useFormatShort } from '../../ui/use-time-zone';
import { ScorecardForm } from './ScorecardForm';

/** An interview, everything the interviewer needs offline: candidate, résumé, job, history, my scorecard. */
export function InterviewPage() {
  const { interviewId = '' } = useParams();
  const actor = useActor();
  const formatShort = useFormatShort();
  const interview = useLiveDocument<Interview>((db) => db.interviews.findOne(interviewId), [interviewId]);
  const application = useApplication(interview?.applicationId ?? '');
  const job = useJob(interview?.jobId ?? '');
  const candidate = useCandidate(interview?.candidateId ?? '');
  const users = new Map((useUsers() ?? []).map((user) => [user.id, user]));
  if (interview === undefined) return null;
  if (interview === null) return <Typography>This interview is not on this device.</Typography>;
  const personName = (id: string) => nameOf(users, id);
  const candidateName = candidate ? `${candidate.firstName} ${candidate.lastName}` : 'Candidate';
  const isMine = isAssigned(interview, actor.id);
  const fullRead = readsEverything(actor);

  return (
    <Stack spacing={3}>
      <PageHeader
        title={`${humanize(interview.type)} interview: ${candidateName}`}
        subtitle={
          <>
            {job?.title ?? 'Job'} · {formatShort(interview.scheduledAt, true)} ·{' '}
            {interview.durationMinutes} min · <MeetingPlace interview={interview} />
            {fullRead && (
              <>
                {' · '}
                <Link to={`/applications/${interview.applicationId}`}>Application</Link>
              </>
            )}
          </>
        }
        actions={
          <>
            <PendingChip collection="interviews" documentId={interview.id} />
            <StatusChip value={interview.status} />
          </>
        }
      />
      <Typography>With {interview.interviewerIds.map(personName).join(', ')}</Typography>
      {candidate && (
        <Section title="Candidate">
          <Typography>
            {candidateName}
            {candidate.currentTitle ? ` · ${candidate.currentTitle}` : ''}
            {candidate.currentCompany ? ` at ${candidate.currentCompany}` : ''}
          </Typography>
          <Typography>Email: {candidate.email}</Typography>
          {candidate.location && <Typography>Location: {candidate.location}</Typography>}
          {candidate.yearsExperience !== undefined && (
            <Typography>Experience: {candidate.yearsExperience} years</Typography>
          )}
          <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap', mt: 1 }} aria-label="Skills">
            {candidate.skills.map((skill) => (
              <Chip key={skill} size="small" label={skill} />
            ))}
          </Stack>
        </Section>
      )}
      {candidate && <ResumeCard candidate={candidate} mayUpload={false} />}
      {job && (
        <Section title="Job description">
          <Typography sx={{ fontWeight: 600 }}>
            {job.title} · {job.department} · {job.location}
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap', mt: 1 }}>{job.description}</Typography>
          {job.requirements.length > 0 && (
            <ul aria-label="Requirements">
              {job.requirements.map((requirement) => (
                <li key={requirement}>{requirement}</li>
              ))}
            </ul>
          )}
        </Section>
      )}
      {application && (
        <Section title="Stage history">
          <StageTimeline history={application.stageHistory} personName={personName} />
        </Section>
      )}
      {isMine && interview.status !== 'cancelled' && (
        <Section title="My scorecard">
          <ScorecardForm key={interview.id} interview={interview} />
        </Section>
      )}
      <Section title="Scorecards">
        <InterviewScorecards
          interview={interview}
          viewerId={actor.id}
          personName={personName}
          readsEverything={fullRead}
        />
      </Section>
    </Stack>
  );
}
