import type { Job } from '#shared/domain/job/job-schema';
import type { BulkOutcome } from '../../ui/bulk-outcome';
import { BulkActionBar, TagAndJobActions, useBulkRun } from '../../ui/BulkActionBar';
import type { PickedCandidate } from '../../ui/bulk-writes';

interface CandidateBulkActionsProps {
  readonly picked: readonly PickedCandidate[];
  /** Open jobs, to add the picked candidates to. */
  readonly jobs: readonly Job[];
  readonly onDone: (outcome: BulkOutcome, verb: string) => void;
  readonly onClear: () => void;
}

/** What can be done to many picked candidates at once: tag them, add them to a job. */
export function CandidateBulkActions({ picked, jobs, onDone, onClear }: CandidateBulkActionsProps) {
  const { isWorking, run } = useBulkRun(onDone);
  return (
    <BulkActionBar count={picked.length} onClear={onClear}>
      <TagAndJobActions candidates={picked} jobs={jobs} isWorking={isWorking} run={run} />
    </BulkActionBar>
  );
}
