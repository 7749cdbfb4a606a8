import { Alert, Stack } from '@mui/material';
import { PageHeader } from '../../ui/PageHeader';
import { useRefusedChanges } from '../../data/hooks/use-sync-data';
import { RefusedChangeCard } from './RefusedChangeCard';

/** SPEC §3 "Rejected writes": what was refused, why, and the person's own version to copy from. */
export function RefusedChangesPage() {
  const refused = useRefusedChanges();
  return (
    <Stack spacing={2}>
      <PageHeader
        title="Refused changes"
        subtitle="Changes the server did not accept. Your own version is kept here so you can copy from it."
      />
      {refused?.length === 0 && <Alert severity="success">No refused changes.</Alert>}
      <Stack component="ul" spacing={2} aria-label="Refused changes" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {refused?.map((change) => (
          <li key={change.id}>
            <RefusedChangeCard change={change} />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
