import { Alert, Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  ADMIN_PATHS,
  type CandidateNotification,
  type CandidateNotifications as Listing,
} from '#shared/sync/admin-protocol';
import { authorizedJson } from '../../data/api-client';
import { NetworkError } from '../../data/session/auth-api';
import { useFormatWhen } from '../../ui/use-time-zone';

const STATUS_LABELS: Readonly<Record<CandidateNotification['status'], string>> = {
  pending: 'Waiting to be sent',
  sending: 'Being sent',
  sent: 'Sent',
  failed: 'Failed',
  uncertain: 'Perhaps sent',
  cancelled: 'Cancelled',
};

/**
 * The e-mails the server sent about the candidate (to the team: a new application, interview
 * invitations; and automatic mails to the candidate of earlier versions). The outbox is the
 * server's: this list needs a connection, and says so.
 */
export function CandidateNotifications({ candidateId }: { readonly candidateId: string }) {
  const formatWhen = useFormatWhen();
  const [entries, setEntries] = useState<readonly CandidateNotification[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    authorizedJson<Listing>(ADMIN_PATHS.candidateNotifications(candidateId)).then(
      (listing) => {
        if (!isCurrent) return;
        setEntries(listing.entries);
        setProblem(null);
      },
      (failure: unknown) => {
        if (!isCurrent) return;
        setProblem(
          failure instanceof NetworkError
            ? 'The e-mails about this candidate are kept on the server: they show when this computer is online.'
            : 'The e-mails about this candidate could not be loaded.',
        );
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [candidateId]);
  if (problem) return <Alert severity="info">{problem}</Alert>;
  if (entries === null) return null;
  if (entries.length === 0) {
    return (
      <Typography sx={{ color: 'text.secondary' }}>
        No e-mails about this candidate were sent to the team.
      </Typography>
    );
  }
  return (
    <List dense aria-label="E-mails about the candidate" disablePadding>
      {entries.map((entry) => (
        <ListItem key={entry.id} divider disableGutters>
          <ListItemText
            primary={entry.subject}
            secondary={`To ${entry.to.join(', ')} · ${formatWhen(entry.sentAt ?? entry.createdAt)}`}
          />
          <Chip size="small" label={STATUS_LABELS[entry.status]} variant="outlined" />
        </ListItem>
      ))}
    </List>
  );
}
