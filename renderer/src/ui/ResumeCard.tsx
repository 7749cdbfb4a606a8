import { Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import { useLocalDataId } from '../data/hooks/use-database';
import { resumeFileProblem } from '../data/files/resume-upload-state';
import { discardQueuedUpload, queueResumeUpload, useResumeUploadStore } from '../data/files/resume-uploads';
import { useResume } from '../data/files/use-resume';

interface ResumeCardProps {
  readonly candidate: Pick<Candidate, 'id' | 'resume' | 'updatedAt'>;
  /** Whether this person may upload (those who may edit candidates). */
  readonly mayUpload: boolean;
}

/** The candidate's résumé, readable offline once downloaded; with an upload that queues when offline. */
export function ResumeCard({ candidate, mayUpload }: ResumeCardProps) {
  const localDataId = useLocalDataId();
  const view = useResume(candidate.id, candidate.resume, candidate.updatedAt);
  const queued = useResumeUploadStore((state) => state.uploads[candidate.id]);
  const [problem, setProblem] = useState<string | null>(null);

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const reason = resumeFileProblem(file);
    setProblem(reason);
    if (reason === null) void queueResumeUpload(localDataId, candidate.id, file);
  };

  return (
    <Card variant="outlined" component="section" aria-label="Résumé">
      <CardContent>
        <Stack
          direction="row"
          sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}
        >
          <Typography variant="h6" component="h2">
            Résumé
          </Typography>
          <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
            {queued && !queued.error && (
              <Chip
                size="small"
                color="warning"
                variant="outlined"
                label={`Upload waiting to be sent: ${queued.fileName}`}
              />
            )}
            {view.status === 'ready' && (
              <Button component="a" href={view.url} download={view.fileName}>
                Download résumé
              </Button>
            )}
            {mayUpload && (
              <Button component="label" variant="outlined">
                Upload résumé
                <input
                  hidden
                  type="file"
                  aria-label="Résumé file"
                  accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                  onChange={onPick}
                />
              </Button>
            )}
          </Stack>
        </Stack>
        {problem && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {problem}
          </Alert>
        )}
        {queued?.error && (
          <Alert
            severity="error"
            sx={{ mt: 1 }}
            action={<Button onClick={() => void discardQueuedUpload(localDataId, candidate.id)}>Dismiss</Button>}
          >
            The server refused {queued.fileName}: {queued.error}
          </Alert>
        )}
        {view.status === 'none' && <Typography sx={{ color: 'text.secondary' }}>No résumé yet.</Typography>}
        {view.status === 'loading' && (
          <Typography sx={{ color: 'text.secondary' }}>Loading the résumé…</Typography>
        )}
        {view.status === 'unavailable' && <Alert severity="info">{view.message}</Alert>}
        {view.status === 'ready' && (
          <>
            <Typography sx={{ mt: 1 }}>
              {view.fileName}
              {view.isStale
                ? ' (an older version: the newest downloads when you are online)'
                : ' (available offline)'}
            </Typography>
            {view.contentType === 'application/pdf' && (
              <Box
                component="iframe"
                title="Résumé preview"
                src={view.url}
                sx={{ width: '100%', height: 480, border: 1, borderColor: 'divider', mt: 1 }}
              />
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
