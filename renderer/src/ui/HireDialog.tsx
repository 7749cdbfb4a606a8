import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useActor, useCurrentUser } from '../data/hooks/use-database';
import { useApplication, useCandidate, useJob } from '../data/hooks/use-documents';
import { draftProblem, type MessageDraft } from './message-draft';
import { messageValues } from './message-values';
import { CandidateMessageComposer, isMessageOffered } from './CandidateMessageComposer';
import { useMessageDraft } from './use-message-draft';

interface HireDialogProps {
  /** The application being moved to hired (read here, so the board can open the dialog too). */
  readonly applicationId: string;
  readonly onHire: (message: MessageDraft) => void;
  readonly onClose: () => void;
}

/** Hiring is final: the person confirms it, and decides whether the candidate gets a welcome (SPEC §12). */
export function HireDialog({ applicationId, onHire, onClose }: HireDialogProps) {
  const actor = useActor();
  const user = useCurrentUser();
  const application = useApplication(applicationId);
  const candidate = useCandidate(application?.candidateId ?? '');
  const job = useJob(application?.jobId ?? '');
  const [draft, setDraft] = useMessageDraft(
    'hired',
    messageValues({ candidate, job, senderName: user.name, application: application ?? null }),
  );
  const mayMessage = isMessageOffered(actor, 'hired', candidate);
  const problem = mayMessage ? draftProblem(draft) : null;
  const name = candidate ? `${candidate.firstName} ${candidate.lastName}` : (application?.candidateId ?? '');
  return (
    <Dialog open onClose={onClose} aria-labelledby="hire-title" fullWidth maxWidth="sm">
      <DialogTitle id="hire-title">Hire {name}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Typography>Hired is final: the application cannot move again.</Typography>
          <CandidateMessageComposer kind="hired" candidate={candidate} draft={draft} onChange={setDraft} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={problem !== null}
          onClick={() => onHire(mayMessage ? draft : { ...draft, send: false })}
        >
          {mayMessage && draft.send ? 'Hire and send' : 'Hire'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
