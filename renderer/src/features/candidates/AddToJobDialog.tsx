import { useState } from 'react';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { Job } from '#shared/domain/job/job-schema';
import { ChooseJobDialog } from '../../ui/BulkDialogs';
import { useAddToJob } from '../../ui/use-add-to-job';

interface AddToJobDialogProps {
  readonly candidate: Candidate;
  /** Open jobs the candidate has not applied to. */
  readonly jobs: readonly Job[];
  readonly onClose: () => void;
}

/** Adds the candidate to an open job. */
export function AddToJobDialog({ candidate, jobs, onClose }: AddToJobDialogProps) {
  const addToJob = useAddToJob();
  const [error, setError] = useState<string | null>(null);
  const [isWorking, setIsWorking] = useState(false);

  const add = async (jobId: string) => {
    setIsWorking(true);
    const refusal = await addToJob(jobId, candidate.id);
    setIsWorking(false);
    if (refusal) setError(refusal);
    else onClose();
  };

  return (
    <ChooseJobDialog
      title={`Add ${candidate.firstName} ${candidate.lastName} to a job`}
      jobs={jobs}
      isWorking={isWorking}
      error={error}
      onChoose={(jobId) => void add(jobId)}
      onClose={onClose}
    />
  );
}
