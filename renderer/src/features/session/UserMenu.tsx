import { Button, Typography } from '@mui/material';
import { useState } from 'react';
import { ROLE_LABELS } from '#shared/domain/common/roles';
import { useCurrentUser } from '../../data/hooks/use-database';
import { SignOutDialog } from './SignOutDialog';

/** Who is signed in, and signing out. */
export function UserMenu() {
  const user = useCurrentUser();
  const [isSignOutOpen, setIsSignOutOpen] = useState(false);
  return (
    <>
      <Typography variant="body2" aria-label="Signed in as">
        {user.name} ({ROLE_LABELS[user.role]})
      </Typography>
      <Button color="inherit" onClick={() => setIsSignOutOpen(true)}>
        Sign out
      </Button>
      {isSignOutOpen && <SignOutDialog open onClose={() => setIsSignOutOpen(false)} />}
    </>
  );
}
