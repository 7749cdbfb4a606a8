import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { JOB_STATUSES } from '#shared/domain/job/job-schema';
import { readsEverything } from '#shared/domain/decide/read-rules';
import { roleMay } from '#shared/domain/access/write-matrix';
import { useActor } from '../../data/hooks/use-database';
import { useApplicationTally } from '../../data/hooks/use-application-tally';
import { useJobs } from '../../data/hooks/use-documents';
import { humanize } from '../../ui/labels';
import { PageHeader } from '../../ui/PageHeader';
import { StatusChip } from '../../ui/StatusChip';
import { VirtualTable, type VirtualColumn } from '../../ui/VirtualTable';
import type { Job } from '#shared/domain/job/job-schema';
import { departmentsOf, filterJobs, NO_JOB_FILTERS, type JobFilters } from './job-filters';

/** Every job, with filters and search; the list draws only the rows in view. */
export function JobsPage() {
  const actor = useActor();
  const jobs = useJobs();
  const applications = useApplicationTally();
  const [filters, setFilters] = useState<JobFilters>(NO_JOB_FILTERS);
  const visible = useMemo(() => filterJobs(jobs ?? [], filters), [jobs, filters]);
  const counts = applications?.tally.countByJob();
  // An interviewer's laptop holds only their interviews' applications: counts would look like the job's.
  const showsCounts = readsEverything(actor);
  const update = (patch: Partial<JobFilters>) => setFilters((current) => ({ ...current, ...patch }));
  const columns: VirtualColumn<Job>[] = [
    { key: 'title', header: 'Title', cell: (job) => <Link to={`/jobs/${job.id}`}>{job.title}</Link> },
    { key: 'department', header: 'Department', cell: (job) => job.department },
    { key: 'location', header: 'Location', cell: (job) => job.location },
    { key: 'status', header: 'Status', cell: (job) => <StatusChip value={job.status} /> },
    ...(showsCounts
      ? [
          {
            key: 'applications',
            header: 'Applications',
            align: 'right' as const,
            cell: (job: Job) => counts?.get(job.id) ?? 0,
          },
        ]
      : []),
  ];

  return (
    <Stack spacing={2}>
      <PageHeader
        title="Jobs"
        actions={
          roleMay(actor.role, 'job.edit') && (
            <Button variant="contained" component={Link} to="/jobs/new">
              New job
            </Button>
          )
        }
      />
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        <TextField
          label="Search jobs"
          type="search"
          value={filters.query}
          onChange={(event) => update({ query: event.target.value })}
        />
        <TextField
          select
          label="Status"
          value={filters.status}
          sx={{ minWidth: 160 }}
          onChange={(event) => update({ status: event.target.value as JobFilters['status'] })}
        >
          <MenuItem value="all">All statuses</MenuItem>
          {JOB_STATUSES.map((status) => (
            <MenuItem key={status} value={status}>
              {humanize(status)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="Department"
          value={filters.department}
          sx={{ minWidth: 180 }}
          onChange={(event) => update({ department: event.target.value })}
        >
          <MenuItem value="all">All departments</MenuItem>
          {departmentsOf(jobs ?? []).map((department) => (
            <MenuItem key={department} value={department}>
              {department}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <VirtualTable label="Jobs" rows={visible} rowKey={(job) => job.id} columns={columns} />
    </Stack>
  );
}
