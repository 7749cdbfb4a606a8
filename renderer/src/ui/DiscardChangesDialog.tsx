import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';

/** "Throw away what you typed?" before a form with unsaved changes closes; keeping is the default. */
export function DiscardChangesDialog({
  title,
  onKeep,
  onDiscard,
}: {
  readonly title: string;
  readonly onKeep: () => void;
  readonly onDiscard: () => void;
}) {
  return (
    <Dialog open onClose={onKeep} aria-labelledby="discard-changes-title">
      <DialogTitle id="discard-changes-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          What you filled in is not saved yet. Close the form and lose it?
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button autoFocus onClick={onKeep}>
          Keep editing
        </Button>
        <Button color="error" onClick={onDiscard}>
          Discard
        </Button>
      </DialogActions>
    </Dialog>
  );
}
