import { Chip } from '@mui/material';
import type { CollectionName } from '#shared/domain/collections';
import { useIsPending } from '../data/hooks/use-sync-data';

/** “Not synced yet” while this document has a local change the server has not accepted. */
export function PendingChip({
  collection,
  documentId,
}: {
  readonly collection: CollectionName;
  readonly documentId: string;
}) {
  const isPending = useIsPending(collection, documentId);
  if (!isPending) return null;
  return <Chip size="small" color="warning" variant="outlined" label="Not synced yet" />;
}
