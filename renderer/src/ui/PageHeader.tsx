import { Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A screen's title (its h1) with its actions. */
export function PageHeader({
  title,
  actions,
  subtitle,
}: {
  readonly title: string;
  readonly actions?: ReactNode;
  readonly subtitle?: ReactNode;
}) {
  return (
    <Stack
      direction="row"
      sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap' }}
    >
      <div>
        <Typography variant="h4" component="h1">
          {title}
        </Typography>
        {subtitle && <Typography sx={{ color: 'text.secondary' }}>{subtitle}</Typography>}
      </div>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        {actions}
      </Stack>
    </Stack>
  );
}
