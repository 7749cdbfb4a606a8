import {
  Alert,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
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
import { useState, type FormEvent } from 'react';
import { isStaffRole, ROLE_LABELS, STAFF_ROLES, type StaffRole } from '#shared/domain/common/roles';
import type { ApiKeySummary, CreatedApiKey, NewApiKey } from '#shared/sync/admin-protocol';
import { useActor } from '../../data/hooks/use-database';
import { useUsers } from '../../data/hooks/use-documents';
import { useFormatShort } from '../../ui/use-time-zone';
import { createApiKey, describeFailure, fetchApiKeys, revokeApiKey } from './admin-api';
import { ConfirmDialog } from './ConfirmDialog';
import { OneTimeSecretDialog } from './OneTimeSecretDialog';
import { ServerListHeader } from './ServerListHeader';
import { useServerList } from './use-server-list';

/**
 * API keys for scripts and other systems (SPEC §11; server-only, so it needs a connection): made with
 * a name, a role and the person they act for, their text shown once; listed with when each was last
 * used; revoked after a confirmation.
 */
export function ApiKeysPanel() {
  const formatShort = useFormatShort();
  const users = useUsers() ?? [];
  const nameOf = (userId: string) => users.find((user) => user.id === userId)?.name ?? userId;
  const { items: keys, error, setError, load } = useServerList(fetchApiKeys);
  const [isCreating, setIsCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKeySummary | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const revoke = async (key: ApiKeySummary) => {
    setIsBusy(true);
    try {
      await revokeApiKey(key.id);
      setRevoking(null);
      setNotice(`“${key.name}” is revoked: it is refused from its next request.`);
      load();
    } catch (failure) {
      setError(describeFailure(failure));
      setRevoking(null);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Stack spacing={2}>
      <ServerListHeader
        description={
          <>
            Keys let scripts and other systems use the API (<code>/api/v1</code>) as one person, with at most their
            role.
          </>
        }
        listName="API keys"
        newLabel="New API key"
        isLoading={keys === null}
        notice={notice}
        error={error}
        onNew={() => setIsCreating(true)}
        onRefresh={load}
        onNoticeClose={() => setNotice(null)}
      />
      {keys && (
        <Table size="small" aria-label="API keys">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Role</TableCell>
              <TableCell>Acts for</TableCell>
              <TableCell>Created</TableCell>
              <TableCell>Last used</TableCell>
              <TableCell>Status</TableCell>
              <TableCell align="right">Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {keys.length === 0 && (
              <TableRow>
                <TableCell colSpan={7}>No API keys.</TableCell>
              </TableRow>
            )}
            {keys.map((key) => (
              <TableRow key={key.id}>
                <TableCell>{key.name}</TableCell>
                <TableCell>
                  {ROLE_LABELS[key.role]}
                  {key.readOnly && <Chip size="small" label="Read-only" variant="outlined" sx={{ ml: 1 }} />}
                </TableCell>
                <TableCell>{nameOf(key.userId)}</TableCell>
                <TableCell>
                  {formatShort(key.createdAt)}
                  <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
                    by {nameOf(key.createdBy)}
                  </Typography>
                </TableCell>
                <TableCell>{key.lastUsedAt ? formatShort(key.lastUsedAt) : 'Never'}</TableCell>
                <TableCell>
                  {key.revokedAt ? (
                    <>
                      <Chip size="small" label="Revoked" />
                      <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
                        {formatShort(key.revokedAt)}
                      </Typography>
                    </>
                  ) : (
                    <Chip size="small" label="Active" color="success" />
                  )}
                </TableCell>
                <TableCell align="right">
                  {!key.revokedAt && (
                    <Button size="small" color="error" onClick={() => setRevoking(key)}>
                      Revoke
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {isCreating && (
        <NewApiKeyDialog
          onClose={() => setIsCreating(false)}
          onCreated={(key) => {
            setIsCreating(false);
            setCreated(key);
            load();
          }}
        />
      )}
      {created && (
        <OneTimeSecretDialog
          title={`API key “${created.name}”`}
          label="API key"
          secret={created.key}
          usage={`Send it as “Authorization: Bearer <key>”. It acts for ${nameOf(created.userId)} as ${ROLE_LABELS[created.role]}${created.readOnly ? ', read-only' : ''}.`}
          onClose={() => setCreated(null)}
        />
      )}
      {revoking && (
        <ConfirmDialog
          title={`Revoke “${revoking.name}”`}
          confirmLabel="Revoke"
          isDanger
          isBusy={isBusy}
          onConfirm={() => void revoke(revoking)}
          onClose={() => setRevoking(null)}
        >
          <Typography>
            Whatever uses this key is refused from its next request. A revoked key cannot be used again; make a new one
            if it is still needed.
          </Typography>
        </ConfirmDialog>
      )}
    </Stack>
  );
}

/** The form of a new key: what it is for, its role, read-only or not, and whom it acts for. */
function NewApiKeyDialog({
  onClose,
  onCreated,
}: {
  readonly onClose: () => void;
  readonly onCreated: (key: CreatedApiKey) => void;
}) {
  const actor = useActor();
  const people = [...(useUsers() ?? [])]
    .filter((user) => user.active && user.role !== 'candidate')
    .sort((a, b) => a.name.localeCompare(b.name));
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('recruiter');
  const [readOnly, setReadOnly] = useState(false);
  const [userId, setUserId] = useState(actor.id);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    try {
      const key: NewApiKey = { name: name.trim(), role, readOnly, userId };
      onCreated(await createApiKey(key));
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="new-key-title" fullWidth maxWidth="sm">
      <form onSubmit={(event) => void submit(event)} aria-label="New API key">
        <DialogTitle id="new-key-title">New API key</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label="Name"
              helperText="What it is for, e.g. “HR suite sync”."
              value={name}
              required
              slotProps={{ htmlInput: { maxLength: 100 } }}
              onChange={(event) => setName(event.target.value)}
            />
            <TextField
              select
              label="Role"
              value={role}
              helperText="The most the key may do; never more than the person it acts for."
              onChange={(event) => {
                if (isStaffRole(event.target.value)) setRole(event.target.value);
              }}
            >
              {STAFF_ROLES.map((option) => (
                <MenuItem key={option} value={option}>
                  {ROLE_LABELS[option]}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label="Acts for"
              value={userId}
              helperText="History and the audit log name this person for what the key does."
              onChange={(event) => setUserId(event.target.value)}
            >
              {people.map((user) => (
                <MenuItem key={user.id} value={user.id}>
                  {user.name} ({ROLE_LABELS[user.role]})
                </MenuItem>
              ))}
            </TextField>
            <FormControlLabel
              control={<Checkbox checked={readOnly} onChange={(event) => setReadOnly(event.target.checked)} />}
              label="Read-only (it may only read)"
            />
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={isBusy || name.trim() === ''}>
            Create key
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
