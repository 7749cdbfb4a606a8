import { Accordion, AccordionDetails, AccordionSummary, Box, Chip, Stack, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Link, useParams } from 'react-router';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { isAssigned, readsEverything } from '#shared/domain/decide/read-rules';
import { findKit, kitAttributes, planKits } from '#shared/domain/job/interview-plan';
import { currentDecline } from '#shared/domain/interview/decline-rules';
import { scorecardState } from '#shared/domain/interview/scorecard-due';
import { useActor } from '../../data/hooks/use-database';
import {
  useApplication,
  useCandidate,
  useJob,
  byId,
  useLiveDocument,
  useUsers,
} from '../../data/hooks/use-documents';
import { humanize, nameOf } from '../../ui/labels';
import { PageHeader } from '../../ui/PageHeader';
import { PendingChip } from '../../ui/PendingChip';
import { StatusChip } from '../../ui/StatusChip';
import { StageTimeline } from '../../ui/StageTimeline';
import { formatInZone, viewerTimeZone, zoneName } from '../../ui/time-zones';
import { useNow } from '../../ui/use-now';
import { MeetingPlace } from '../../ui/MeetingPlace';
import { ResumeCard } from '../../ui/ResumeCard';
import { DeclineInterview } from './DeclineInterview';
import { InterviewKitCard } from './InterviewKitCard';
import { InterviewScorecards } from './InterviewScorecards';
import { InterviewSection as Section } from './InterviewSection';
import { ScorecardDueChip } from './ScorecardDueChip';
import { ScorecardForm } from './ScorecardForm';
import { candidateNameOr, useMissingNames } from '../../ui/missing-names';

/**
 * An interview, run from one screen, offline: the kit and my scorecard first, the other scorecards
 * under them; the candidate, résumé, job and history beside them.
 */
export function InterviewPage() {
  const { interviewId = '' } = useParams();
  const actor = useActor();
  const interview = useLiveDocument<Interview>((db) => byId(db.interviews, interviewId), [interviewId]);
  const application = useApplication(interview?.applicationId ?? '');
  const job = useJob(interview?.jobId ?? '');
  const candidate = useCandidate(interview?.candidateId ?? '');
  const missing = useMissingNames();
  const users = new Map((useUsers() ?? []).map((user) => [user.id, user]));
  const now = useNow(60_000);
  if (interview === undefined) return null;
  if (interview === null) return <Typography>This interview is not on this device.</Typography>;
  const personName = (id: string) => nameOf(users, id);
  const candidateName = candidateNameOr(candidate, missing);
  const isMine = isAssigned(interview, actor.id);
  const fullRead = readsEverything(actor);
  const plan = job?.interviewPlan;
  const kit = findKit(plan, interview.kitId);
  const attributes = plan && kit ? kitAttributes(plan, kit) : [];
  const stageName = planKits(plan).find((entry) => entry.kit.id === kit?.id)?.stageName ?? null;
  const attributeName = (id: string) => plan?.attributes.find((attribute) => attribute.id === id)?.name ?? id;
  const zone = viewerTimeZone(users.get(actor.id));
  const at = Date.parse(interview.scheduledAt);
  const myState = scorecardState(interview, actor.id, now);
  // One declines an interview before it starts; a decline given stays visible (and can be taken back).
  const hasDeclined = currentDecline(interview, actor.id) !== null;

  return (
    <Stack spacing={3}>
      <PageHeader
        title={`${humanize(interview.type)} interview: ${candidateName}`}
        subtitle={
          <>
            {job?.title ?? 'Job'} · {formatInZone(at, zone)} ({zoneName(zone, at)}) ·{' '}
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
            {isMine && <ScorecardDueChip state={myState} />}
            {isMine && interview.status === 'scheduled' && (at > now || hasDeclined) && (
              <DeclineInterview interview={interview} />
            )}
          </>
        }
      />
      <Typography>With {interview.interviewerIds.map(personName).join(', ')}</Typography>
      <Box
        sx={{
          display: 'grid',
          gap: 3,
          gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 3fr) minmax(0, 2fr)' },
        }}
      >
        <Stack spacing={3} sx={{ minWidth: 0 }}>
          <InterviewKitCard kit={kit} stageName={stageName} attributes={attributes} />
          {isMine && interview.status !== 'cancelled' && (
            <Section title="My scorecard">
              <ScorecardForm
                key={`${interview.id}:${kit?.id ?? ''}`}
                interview={interview}
                attributes={attributes}
              />
            </Section>
          )}
          <Section title={fullRead ? 'Scorecards' : 'Other scorecards'}>
            <InterviewScorecards
              interview={interview}
              viewerId={actor.id}
              personName={personName}
              attributeName={attributeName}
              readsEverything={fullRead}
            />
          </Section>
        </Stack>
        <Stack spacing={3} sx={{ minWidth: 0 }}>
          {candidate && (
            <Section title="Candidate">
              <Typography sx={{ fontWeight: 600 }}>
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
              {job.requirements.length > 0 && (
                <ul aria-label="Requirements">
                  {job.requirements.map((requirement) => (
                    <li key={requirement}>{requirement}</li>
                  ))}
                </ul>
              )}
              <Accordion disableGutters variant="outlined">
                <AccordionSummary expandIcon={<ExpandMoreIcon />}>The whole description</AccordionSummary>
                <AccordionDetails>
                  <Typography sx={{ whiteSpace: 'pre-wrap' }}>{job.description}</Typography>
                </AccordionDetails>
              </Accordion>
            </Section>
          )}
          {application && (
            <Section title="Stage history">
              <StageTimeline history={application.stageHistory} personName={personName} />
            </Section>
          )}
        </Stack>
      </Box>
    </Stack>
  );
}
