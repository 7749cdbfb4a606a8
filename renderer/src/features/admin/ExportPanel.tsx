import { Alert, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { ADMIN_PATHS } from '#shared/sync/admin-protocol';
import { describeFailure, downloadFile } from './admin-api';

/** The whole organisation as NDJSON (SPEC §5), downloaded from the server. */
export function ExportPanel() {
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const download = async () => {
    setIsBusy(true);
    try {
      await downloadFile(ADMIN_PATHS.export, 'shortlist-export.ndjson');
      setError(null);
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Typography>
        Every document of every collection (jobs, candidates, applications, interviews, messages, the staff
        directory and the settings) as one NDJSON file: one line {'{collection, document}'} each. It holds personal
        data: keep it safe.
      </Typography>
      <Button variant="contained" sx={{ alignSelf: 'flex-start' }} disabled={isBusy} onClick={() => void download()}>
        Download the export
      </Button>
      {error && <Alert severity="warning">{error}</Alert>}
    </Stack>
  );
}
