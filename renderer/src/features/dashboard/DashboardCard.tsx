import { Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A titled panel of the dashboard; a labelled region for assistive technology. */
export function DashboardCard({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  const headingId = `dashboard-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Typography variant="h6" component="h2" id={headingId} gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}
