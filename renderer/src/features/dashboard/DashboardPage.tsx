import { Box, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { PieChart } from '@mui/x-charts/PieChart';
import type { Interview } from '#shared/domain/interview/interview-schema';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { useDb } from '../../data/hooks/use-database';
import { useApplicationTally } from '../../data/hooks/use-application-tally';
import { AwaitedScorecards } from '../../data/aggregates/awaited-scorecards';
import { useCollectionFold } from '../../data/hooks/use-collection-fold';
import { useJobs, useScheduledInterviews, useUsers } from '../../data/hooks/use-documents';
import { useCandidateIndex } from '../../data/search/candidate-index';
import { humanize, nameOf } from '../../ui/labels';
import { useMissingNames } from '../../ui/missing-names';
import { useNow } from '../../ui/use-now';
import { CountBarChart } from './CountBarChart';
import { PageHeader } from '../../ui/PageHeader';
import { DashboardCard } from './DashboardCard';
import { aheadQueryWindow, candidatesBySource, interviewsAhead, jobsByStatus } from './dashboard-stats';
import { HiringReports } from './HiringReports';
import { InterviewList } from './InterviewList';
import { LateScorecards } from './LateScorecards';

const NO_INTERVIEWS: readonly Interview[] = [];
const newAwaitedScorecards = () => new AwaitedScorecards();

function toBars(counts: Readonly<Record<string, number>>) {
  return Object.entries(counts).map(([key, value]) => ({ label: humanize(key), value }));
}

/**
 * The team's hiring at a glance, then the hiring reports: computed from the local database (works
 * offline).
 */
export function DashboardPage() {
  const db = useDb();
  const jobs = useJobs() ?? [];
  const applications = useApplicationTally();
  const users = useUsers() ?? [];
  const directory = useMemo(() => new Map(users.map((user) => [user.id, user])), [users]);
  const { entries: candidates } = useCandidateIndex(db);
  const now = useNow(60_000);
  // Not every interview: those of the days shown, by their index, and those that may still owe a
  // scorecard, kept up to date change by change after one read of the stored rows.
  const aheadRange = aheadQueryWindow(now);
  const scheduled = useScheduledInterviews(aheadRange.from, aheadRange.to);
  const awaited = useCollectionFold(db.interviews, 'awaited-scorecards', newAwaitedScorecards);
  const awaitedInterviews = useMemo(() => awaited?.fold.interviews() ?? NO_INTERVIEWS, [awaited]);
  const candidateNames = useMemo(
    () => new Map(candidates.map((entry) => [entry.id, entry.name])),
    [candidates],
  );
  const jobTitles = useMemo(() => new Map(jobs.map((job) => [job.id, job.title])), [jobs]);
  const missing = useMissingNames();
  // While the first download runs, "none" is not yet known: say so rather than claim there is none.
  const emptyOr = (text: string) => (missing.isLoading ? 'Still downloading…' : text);
  // Stable while nothing they read changes: the lists below are memoised, and the page renders again
  // at every batch while the first download runs.
  const candidateName = useCallback(
    (id: string) => candidateNames.get(id) ?? missing.candidate,
    [candidateNames, missing.candidate],
  );
  const jobTitle = useCallback((id: string) => jobTitles.get(id) ?? missing.job, [jobTitles, missing.job]);
  const personName = useCallback((id: string) => nameOf(directory, id), [directory]);
  const ahead = useMemo(() => interviewsAhead(scheduled ?? NO_INTERVIEWS, now), [scheduled, now]);
  const sources = useMemo(() => candidatesBySource(candidates.map((entry) => entry.source)), [candidates]);
  const candidateSources = useMemo(
    () => new Map(candidates.map((entry) => [entry.id, entry.source])),
    [candidates],
  );
  const recent = useMemo(() => applications?.tally.recent() ?? [], [applications]);

  return (
    <Stack spacing={2}>
      <PageHeader title="Dashboard" />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(360px, 1fr))' }}>
        <DashboardCard title="Jobs by status">
          <CountBarChart bars={toBars(jobsByStatus(jobs))} unit="Jobs" />
        </DashboardCard>
        <DashboardCard title="Today’s interviews">
          <InterviewList
            interviews={ahead.today}
            candidateName={candidateName}
            jobTitle={jobTitle}
            emptyText={emptyOr('No interviews today.')}
          />
        </DashboardCard>
        <DashboardCard title="Upcoming interviews">
          <InterviewList
            interviews={ahead.upcoming}
            candidateName={candidateName}
            jobTitle={jobTitle}
            emptyText={emptyOr('Nothing in the next 7 days.')}
          />
        </DashboardCard>
        <DashboardCard title="Scorecards waited for">
          <LateScorecards
            interviews={awaitedInterviews}
            now={now}
            personName={personName}
            candidateName={candidateName}
            emptyText={awaited ? emptyOr('Every scorecard is in.') : 'Reading the interviews…'}
          />
        </DashboardCard>
        <DashboardCard title="Recent applications">
          <List dense>
            {recent.map((application) => (
              <ListItemButton key={application.id} component={Link} to={`/applications/${application.id}`}>
                <ListItemText
                  primary={`${candidateName(application.candidateId)} → ${jobTitle(application.jobId)}`}
                  secondary={`${humanize(application.stage)} · applied ${application.createdAt.slice(0, 10)}`}
                />
              </ListItemButton>
            ))}
          </List>
        </DashboardCard>
        <DashboardCard title="Candidates by source">
          <PieChart
            height={200}
            series={[
              {
                data: toBars(sources)
                  .filter((bar) => bar.value > 0)
                  .map((bar, id) => ({ id, value: bar.value, label: bar.label })),
              },
            ]}
          />
          <Typography variant="body2">
            {toBars(sources)
              .map((bar) => `${bar.label}: ${bar.value}`)
              .join(' · ')}
          </Typography>
        </DashboardCard>
      </Box>
      <HiringReports jobs={jobs} users={users} candidateSources={candidateSources} now={now} />
    </Stack>
  );
}
