import { Alert, Button, Snackbar } from '@mui/material';
import { humanize } from '../../ui/labels';
import type { MoveFeedback } from './use-board-moves';
import type { BoardMove } from './pipeline-moves';

interface MoveFeedbackSnackbarProps {
  readonly feedback: MoveFeedback | null;
  readonly undoable: BoardMove | null;
  readonly onUndo: () => void;
  readonly onClose: () => void;
}

/** The outcome of the last drop: refused with its reason, or moved (with undo while it is still local). */
export function MoveFeedbackSnackbar({ feedback, undoable, onUndo, onClose }: MoveFeedbackSnackbarProps) {
  if (!feedback) return null;
  const canUndo = feedback.kind === 'moved' && undoable?.applicationId === feedback.move.applicationId;
  const { severity, title, text } =
    feedback.kind === 'refused'
      ? { severity: 'error' as const, title: 'Move refused', text: feedback.message }
      : feedback.kind === 'moved'
        ? {
            severity: 'success' as const,
            title: `${feedback.move.candidateName} moved to ${humanize(feedback.move.to)}`,
            text: canUndo
              ? 'Saved on this device. You can undo it until the server has it.'
              : 'Saved on this device; it syncs whenever there is a connection.',
          }
        : {
            severity: 'info' as const,
            title: 'Move undone',
            text: `${feedback.move.candidateName} is back in ${humanize(feedback.move.from)}.`,
          };
  return (
    <Snackbar
      open
      key={`${feedback.kind}-${title}`}
      autoHideDuration={feedback.kind === 'refused' ? 10_000 : 6_000}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') onClose();
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert
        severity={severity}
        variant="filled"
        onClose={onClose}
        action={
          canUndo ? (
            <Button color="inherit" size="small" onClick={onUndo}>
              Undo
            </Button>
          ) : undefined
        }
        sx={{ minWidth: 360, alignItems: 'center' }}
      >
        <strong>{title}.</strong> {text}
      </Alert>
    </Snackbar>
  );
}
