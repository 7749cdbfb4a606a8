import { Checkbox, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Link } from 'react-router';
import { roleMay } from '#shared/domain/access/write-matrix';
import type { Application } from '#shared/domain/application/application-schema';
import { isPipelineOpen } from '#shared/domain/job/job-machine';
import { useActor, useDb } from '../../data/hooks/use-database';
import { useJobs } from '../../data/hooks/use-documents';
import { useCandidateIndex } from '../../data/search/candidate-index';
import { ApplicationBulkActions } from '../../ui/ApplicationBulkActions';
import type { BulkOutcome } from '../../ui/bulk-outcome';
import { BulkOutcomeAlert } from '../../ui/BulkOutcomeAlert';
import type { PickedApplication } from '../../ui/bulk-writes';
import { formatDate } from '../../ui/formatting';
import { useMissingNames } from '../../ui/missing-names';
import { StatusChip } from '../../ui/StatusChip';
import { VirtualTable, type VirtualColumn } from '../../ui/VirtualTable';

interface JobApplicationsTableProps {
  readonly jobId: string;
  readonly applications: readonly Application[];
}

/**
 * A job's applications: who, at which stage, since when; only the rows in view are drawn. Those who
 * move applications may pick many and act on them at once.
 */
export function JobApplicationsTable({ jobId, applications }: JobApplicationsTableProps) {
  const db = useDb();
  const actor = useActor();
  const { entries } = useCandidateIndex(db);
  const otherJobs = (useJobs() ?? []).filter((job) => job.id !== jobId && isPipelineOpen(job.status));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<{ outcome: BulkOutcome; verb: string } | null>(null);
  const names = new Map(entries.map((entry) => [entry.id, entry]));
  const missing = useMissingNames();
  const mayPick = roleMay(actor.role, 'application.advance') || roleMay(actor.role, 'application.reject');
  if (applications.length === 0)
    return <Typography sx={{ color: 'text.secondary' }}>No applications yet.</Typography>;

  const nameOf = (application: Application) => names.get(application.candidateId)?.name ?? missing.candidate;
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allPicked = applications.every((application) => selected.has(application.id));
  const picked: PickedApplication[] = applications
    .filter((application) => selected.has(application.id))
    .map((application) => ({
      id: application.id,
      candidateId: application.candidateId,
      name: nameOf(application),
    }));

  const columns: VirtualColumn<Application>[] = [
    ...(mayPick
      ? [
          {
            key: 'pick',
            width: 48,
            header: (
              <Checkbox
                checked={allPicked}
                indeterminate={selected.size > 0 && !allPicked}
                onChange={() =>
                  setSelected(allPicked ? new Set() : new Set(applications.map((each) => each.id)))
                }
                slotProps={{ input: { 'aria-label': 'Select all applications' } }}
              />
            ),
            cell: (application: Application) => (
              <Checkbox
                checked={selected.has(application.id)}
                onChange={() => toggle(application.id)}
                slotProps={{ input: { 'aria-label': `Select ${nameOf(application)}` } }}
              />
            ),
          },
        ]
      : []),
    {
      key: 'candidate',
      header: 'Candidate',
      cell: (application) => <Link to={`/applications/${application.id}`}>{nameOf(application)}</Link>,
    },
    {
      key: 'company',
      header: 'Current company',
      cell: (application) => names.get(application.candidateId)?.currentCompany ?? '',
    },
    { key: 'stage', header: 'Stage', cell: (application) => <StatusChip value={application.stage} /> },
    {
      key: 'since',
      header: 'In stage since',
      cell: (application) => {
        const last = application.stageHistory.at(-1);
        return last ? formatDate(last.at) : '';
      },
    },
  ];

  return (
    <Stack spacing={1}>
      {outcome && (
        <BulkOutcomeAlert outcome={outcome.outcome} verb={outcome.verb} onClose={() => setOutcome(null)} />
      )}
      {picked.length > 0 && (
        <ApplicationBulkActions
          picked={picked}
          jobs={otherJobs}
          onClear={() => setSelected(new Set())}
          onDone={(result, verb) => {
            setOutcome({ outcome: result, verb });
            setSelected(new Set());
          }}
        />
      )}
      <VirtualTable
        label="Applications"
        rows={applications}
        rowKey={(application) => application.id}
        columns={columns}
        maxHeight="70vh"
      />
    </Stack>
  );
}
