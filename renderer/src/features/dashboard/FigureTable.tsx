import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { Cell } from '#shared/domain/reports/report-csv';

/** A report's figures as a small table (what the CSV holds, with the screen's labels). */
export function FigureTable({
  label,
  header,
  rows,
}: {
  readonly label: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}) {
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            {header.map((title, index) => (
              <TableCell key={title} align={index === 0 ? 'left' : 'right'}>
                {title}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, rowIndex) => (
            <TableRow key={rowIndex}>
              {row.map((cell, index) => (
                <TableCell
                  key={index}
                  align={index === 0 ? 'left' : 'right'}
                  {...(index === 0 ? { component: 'th', scope: 'row' } : {})}
                >
                  {cell ?? '—'}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
