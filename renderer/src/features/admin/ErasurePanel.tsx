import {
  Alert,
  Autocomplete,
  createFilterOptions,
  Button,
  Card,
  CardContent,
  List,
  ListItem,
  ListItemText,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { ErasureReceiptView, ErasureReportView } from '#shared/sync/admin-protocol';
import { useDb } from '../../data/hooks/use-database';
import {
  useApplicationsForCandidate,
  useCandidate,
  useInterviewsForCandidate,
  useLiveDocuments,
} from '../../data/hooks/use-documents';
import { useCandidateIndex } from '../../data/search/candidate-index';
import type { CandidateSearchEntry } from '../../data/search/candidate-search';
import { useFormatWhen } from '../../ui/use-time-zone';
import { ConfirmDialog } from './ConfirmDialog';
import { describeFailure, eraseCandidate, fetchErasureReceipt } from './admin-api';

const fullName = (candidate: Pick<Candidate, 'firstName' | 'lastName'>): string =>
  `${candidate.firstName} ${candidate.lastName}`;

/** The list shows the first matches only: 50,000 options in the open list held the page up. */
const filterCandidates = createFilterOptions<CandidateSearchEntry>({
  limit: 100,
  stringify: (entry) => `${entry.name} ${entry.email} ${entry.id}`,
});

/** What an erasure removes, counted from this device's copy, for the confirmation. */
function ErasureScope({ candidate }: { readonly candidate: Candidate }) {
  const applications = useApplicationsForCandidate(candidate.id) ?? [];
  const interviews = useInterviewsForCandidate(candidate.id) ?? [];
  const messages =
    useLiveDocuments((db) => db.messages.find({ selector: { candidateId: candidate.id } }), [candidate.id]) ?? [];
  return (
    <Typography component="ul" sx={{ pl: 3 }}>
      <li>
        {fullName(candidate)}’s name, email ({candidate.email}), phone, location, notes, skills and tags
        {candidate.resume ? ', and their résumé' : ''};
      </li>
      <li>
        the notes, rejection notes and offers of their {applications.length}{' '}
        {applications.length === 1 ? 'application' : 'applications'} (only an anonymous stage history stays);
      </li>
      <li>
        the scorecard notes of their {interviews.length} {interviews.length === 1 ? 'interview' : 'interviews'};
      </li>
      <li>
        the words and address of the {messages.length} {messages.length === 1 ? 'message' : 'messages'} on their
        page, and every e-mail to or about them in the outbox;
      </li>
      <li>their portal account, if they have one.</li>
    </Typography>
  );
}

/** The receipt of an erasure: what was removed, and which signed-in devices have pulled it since. */
function ErasureReceipt({
  receipt,
  report,
  onRefresh,
}: {
  readonly receipt: ErasureReceiptView;
  readonly report: ErasureReportView | null;
  readonly onRefresh: () => void;
}) {
  const formatWhen = useFormatWhen();
  const pending = receipt.devices.filter((device) => !device.hasErasure).length;
  return (
    <Card variant="outlined" component="section" aria-label="Erasure receipt">
      <CardContent>
        <Typography variant="h6" component="h2">
          Erased {formatWhen(receipt.erasedAt)}
        </Typography>
        {report && (
          <Typography>
            Removed from {report.applications} applications, {report.interviews} interviews and{' '}
            {report.candidateMessages} messages; {report.messages} outbox e-mails and {report.mailFiles} mail files
            blanked{report.portalAccount ? '; portal account anonymised' : ''}.
          </Typography>
        )}
        <Typography sx={{ mt: 1 }}>
          {pending === 0
            ? 'Every signed-in device that held the candidate has the erased version.'
            : `${pending} of ${receipt.devices.length} signed-in devices that held the candidate have not pulled the erasure yet.`}
        </Typography>
        <List dense>
          {receipt.devices.map((device) => (
            <ListItem key={device.sessionId}>
              <ListItemText
                primary={`${device.userName} (${device.role.replace('_', ' ')})`}
                secondary={
                  device.hasErasure
                    ? 'Has the erased version'
                    : device.lastCaughtUpAt
                      ? `Last up to date ${formatWhen(device.lastCaughtUpAt)}: not yet`
                      : 'Not yet'
                }
              />
            </ListItem>
          ))}
        </List>
        <Button onClick={onRefresh}>Read the receipt again</Button>
      </CardContent>
    </Card>
  );
}

/** GDPR erasure of a candidate (SPEC §5): a confirmation naming what is removed, then its receipt. */
export function ErasurePanel() {
  // The candidate index (in name order), not a read of every candidate document; the chosen one live.
  const { entries } = useCandidateIndex(useDb());
  const [chosenEntry, setChosenEntry] = useState<CandidateSearchEntry | null>(null);
  const chosen = useCandidate(chosenEntry?.id ?? '') ?? null;
  const [isConfirming, setIsConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ErasureReportView | null>(null);
  const [receipt, setReceipt] = useState<ErasureReceiptView | null>(null);

  const readReceipt = (candidateId: string) =>
    fetchErasureReceipt(candidateId).then(setReceipt, (failure: unknown) => setError(describeFailure(failure)));
  const choose = (entry: CandidateSearchEntry | null) => {
    setChosenEntry(entry);
    setReport(null);
    setReceipt(null);
    setError(null);
    if (entry?.erasedAt) void readReceipt(entry.id);
  };
  const erase = async (candidate: Candidate) => {
    setIsBusy(true);
    try {
      const done = await eraseCandidate(candidate.id);
      setReport(done);
      setReceipt(done.receipt);
      setIsConfirming(false);
      setError(null);
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <Stack spacing={2}>
      <Typography sx={{ color: 'text.secondary' }}>
        A candidate who asks to be forgotten is erased on the server and, through replication, on every laptop.
        Erasure cannot be undone.
      </Typography>
      <Autocomplete
        options={entries}
        filterOptions={filterCandidates}
        value={chosenEntry}
        getOptionLabel={(entry) =>
          entry.erasedAt ? `${entry.name} (${entry.id}, erased)` : `${entry.name} · ${entry.email}`
        }
        isOptionEqualToValue={(option, value) => option.id === value.id}
        onChange={(_event, candidate) => choose(candidate)}
        renderInput={(params) => <TextField {...params} label="Candidate" />}
        sx={{ maxWidth: 520 }}
      />
      {chosen && !chosen.erasedAt && !receipt && (
        <Button
          variant="contained"
          color="error"
          sx={{ alignSelf: 'flex-start' }}
          onClick={() => {
            setTyped('');
            setIsConfirming(true);
          }}
        >
          Erase {fullName(chosen)}…
        </Button>
      )}
      {error && <Alert severity="error">{error}</Alert>}
      {receipt && (
        <ErasureReceipt receipt={receipt} report={report} onRefresh={() => void readReceipt(receipt.candidateId)} />
      )}
      {isConfirming && chosen && (
        <ConfirmDialog
          title={`Erase ${fullName(chosen)}`}
          confirmLabel="Erase for good"
          isDanger
          isBusy={isBusy || typed.trim() !== fullName(chosen)}
          onClose={() => setIsConfirming(false)}
          onConfirm={() => void erase(chosen)}
        >
          <Typography gutterBottom>This removes, on the server and on every laptop:</Typography>
          <ErasureScope candidate={chosen} />
          <Typography sx={{ mt: 1 }}>
            Stage history stays, anonymous, so the pipeline’s numbers still add up. No message is sent.
          </Typography>
          <TextField
            fullWidth
            sx={{ mt: 2 }}
            label={`Type “${fullName(chosen)}” to confirm`}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          {error && <Alert severity="error" sx={{ mt: 1 }}>{error}</Alert>}
        </ConfirmDialog>
      )}
    </Stack>
  );
}
