import { describe, expect, it } from 'vitest';
import { ALL_APPLICATIONS, filterSuffix, toReportFilter } from './report-filter-model';

const NOW = new Date(2026, 2, 4, 15, 30).getTime();

describe('report filters', () => {
  it('cover every application unless told otherwise', () => {
    expect(toReportFilter(ALL_APPLICATIONS, NOW)).toEqual({});
  });

  it('count the last days including today, from local midnight', () => {
    expect(toReportFilter({ ...ALL_APPLICATIONS, range: '30' }, NOW)).toEqual({
      from: new Date(2026, 1, 3).getTime(),
    });
  });

  it('read a custom range of local days, both inclusive, and a job and a recruiter', () => {
    const fields = {
      range: 'custom',
      from: '2026-01-01',
      to: '2026-03-31',
      jobId: 'job-1',
      recruiterId: 'r-2',
    } as const;
    expect(toReportFilter(fields, NOW)).toEqual({
      from: new Date(2026, 0, 1).getTime(),
      to: new Date(2026, 3, 1).getTime(),
      jobId: 'job-1',
      recruiterId: 'r-2',
    });
    expect(toReportFilter({ ...fields, from: '', to: 'soon' }, NOW)).toEqual({
      jobId: 'job-1',
      recruiterId: 'r-2',
    });
    expect(filterSuffix(fields)).toBe('-2026-01-01-to-2026-03-31-job-1-r-2');
    expect(filterSuffix({ ...ALL_APPLICATIONS, range: '90' })).toBe('-last-90-days');
  });
});
