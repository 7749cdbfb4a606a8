import {
  Alert,
  Button,
  Chip,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { instantIn } from '#shared/domain/user/time-zone';
import { ADMIN_PATHS, type AuditEntryView, type AuditQuery } from '#shared/sync/admin-protocol';
import { useUsers } from '../../data/hooks/use-documents';
import { nameOf } from '../../ui/labels';
import { useFormatWhen, useTimeZone } from '../../ui/use-time-zone';
import { auditQueryString, describeFailure, downloadFile, fetchAudit } from './admin-api';

interface AuditFilterFields {
  userId: string;
  docId: string;
  outcome: '' | 'accepted' | 'rejected';
  /** `yyyy-MM-dd`, in the admin's zone. */
  from: string;
  to: string;
}

const NO_FILTER: AuditFilterFields = { userId: '', docId: '', outcome: '', from: '', to: '' };

/** The server's query for the fields: whole days in the admin's zone, `to` inclusive. */
function toQuery(fields: AuditFilterFields, zone: string): AuditQuery {
  const day = (date: string, offsetDays: number) => {
    const start = instantIn(`${date}T00:00`, zone);
    return Number.isNaN(start) ? undefined : String(start + offsetDays * 86_400_000);
  };
  const since = fields.from ? day(fields.from, 0) : undefined;
  const until = fields.to ? day(fields.to, 1) : undefined;
  return {
    limit: '500',
    ...(fields.userId ? { userId: fields.userId } : {}),
    ...(fields.docId.trim() ? { docId: fields.docId.trim() } : {}),
    ...(fields.outcome ? { outcome: fields.outcome } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  };
}

/** The audit log (SPEC §5), filtered by person, document, outcome and dates, exportable as CSV. Server-only. */
export function AuditPanel() {
  const zone = useTimeZone();
  const formatWhen = useFormatWhen();
  const users = useUsers() ?? [];
  const directory = new Map(users.map((user) => [user.id, user]));
  const [fields, setFields] = useState<AuditFilterFields>(NO_FILTER);
  const [applied, setApplied] = useState<AuditQuery>(() => toQuery(NO_FILTER, zone));
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    setEntries(null);
    fetchAudit(applied).then(
      (answer) => {
        if (!isCurrent) return;
        setEntries(answer.entries);
        setError(null);
      },
      (failure: unknown) => {
        if (!isCurrent) return;
        setEntries([]);
        setError(describeFailure(failure));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [applied]);

  const set = (field: keyof AuditFilterFields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [field]: event.target.value }));
  return (
    <Stack spacing={2}>
      <Stack
        direction="row"
        component="form"
        aria-label="Audit filters"
        sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}
        onSubmit={(event) => {
          event.preventDefault();
          setApplied(toQuery(fields, zone));
        }}
      >
        <TextField select size="small" label="Person" value={fields.userId} onChange={set('userId')} sx={{ minWidth: 200 }}>
          <MenuItem value="">Anyone</MenuItem>
          {users.map((user) => (
            <MenuItem key={user.id} value={user.id}>
              {user.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField size="small" label="Document id" value={fields.docId} onChange={set('docId')} />
        <TextField select size="small" label="Outcome" value={fields.outcome} onChange={set('outcome')} sx={{ minWidth: 150 }}>
          <MenuItem value="">Any</MenuItem>
          <MenuItem value="accepted">Accepted</MenuItem>
          <MenuItem value="rejected">Refused</MenuItem>
        </TextField>
        <TextField size="small" type="date" label="From" value={fields.from} onChange={set('from')} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField size="small" type="date" label="To" value={fields.to} onChange={set('to')} slotProps={{ inputLabel: { shrink: true } }} />
        <Button type="submit" variant="contained">
          Filter
        </Button>
        <Button
          onClick={() => {
            setFields(NO_FILTER);
            setApplied(toQuery(NO_FILTER, zone));
          }}
        >
          Clear
        </Button>
        <Button
          variant="outlined"
          onClick={() =>
            void downloadFile(`${ADMIN_PATHS.auditExport}${auditQueryString({ ...applied, limit: '100000' })}`, 'audit.csv').catch(
              (failure: unknown) => setError(describeFailure(failure)),
            )
          }
        >
          Export CSV
        </Button>
      </Stack>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        Times in {zone}. The log is kept on the server: it needs a connection.
      </Typography>
      {error && <Alert severity="warning">{error}</Alert>}
      {entries === null && <LinearProgress aria-label="Loading the audit log" />}
      {entries && (
        <Table size="small" aria-label="Audit log">
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Who</TableCell>
              <TableCell>Document</TableCell>
              <TableCell>Outcome</TableCell>
              <TableCell>Reason</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.length === 0 && (
              <TableRow>
                <TableCell colSpan={5}>No entries match.</TableCell>
              </TableRow>
            )}
            {entries.map((entry, index) => (
              <TableRow key={`${entry.at}-${entry.docId}-${index}`}>
                <TableCell>{formatWhen(entry.at)}</TableCell>
                <TableCell>{entry.userId === 'system' ? 'Shortlist' : nameOf(directory, entry.userId)}</TableCell>
                <TableCell>
                  {entry.collection} · {entry.docId}
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    label={entry.outcome === 'rejected' ? 'Refused' : `Accepted (${entry.action})`}
                    color={entry.outcome === 'rejected' ? 'error' : 'success'}
                    variant="outlined"
                  />
                </TableCell>
                <TableCell>{entry.reason ?? entry.code ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
}
