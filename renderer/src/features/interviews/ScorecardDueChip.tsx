import { Chip } from '@mui/material';
import type { ScorecardState } from '#shared/domain/interview/scorecard-due';

/** Where my scorecard stands, as the reminders say it: "Scorecard due", "Scorecard late", "Scorecard submitted". */
export function ScorecardDueChip({ state }: { readonly state: ScorecardState }) {
  if (state === 'due') return <Chip size="small" color="warning" label="Scorecard due" />;
  if (state === 'late') return <Chip size="small" color="error" label="Scorecard late" />;
  if (state === 'submitted') return <Chip size="small" color="success" label="Scorecard submitted" />;
  return null;
}
