import MoreVertIcon from '@mui/icons-material/MoreVert';
import {
  Alert,
  Button,
  Chip,
  IconButton,
  Menu,
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
import { useState } from 'react';
import { ROLE_LABELS } from '#shared/domain/common/roles';
import type { User } from '#shared/domain/user/user-schema';
import { MIN_PASSWORD_LENGTH } from '#shared/sync/protocol';
import { useActor } from '../../data/hooks/use-database';
import { useUsers } from '../../data/hooks/use-documents';
import { AccountDialog, type AccountChange } from './AccountDialog';
import { changeAccount, createAccount, describeFailure, revokeSessions, sendResetLink, setPassword } from './admin-api';
import { ConfirmDialog } from './ConfirmDialog';

type Action = 'create' | 'edit' | 'password' | 'reset' | 'revoke' | 'wipe' | 'deactivate' | 'reactivate';

/**
 * The staff accounts (SPEC §5): read from the replicated directory, so the list opens offline; every
 * change is the server's (admin endpoints), and comes back through replication.
 */
export function UsersPanel() {
  const actor = useActor();
  const users = [...(useUsers() ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const [menu, setMenu] = useState<{ anchor: HTMLElement; user: User } | null>(null);
  const [action, setAction] = useState<{ kind: Action; user: User | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [password, setPasswordText] = useState('');
  const [isBusy, setIsBusy] = useState(false);

  const open = (kind: Action, user: User | null) => {
    setMenu(null);
    setError(null);
    setPasswordText('');
    setAction({ kind, user });
  };
  const run = async (work: () => Promise<string>) => {
    setIsBusy(true);
    try {
      setNotice(await work());
      setAction(null);
      setError(null);
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setIsBusy(false);
    }
  };
  const save = (change: AccountChange) =>
    void run(async () => {
      if (change.kind === 'create') {
        const created = await createAccount(change);
        return `${created.name} can now sign in as ${ROLE_LABELS[created.role]}.`;
      }
      const user = action?.user;
      if (!user) return '';
      await changeAccount(user.id, { name: change.name, role: change.role });
      return `${change.name} saved; a new role applies at their next request.`;
    });

  const target = action?.user ?? null;
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography sx={{ color: 'text.secondary' }}>
          {users.length} staff accounts. The list is on this device; changes need a connection.
        </Typography>
        <Button variant="contained" onClick={() => open('create', null)}>
          New account
        </Button>
      </Stack>
      {notice && (
        <Alert severity="success" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {error && !action && <Alert severity="error">{error}</Alert>}
      <Table size="small" aria-label="Accounts">
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Email</TableCell>
            <TableCell>Role</TableCell>
            <TableCell>Status</TableCell>
            <TableCell align="right">Actions</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {users.map((user) => (
            <TableRow key={user.id}>
              <TableCell>{user.name}</TableCell>
              <TableCell>{user.email}</TableCell>
              <TableCell>{ROLE_LABELS[user.role]}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  label={user.active ? 'Active' : 'Deactivated'}
                  color={user.active ? 'success' : 'default'}
                />
              </TableCell>
              <TableCell align="right">
                <IconButton
                  aria-label={`Actions for ${user.name}`}
                  onClick={(event) => setMenu({ anchor: event.currentTarget, user })}
                >
                  <MoreVertIcon />
                </IconButton>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Menu anchorEl={menu?.anchor ?? null} open={menu !== null} onClose={() => setMenu(null)}>
        {menu && [
          <MenuItem key="edit" onClick={() => open('edit', menu.user)}>
            Edit name and role
          </MenuItem>,
          <MenuItem key="password" onClick={() => open('password', menu.user)}>
            Set a password
          </MenuItem>,
          <MenuItem key="reset" disabled={!menu.user.active} onClick={() => open('reset', menu.user)}>
            Send a reset link
          </MenuItem>,
          <MenuItem key="revoke" onClick={() => open('revoke', menu.user)}>
            Sign out everywhere
          </MenuItem>,
          <MenuItem key="wipe" onClick={() => open('wipe', menu.user)}>
            Wipe a lost laptop…
          </MenuItem>,
          menu.user.active ? (
            <MenuItem key="deactivate" disabled={menu.user.id === actor.id} onClick={() => open('deactivate', menu.user)}>
              Deactivate
            </MenuItem>
          ) : (
            <MenuItem key="reactivate" onClick={() => open('reactivate', menu.user)}>
              Reactivate
            </MenuItem>
          ),
        ]}
      </Menu>
      {(action?.kind === 'create' || action?.kind === 'edit') && (
        <AccountDialog user={target} error={error} onSave={save} onClose={() => setAction(null)} />
      )}
      {action?.kind === 'password' && target && (
        <ConfirmDialog
          title={`Set a password for ${target.name}`}
          confirmLabel="Set password"
          isBusy={isBusy || password.length < MIN_PASSWORD_LENGTH}
          onClose={() => setAction(null)}
          onConfirm={() =>
            void run(async () => {
              await setPassword(target.id, password);
              return `${target.name}’s password was changed. Tell it to them in person.`;
            })
          }
        >
          <TextField
            label="New password"
            type="password"
            fullWidth
            sx={{ mt: 1 }}
            value={password}
            helperText={`At least ${MIN_PASSWORD_LENGTH} characters.`}
            onChange={(event) => setPasswordText(event.target.value)}
          />
          {error && <Alert severity="error" sx={{ mt: 1 }}>{error}</Alert>}
        </ConfirmDialog>
      )}
      {action?.kind === 'reset' && target && (
        <ConfirmDialog
          title={`Send ${target.name} a reset link`}
          confirmLabel="Send link"
          isBusy={isBusy}
          onClose={() => setAction(null)}
          onConfirm={() =>
            void run(async () => {
              const sent = await sendResetLink(target.id);
              return `A link to choose a new password was mailed to ${sent.email}. It works once, for an hour.`;
            })
          }
        >
          <Typography>
            {target.email} gets a link to choose a new password; it works once, for an hour. Their current
            password keeps working until they use it.
          </Typography>
          {error && <Alert severity="error" sx={{ mt: 1 }}>{error}</Alert>}
        </ConfirmDialog>
      )}
      {action?.kind === 'revoke' && target && (
        <ConfirmDialog
          title={`Sign ${target.name} out everywhere`}
          confirmLabel="Sign out everywhere"
          isBusy={isBusy}
          onClose={() => setAction(null)}
          onConfirm={() =>
            void run(async () => {
              const done = await revokeSessions(target.id, false);
              return `${target.name} was signed out on ${done.revoked} ${done.revoked === 1 ? 'device' : 'devices'}.`;
            })
          }
        >
          <Typography>
            Every device of {target.name} is signed out at its next contact. Their local data and unsynced
            changes stay on the device and are sent after they sign in again.
          </Typography>
          {error && <Alert severity="error" sx={{ mt: 1 }}>{error}</Alert>}
        </ConfirmDialog>
      )}
      {action?.kind === 'wipe' && target && (
        <ConfirmDialog
          title={`Wipe ${target.name}’s laptops`}
          confirmLabel="Sign out and wipe"
          isDanger
          isBusy={isBusy}
          onClose={() => setAction(null)}
          onConfirm={() =>
            void run(async () => {
              const done = await revokeSessions(target.id, true);
              return `${target.name} was signed out on ${done.revoked} ${done.revoked === 1 ? 'device' : 'devices'}; each deletes its local data at its next contact.`;
            })
          }
        >
          <Typography gutterBottom>For a lost or stolen laptop. This:</Typography>
          <Typography component="ul" sx={{ pl: 3 }}>
            <li>signs {target.name} out on every device at once;</li>
            <li>
              makes each of their devices delete all its local Shortlist data (jobs, candidates, résumés,
              scorecard drafts) the next time it reaches the server;
            </li>
            <li>loses changes made on those devices that were never synced.</li>
          </Typography>
          <Typography sx={{ mt: 1 }}>
            The account stays active: {target.name} can sign in again on a new device. Deactivate it too if
            it should not.
          </Typography>
          {error && <Alert severity="error" sx={{ mt: 1 }}>{error}</Alert>}
        </ConfirmDialog>
      )}
      {(action?.kind === 'deactivate' || action?.kind === 'reactivate') && target && (
        <ConfirmDialog
          title={`${action.kind === 'deactivate' ? 'Deactivate' : 'Reactivate'} ${target.name}`}
          confirmLabel={action.kind === 'deactivate' ? 'Deactivate' : 'Reactivate'}
          isDanger={action.kind === 'deactivate'}
          isBusy={isBusy}
          onClose={() => setAction(null)}
          onConfirm={() =>
            void run(async () => {
              const isActive = action.kind === 'reactivate';
              await changeAccount(target.id, { active: isActive });
              return isActive ? `${target.name} can sign in again.` : `${target.name} is deactivated.`;
            })
          }
        >
          <Typography>
            {action.kind === 'deactivate'
              ? `${target.name} can no longer sign in, from their next request on; their work stays. They get no e-mail notifications.`
              : `${target.name} can sign in again with their password.`}
          </Typography>
          {error && <Alert severity="error" sx={{ mt: 1 }}>{error}</Alert>}
        </ConfirmDialog>
      )}
    </Stack>
  );
}
