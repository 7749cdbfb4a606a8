import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  IconButton,
  ListItem,
  ListItemText,
  Stack,
  Tooltip,
} from '@mui/material';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import { useState } from 'react';
import { decideCommentDelete, mayEditComment } from '#shared/domain/comment/comment-rules';
import type { Comment } from '#shared/domain/comment/comment-schema';
import type { User } from '#shared/domain/user/user-schema';
import { useActor, useDb } from '../../data/hooks/use-database';
import { PendingChip } from '../../ui/PendingChip';
import { useFormatShort } from '../../ui/use-time-zone';
import { CommentEditor } from './CommentEditor';
import { deleteComment } from './comment-writes';

interface CommentItemProps {
  readonly comment: Comment;
  readonly authorName: string;
  /** The colleagues who may be mentioned (not the person signed in). */
  readonly colleagues: readonly User[];
  /** Whether the candidate's timeline takes changes at all (not erased, not merged away). */
  readonly isWritable: boolean;
}

/**
 * One comment on the timeline: who wrote it and when, "edited" with the time of the last edit (in
 * the person's zone); its author edits it in place, its author or an admin deletes it after a
 * confirmation. Others see no such buttons; the shared rules decide both.
 */
export function CommentItem({ comment, authorName, colleagues, isWritable }: CommentItemProps) {
  const db = useDb();
  const actor = useActor();
  const formatShort = useFormatShort();
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mayEdit = isWritable && mayEditComment(actor, comment);
  const mayDelete = isWritable && decideCommentDelete(actor, comment).ok;
  const edited = comment.editedAt ? ` · edited ${formatShort(comment.editedAt)}` : '';

  const remove = async () => {
    setIsConfirmingDelete(false);
    const decision = await deleteComment(db, actor, comment);
    if (!decision.ok) setError(decision.message);
  };

  return (
    <ListItem
      disableGutters
      data-kind="comment"
      aria-label={`Comment by ${authorName}`}
      sx={{ alignItems: 'flex-start' }}
    >
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <ListItemText
          primary={`${authorName} commented`}
          secondary={
            <Stack component="span" spacing={0.5}>
              <span>{`${formatShort(comment.createdAt)}${edited}`}</span>
              {!isEditing && (
                <Box component="span" sx={{ color: 'text.primary', whiteSpace: 'pre-wrap' }}>
                  {comment.body}
                </Box>
              )}
            </Stack>
          }
        />
        {isEditing && (
          <CommentEditor comment={comment} colleagues={colleagues} onDone={() => setIsEditing(false)} />
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 1 }} onClose={() => setError(null)}>
            {error}
          </Alert>
        )}
      </Box>
      <PendingChip collection="comments" documentId={comment.id} />
      {mayEdit && !isEditing && (
        <Tooltip title="Edit">
          <IconButton size="small" aria-label="Edit comment" onClick={() => setIsEditing(true)}>
            <EditOutlinedIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      )}
      {mayDelete && !isEditing && (
        <Tooltip title="Delete">
          <IconButton size="small" aria-label="Delete comment" onClick={() => setIsConfirmingDelete(true)}>
            <DeleteOutlineIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      )}
      <Dialog
        open={isConfirmingDelete}
        onClose={() => setIsConfirmingDelete(false)}
        aria-labelledby={`delete-${comment.id}-title`}
      >
        <DialogTitle id={`delete-${comment.id}-title`}>Delete this comment?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {comment.createdBy === actor.id
              ? 'It leaves the timeline for everyone on the team. This cannot be undone.'
              : `${authorName}’s comment leaves the timeline for everyone on the team. This cannot be undone.`}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button autoFocus onClick={() => setIsConfirmingDelete(false)}>
            Keep it
          </Button>
          <Button color="error" onClick={() => void remove()}>
            Delete
          </Button>
        </DialogActions>
      </Dialog>
    </ListItem>
  );
}
