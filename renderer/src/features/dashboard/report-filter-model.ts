import type { ReportFilter } from '#shared/domain/reports/report-input';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The report filters as the dashboard's controls hold them. */
export interface ReportFilterFields {
  /** `all`, a number of days back from today, or `custom` (then `from` and `to`). */
  readonly range: 'all' | '30' | '90' | '365' | 'custom';
  /** `yyyy-MM-dd`, local days, both inclusive; '' for open-ended. */
  readonly from: string;
  readonly to: string;
  /** '' for every job / every recruiter. */
  readonly jobId: string;
  readonly recruiterId: string;
}

export const ALL_APPLICATIONS: ReportFilterFields = {
  range: 'all',
  from: '',
  to: '',
  jobId: '',
  recruiterId: '',
};

function startOfLocalDay(ms: number): number {
  const date = new Date(ms);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** A `yyyy-MM-dd` local day as the ms of its start, or null when it cannot be read. */
function localDay(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
}

/** The shared reports' filter for these controls at `now`: arrivals from the first day's start to the last day's end. */
export function toReportFilter(fields: ReportFilterFields, now: number): ReportFilter {
  const scope = {
    ...(fields.jobId ? { jobId: fields.jobId } : {}),
    ...(fields.recruiterId ? { recruiterId: fields.recruiterId } : {}),
  };
  if (fields.range === 'all') return scope;
  if (fields.range !== 'custom') {
    return { ...scope, from: startOfLocalDay(now) - (Number(fields.range) - 1) * DAY_MS };
  }
  const from = localDay(fields.from);
  const last = localDay(fields.to);
  return {
    ...scope,
    ...(from === null ? {} : { from }),
    // The day after the last one, at its start (a day is not always 24 hours long).
    ...(last === null
      ? {}
      : { to: new Date(new Date(last).setDate(new Date(last).getDate() + 1)).getTime() }),
  };
}

/** The filter in a file name: `-last-90-days`, `-2026-01-01-to-2026-03-31`, plus the job's id. */
export function filterSuffix(fields: ReportFilterFields): string {
  const range =
    fields.range === 'all'
      ? ''
      : fields.range === 'custom'
        ? `-${fields.from || 'start'}-to-${fields.to || 'today'}`
        : `-last-${fields.range}-days`;
  return `${range}${fields.jobId ? `-${fields.jobId}` : ''}${fields.recruiterId ? `-${fields.recruiterId}` : ''}`;
}
