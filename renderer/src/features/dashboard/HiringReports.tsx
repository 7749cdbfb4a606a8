import { Alert, Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CandidateSource } from '#shared/domain/candidate/candidate-schema';
import type { Job } from '#shared/domain/job/job-schema';
import { hiringReport, type HiringReport } from '#shared/domain/reports/hiring-report';
import { LATE_RECORDING_MS, PIPELINE_STAGES } from '#shared/domain/reports/report-input';
import { reportTables } from '#shared/domain/reports/report-tables';
import { rejectionReasonLabel } from '#shared/domain/settings/settings-schema';
import type { User } from '#shared/domain/user/user-schema';
import { useApplicationTally } from '../../data/hooks/use-application-tally';
import { useSettings } from '../../data/hooks/use-documents';
import { useSyncMeta } from '../../data/hooks/use-sync-data';
import { humanize } from '../../ui/labels';
import { FigureTable } from './FigureTable';
import { ReportCard } from './ReportCard';
import { ReportFilters } from './ReportFilters';
import {
  filterSuffix,
  toReportFilter,
  ALL_APPLICATIONS,
  type ReportFilterFields,
} from './report-filter-model';
import { SeriesBarChart } from './SeriesBarChart';

interface HiringReportsProps {
  readonly jobs: readonly Job[];
  readonly users: readonly User[];
  readonly candidateSources: ReadonlyMap<string, CandidateSource>;
  readonly now: number;
}

/** How often the reports are recomputed at most while applications change (100,000 take a moment). */
const RECOMPUTE_EVERY_MS = 2_000;

const percent = (share: number | null) => (share === null ? null : Math.round(share * 100));
const LATE_HOURS = LATE_RECORDING_MS / 3_600_000;

/**
 * The hiring reports of `shared/domain/reports`, computed here from the local database (offline
 * too), for the chosen arrivals, job and recruiter; each with its CSV.
 */
export function HiringReports({ jobs, users, candidateSources, now }: HiringReportsProps) {
  const local = useApplicationTally();
  const settings = useSettings();
  const lastRun = useRef({ at: 0, fields: ALL_APPLICATIONS });
  // During a first download, thousands of changes a second: the reports wait for the data to be here.
  const meta = useSyncMeta();
  const isDownloading = meta !== undefined && !meta?.initialSyncDone;
  const [fields, setFields] = useState<ReportFilterFields>(ALL_APPLICATIONS);
  const [report, setReport] = useState<HiringReport | null>(null);
  const recruiters = useMemo(() => users.filter((user) => user.role === 'recruiter' && user.active), [users]);
  const titles = useMemo(() => new Map(jobs.map((job) => [job.id, job.title])), [jobs]);
  // A day is the finest grain of the filters: recompute with "now" at most hourly, not every minute.
  const hour = Math.floor(now / 3_600_000);

  useEffect(() => {
    if (!local || isDownloading) return;
    // After the screen has painted, and not more often than every few seconds while changes stream in.
    // A change of filters is answered at once.
    const previous = lastRun.current;
    const wait = previous.fields === fields ? Math.max(0, previous.at + RECOMPUTE_EVERY_MS - Date.now()) : 0;
    const timer = setTimeout(() => {
      const at = Date.now();
      lastRun.current = { at, fields };
      const input = { applications: local.tally.applications(), jobs, candidateSources };
      setReport(hiringReport(input, toReportFilter(fields, at), at));
    }, wait);
    return () => clearTimeout(timer);
    // `hour` re-runs it as time passes ("waiting now", "last 30 days").
  }, [local, isDownloading, jobs, candidateSources, fields, hour]);

  const tables = useMemo(
    () =>
      report
        ? new Map(
            reportTables(
              report,
              (id) => titles.get(id) ?? id,
              (id) => rejectionReasonLabel(settings ?? null, id),
            ).map((table) => [table.name, table]),
          )
        : null,
    [report, titles, settings],
  );
  const suffix = filterSuffix(fields);
  const stageLabels = PIPELINE_STAGES.map(humanize);

  return (
    <Stack spacing={2} component="section" aria-labelledby="reports-title">
      <Typography variant="h5" component="h2" id="reports-title">
        Hiring reports
      </Typography>
      <ReportFilters fields={fields} onChange={setFields} jobs={jobs} recruiters={recruiters} />
      {isDownloading ? (
        <Typography sx={{ color: 'text.secondary' }}>
          The reports appear once this device has the team’s data.
        </Typography>
      ) : !report || !tables ? (
        <LinearProgress aria-label="Computing reports" />
      ) : (
        <>
          <Typography
            role="status"
            aria-label="Applications covered"
            variant="body2"
            sx={{ color: 'text.secondary' }}
          >
            {report.applications} application{report.applications === 1 ? '' : 's'} covered. Times count from
            when people made each move, so work done offline counts when it was done.
          </Typography>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(460px, 1fr))' }}>
            <ReportCard
              table={tables.get('funnel-and-current-stage')}
              fileSuffix={suffix}
              explanation={
                <>
                  <strong>Reached</strong> counts every application that ever got to a stage: one rejected
                  after its interview counts in applied, screening and interview.{' '}
                  <strong>In stage now</strong> counts where applications are today.
                </>
              }
            >
              <SeriesBarChart
                categories={[...stageLabels, 'Rejected']}
                series={[
                  { label: 'Reached', values: [...report.funnel.map((step) => step.reached), null] },
                  {
                    label: 'In stage now',
                    values: [...PIPELINE_STAGES, 'rejected' as const].map(
                      (stage) => report.currentStages[stage],
                    ),
                  },
                ]}
              />
            </ReportCard>
            <ReportCard
              table={tables.get('stage-conversion')}
              fileSuffix={suffix}
              explanation="Of the applications that reached a stage, the share that moved on to the next; those still in the stage count as not (yet) moved on."
            >
              <SeriesBarChart
                categories={report.conversion.map((row) => `${humanize(row.stage)} → ${humanize(row.next)}`)}
                series={[
                  { label: 'Moved on (%)', values: report.conversion.map((row) => percent(row.conversion)) },
                ]}
                unit="%"
              />
              <FigureTable
                label="Conversion per stage"
                header={['Stage', 'Reached', 'Moved on', 'Rejected here', 'Still here']}
                rows={report.conversion.map((row) => [
                  humanize(row.stage),
                  row.reached,
                  row.advanced,
                  row.rejected,
                  row.stillThere,
                ])}
              />
            </ReportCard>
            <ReportCard
              table={tables.get('time-in-stage')}
              fileSuffix={suffix}
              explanation={`Where candidates wait: median days spent in each stage (stays that ended), and how long those in it now have waited.${
                report.timeInStage.some((row) => row.lateRecorded > 0)
                  ? ` Stays bounded by a move the server recorded over ${LATE_HOURS} hour late (offline work) are counted at the time of the move, and marked.`
                  : ''
              }`}
            >
              <SeriesBarChart
                categories={report.timeInStage.map((row) => humanize(row.stage))}
                series={[
                  {
                    label: 'Median days (ended stays)',
                    values: report.timeInStage.map((row) => row.medianDays),
                  },
                  {
                    label: 'Median days waiting now',
                    values: report.timeInStage.map((row) => row.waitingMedianDays),
                  },
                ]}
                unit="days"
              />
              <FigureTable
                label="Time in stage"
                header={['Stage', 'Ended stays', 'Median', 'Average', 'Recorded late', 'Waiting now']}
                rows={report.timeInStage.map((row) => [
                  humanize(row.stage),
                  row.finished,
                  row.medianDays,
                  row.averageDays,
                  row.lateRecorded,
                  row.waitingNow,
                ])}
              />
            </ReportCard>
            <ReportCard
              table={tables.get('time-to-hire')}
              fileSuffix={suffix}
              explanation="Days from an application’s arrival to the move to hired."
            >
              {report.timeToHire.hires === 0 ? (
                <Typography sx={{ color: 'text.secondary' }}>No hires among these applications.</Typography>
              ) : (
                <FigureTable
                  label="Time to hire"
                  header={['Job', 'Hires', 'Median days', 'Average days']}
                  rows={[
                    [
                      'All jobs',
                      report.timeToHire.hires,
                      report.timeToHire.medianDays,
                      report.timeToHire.averageDays,
                    ],
                    ...report.timeToHire.byJob.map((row) => [
                      row.title,
                      row.hires,
                      row.medianDays,
                      row.averageDays,
                    ]),
                  ]}
                />
              )}
            </ReportCard>
            <ReportCard
              table={tables.get('source-effectiveness')}
              fileSuffix={suffix}
              explanation="Which sources bring applications that get interviewed and hired (the application’s source, else its candidate’s)."
            >
              <SeriesBarChart
                categories={report.sources.map((row) => humanize(row.source))}
                series={[
                  { label: 'Applications', values: report.sources.map((row) => row.applications) },
                  { label: 'Interviewed', values: report.sources.map((row) => row.interviewed) },
                  { label: 'Hired', values: report.sources.map((row) => row.hires) },
                ]}
              />
            </ReportCard>
            <ReportCard
              table={tables.get('offer-acceptance')}
              fileSuffix={suffix}
              explanation="Offers extended and how candidates answered; the rate is of answered offers. Drafts are not counted as made."
            >
              <Typography variant="h4" component="p">
                {report.offers.acceptanceRate === null ? '—' : `${percent(report.offers.acceptanceRate)} %`}
              </Typography>
              <Typography>
                {report.offers.made} made · {report.offers.accepted} accepted · {report.offers.declined}{' '}
                declined · {report.offers.pending} awaiting an answer · {report.offers.drafts} in preparation
              </Typography>
            </ReportCard>
            <ReportCard
              table={tables.get('rejection-reasons')}
              fileSuffix={suffix}
              explanation="Why applications were rejected, by the stage they were rejected at."
            >
              {report.rejectionReasons.length === 0 ? (
                <Typography sx={{ color: 'text.secondary' }}>
                  No rejections among these applications.
                </Typography>
              ) : (
                <FigureTable
                  label="Rejection reasons by stage"
                  header={[
                    'Reason',
                    ...['applied', 'screening', 'interview', 'offer'].map(humanize),
                    'Total',
                  ]}
                  rows={tables.get('rejection-reasons')?.rows ?? []}
                />
              )}
            </ReportCard>
            <ReportCard
              table={tables.get('late-recorded-moves')}
              fileSuffix={suffix}
              explanation={`Stage moves the server recorded more than ${LATE_HOURS} hour after they were made: done offline, or synced late. Reports count them when they were made.`}
            >
              {report.lateMoves.length === 0 ? (
                <Typography sx={{ color: 'text.secondary' }}>None.</Typography>
              ) : (
                <Alert severity="info">
                  {report.lateMoves.length} move{report.lateMoves.length === 1 ? '' : 's'} reached the server
                  late, the longest {Math.max(...report.lateMoves.map((move) => move.delayHours))} hours after
                  it was made.
                </Alert>
              )}
            </ReportCard>
          </Box>
        </>
      )}
    </Stack>
  );
}
