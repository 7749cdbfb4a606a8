import { Chip, type ChipProps } from '@mui/material';
import { humanize } from './labels';

const COLORS: Readonly<Record<string, ChipProps['color']>> = {
  open: 'success',
  draft: 'default',
  on_hold: 'warning',
  closed: 'default',
  applied: 'info',
  screening: 'info',
  interview: 'primary',
  offer: 'secondary',
  hired: 'success',
  rejected: 'error',
  scheduled: 'primary',
  completed: 'success',
  cancelled: 'default',
  no_show: 'warning',
};

/** A job status, application stage or interview status as a coloured label. */
export function StatusChip({ value }: { readonly value: string }) {
  return <Chip size="small" label={humanize(value)} color={COLORS[value] ?? 'default'} />;
}
