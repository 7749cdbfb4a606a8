import type { HiringReport } from './hiring-report';
import { PIPELINE_STAGES } from './report-input';
import type { ReportTable } from './report-csv';

const percent = (share: number | null): number | null =>
  share === null ? null : Math.round(share * 1000) / 10;

/**
 * Each report of `report` as a table, in the order the dashboard shows them. `jobTitle` names jobs
 * (the late-moves table lists them).
 */
export function reportTables(
  report: HiringReport,
  jobTitle: (jobId: string) => string,
  reasonLabel: (reasonId: string) => string = (reasonId) => reasonId,
): ReportTable[] {
  return [
    {
      name: 'funnel-and-current-stage',
      title: 'Funnel (reached) and current stage',
      header: ['stage', 'reached', 'in stage now'],
      rows: [...PIPELINE_STAGES, 'rejected' as const].map((stage) => [
        stage,
        report.funnel.find((step) => step.stage === stage)?.reached ?? null,
        report.currentStages[stage],
      ]),
    },
    {
      name: 'stage-conversion',
      title: 'Conversion per stage',
      header: ['stage', 'next stage', 'reached', 'moved on', 'rejected here', 'still here', 'conversion %'],
      rows: report.conversion.map((row) => [
        row.stage,
        row.next,
        row.reached,
        row.advanced,
        row.rejected,
        row.stillThere,
        percent(row.conversion),
      ]),
    },
    {
      name: 'time-in-stage',
      title: 'Time in stage (days)',
      header: [
        'stage',
        'finished stays',
        'median days',
        'average days',
        'stays with a late-recorded move',
        'waiting now',
        'median days waiting now',
      ],
      rows: report.timeInStage.map((row) => [
        row.stage,
        row.finished,
        row.medianDays,
        row.averageDays,
        row.lateRecorded,
        row.waitingNow,
        row.waitingMedianDays,
      ]),
    },
    {
      name: 'time-to-hire',
      title: 'Time to hire (days)',
      header: ['job', 'hires', 'median days', 'average days', 'hires with a late-recorded move'],
      rows: [
        [
          'All jobs',
          report.timeToHire.hires,
          report.timeToHire.medianDays,
          report.timeToHire.averageDays,
          report.timeToHire.lateRecorded,
        ],
        ...report.timeToHire.byJob.map((row) => [
          row.title,
          row.hires,
          row.medianDays,
          row.averageDays,
          row.lateRecorded,
        ]),
      ],
    },
    {
      name: 'source-effectiveness',
      title: 'Source effectiveness',
      header: ['source', 'applications', 'interviewed', 'hires', 'hire rate %'],
      rows: report.sources.map((row) => [
        row.source,
        row.applications,
        row.interviewed,
        row.hires,
        percent(row.hireRate),
      ]),
    },
    {
      name: 'offer-acceptance',
      title: 'Offer acceptance',
      header: [
        'offers made',
        'accepted',
        'declined',
        'awaiting an answer',
        'in preparation',
        'acceptance rate %',
      ],
      rows: [
        [
          report.offers.made,
          report.offers.accepted,
          report.offers.declined,
          report.offers.pending,
          report.offers.drafts,
          percent(report.offers.acceptanceRate),
        ],
      ],
    },
    {
      name: 'rejection-reasons',
      title: 'Rejection reasons by stage',
      header: ['reason', 'applied', 'screening', 'interview', 'offer', 'total'],
      rows: report.rejectionReasons.map((row) => [
        reasonLabel(row.reason),
        row.byStage.applied,
        row.byStage.screening,
        row.byStage.interview,
        row.byStage.offer,
        row.total,
      ]),
    },
    {
      name: 'late-recorded-moves',
      title: 'Moves recorded late',
      header: ['application', 'job', 'moved to', 'made at', 'recorded at', 'hours later'],
      rows: report.lateMoves.map((move) => [
        move.applicationId,
        jobTitle(move.jobId),
        move.to,
        move.at,
        move.recordedAt,
        move.delayHours,
      ]),
    },
  ];
}
