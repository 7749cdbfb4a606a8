import { MenuItem, Stack, TextField } from '@mui/material';
import type { Job } from '#shared/domain/job/job-schema';
import type { User } from '#shared/domain/user/user-schema';
import type { ReportFilterFields } from './report-filter-model';

const RANGES: readonly { value: ReportFilterFields['range']; label: string }[] = [
  { value: 'all', label: 'All time' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: '365', label: 'Last 12 months' },
  { value: 'custom', label: 'Between dates…' },
];

interface ReportFiltersProps {
  readonly fields: ReportFilterFields;
  readonly onChange: (fields: ReportFilterFields) => void;
  readonly jobs: readonly Job[];
  readonly recruiters: readonly User[];
}

/** Which applications the reports cover: when they arrived, for which job, for whose jobs. */
export function ReportFilters({ fields, onChange, jobs, recruiters }: ReportFiltersProps) {
  const set = (patch: Partial<ReportFilterFields>) => onChange({ ...fields, ...patch });
  return (
    <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }} component="form" aria-label="Report filters">
      <TextField
        select
        label="Applications that arrived"
        value={fields.range}
        sx={{ minWidth: 200 }}
        onChange={(event) => set({ range: event.target.value as ReportFilterFields['range'] })}
      >
        {RANGES.map((range) => (
          <MenuItem key={range.value} value={range.value}>
            {range.label}
          </MenuItem>
        ))}
      </TextField>
      {fields.range === 'custom' && (
        <>
          <TextField
            type="date"
            label="From"
            value={fields.from}
            onChange={(event) => set({ from: event.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            type="date"
            label="To"
            value={fields.to}
            onChange={(event) => set({ to: event.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </>
      )}
      <TextField
        select
        label="Job"
        value={fields.jobId}
        sx={{ minWidth: 220 }}
        onChange={(event) => set({ jobId: event.target.value })}
      >
        <MenuItem value="">All jobs</MenuItem>
        {[...jobs]
          .sort((a, b) => a.title.localeCompare(b.title))
          .map((job) => (
            <MenuItem key={job.id} value={job.id}>
              {job.title}
            </MenuItem>
          ))}
      </TextField>
      <TextField
        select
        label="Recruiter"
        value={fields.recruiterId}
        sx={{ minWidth: 200 }}
        onChange={(event) => set({ recruiterId: event.target.value })}
      >
        <MenuItem value="">All recruiters</MenuItem>
        {recruiters.map((user) => (
          <MenuItem key={user.id} value={user.id}>
            {user.name}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}
