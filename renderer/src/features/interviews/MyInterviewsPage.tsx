import { Alert, Stack } from '@mui/material';
import { useMemo } from 'react';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { missingScorecards } from '#shared/domain/interview/scorecard-due';
import { useCurrentUser } from '../../data/hooks/use-database';
import { useCandidatesByIds, useInterviews, useJobs } from '../../data/hooks/use-documents';
import { useDraftInterviewIds } from '../../data/scorecard-drafts';
import { useMissingNames } from '../../ui/missing-names';
import { PageHeader } from '../../ui/PageHeader';
import { useNow } from '../../ui/use-now';
import { groupMyInterviews } from './my-interviews';
import { MyInterviewSection } from './MyInterviewSection';

/** The interviewer's home: today's interviews, those coming, and past ones still waiting for my scorecard. */
export function MyInterviewsPage() {
  const user = useCurrentUser();
  const interviews = useInterviews();
  const jobs = useJobs() ?? [];
  const draftIds = useDraftInterviewIds(user.id);
  const now = useNow(60_000);
  const missing = useMissingNames();
  const groups = useMemo(() => groupMyInterviews(interviews ?? [], user.id, now), [interviews, user.id, now]);
  const jobTitles = new Map(jobs.map((job) => [job.id, job.title]));
  // Only the candidates of the interviews shown, looked up by id: not every candidate on the device.
  const shownCandidateIds = useMemo(
    () => [...groups.today, ...groups.upcoming, ...groups.awaitingScorecard].map((interview) => interview.candidateId),
    [groups],
  );
  const candidates = useCandidatesByIds(shownCandidateIds);
  const describe = (interview: Interview) => {
    const candidate = candidates?.get(interview.candidateId);
    return {
      candidateName: candidate ? `${candidate.firstName} ${candidate.lastName}` : missing.candidate,
      jobTitle: jobTitles.get(interview.jobId) ?? missing.job,
    };
  };
  const common = { describe, userId: user.id, draftIds, now };
  const owed = useMemo(
    () => missingScorecards(interviews ?? [], now).filter((missing) => missing.interviewerId === user.id),
    [interviews, now, user.id],
  );
  const lateCount = owed.filter((missing) => missing.state === 'late').length;

  return (
    <Stack spacing={3}>
      <PageHeader title="My interviews" subtitle="Your interviews, readable offline." />
      {owed.length > 0 && (
        <Alert severity={lateCount > 0 ? 'warning' : 'info'} role="status" aria-label="Scorecards due">
          {owed.length === 1 ? 'One scorecard is' : `${owed.length} scorecards are`} due
          {lateCount > 0 ? ` (${lateCount} late)` : ''}: the hiring team decides from them. You can write them
          offline; they sync when you are back online.
        </Alert>
      )}
      {interviews !== undefined && (
        <>
          <MyInterviewSection
            title="Today"
            empty="No interviews today."
            interviews={groups.today}
            {...common}
          />
          <MyInterviewSection
            title="Upcoming"
            empty="Nothing scheduled after today."
            interviews={groups.upcoming}
            {...common}
          />
          <MyInterviewSection
            title="Waiting for my scorecard"
            empty="Every past interview has your scorecard."
            interviews={groups.awaitingScorecard}
            {...common}
          />
        </>
      )}
    </Stack>
  );
}
