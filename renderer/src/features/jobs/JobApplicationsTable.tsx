import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router';
import type { Application } from '#shared/domain/application/application-schema';
import { useDb } from '../../data/hooks/use-database';
import { useCandidateIndex } from '../../data/search/candidate-index';
import { StatusChip } from '../../ui/StatusChip';

/** A job's applications: who, at which stage, since when. */
export function JobApplicationsTable({ applications }: { readonly applications: readonly Application[] }) {
  const db = useDb();
  const { entries } = useCandidateIndex(db);
  const names = new Map(entries.map((entry) => [entry.id, entry]));
  if (applications.length === 0)
    return <Typography sx={{ color: 'text.secondary' }}>No applications yet.</Typography>;
  return (
    <Table size="small" aria-label="Applications">
      <TableHead>
        <TableRow>
          <TableCell>Candidate</TableCell>
          <TableCell>Current company</TableCell>
          <TableCell>Stage</TableCell>
          <TableCell>In stage since</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {applications.map((application) => {
          const candidate = names.get(application.candidateId);
          return (
            <TableRow key={application.id} hover>
              <TableCell>
                <Link to={`/applications/${application.id}`}>
                  {candidate?.name ?? application.candidateId}
                </Link>
              </TableCell>
              <TableCell>{candidate?.currentCompany ?? ''}</TableCell>
              <TableCell>
                <StatusChip value={application.stage} />
              </TableCell>
              <TableCell>{application.stageHistory.at(-1)?.at.slice(0, 10)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
