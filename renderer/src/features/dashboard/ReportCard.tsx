import DownloadIcon from '@mui/icons-material/Download';
import { Button, Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { ReportTable } from '#shared/domain/reports/report-csv';
import { downloadCsv } from './csv-download';

interface ReportCardProps {
  readonly table: ReportTable | undefined;
  /** What the figures mean, in a sentence. */
  readonly explanation: ReactNode;
  /** Added to the CSV file name: the range and filters it covers. */
  readonly fileSuffix: string;
  readonly children: ReactNode;
}

/** One report: its title, what it measures, the figures, and its CSV export. */
export function ReportCard({ table, explanation, fileSuffix, children }: ReportCardProps) {
  if (!table) return null;
  const headingId = `report-${table.name}`;
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start', gap: 1 }}>
          <Typography variant="h6" component="h2" id={headingId}>
            {table.title}
          </Typography>
          <Button
            size="small"
            startIcon={<DownloadIcon />}
            onClick={() => downloadCsv(table, fileSuffix)}
            aria-label={`Export ${table.title} as CSV`}
          >
            CSV
          </Button>
        </Stack>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
          {explanation}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}
