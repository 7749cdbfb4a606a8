import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { isStaffRole, ROLE_LABELS, STAFF_ROLES, type StaffRole } from '#shared/domain/common/roles';
import { MIN_PASSWORD_LENGTH } from '#shared/sync/protocol';
import type { User } from '#shared/domain/user/user-schema';

/** What the account dialog produces: a new account, or a rename / role change of an existing one. */
export type AccountChange =
  | { readonly kind: 'create'; readonly email: string; readonly name: string; readonly role: StaffRole; readonly password: string }
  | { readonly kind: 'edit'; readonly name: string; readonly role: StaffRole };

/** Creates an account (email, name, role, first password) or edits one's name and role. */
export function AccountDialog({
  user,
  error,
  onSave,
  onClose,
}: {
  /** The account to edit; null to create one. */
  readonly user: User | null;
  readonly error: string | null;
  readonly onSave: (change: AccountChange) => void;
  readonly onClose: () => void;
}) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState(user?.name ?? '');
  const [role, setRole] = useState<StaffRole>(user && isStaffRole(user.role) ? user.role : 'recruiter');
  const [password, setPassword] = useState('');
  const isNew = user === null;
  const isValid =
    name.trim().length > 0 && (!isNew || (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) && password.length >= MIN_PASSWORD_LENGTH));
  return (
    <Dialog open onClose={onClose} aria-labelledby="account-title" fullWidth maxWidth="sm">
      <DialogTitle id="account-title">{isNew ? 'New account' : `Edit ${user.name}`}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {isNew && (
            <TextField label="Email" type="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
          )}
          <TextField label="Name" required value={name} onChange={(event) => setName(event.target.value)} />
          <TextField select label="Role" value={role} onChange={(event) => setRole(event.target.value as StaffRole)}>
            {STAFF_ROLES.map((option) => (
              <MenuItem key={option} value={option}>
                {ROLE_LABELS[option]}
              </MenuItem>
            ))}
          </TextField>
          {isNew && (
            <TextField
              label="First password"
              type="password"
              required
              value={password}
              helperText={`At least ${MIN_PASSWORD_LENGTH} characters. Tell it to the person; they can change it with a reset link.`}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={!isValid}
          onClick={() =>
            onSave(
              isNew
                ? { kind: 'create', email: email.trim(), name: name.trim(), role, password }
                : { kind: 'edit', name: name.trim(), role },
            )
          }
        >
          {isNew ? 'Create account' : 'Save'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
