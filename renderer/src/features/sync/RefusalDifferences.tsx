import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { FieldDifference } from '../../data/conflicts/refusal-explanation';

/** Field by field: what the person wrote, and what stands now. */
export function RefusalDifferences({ differences }: { readonly differences: readonly FieldDifference[] }) {
  if (differences.length === 0) return null;
  return (
    <Table size="small" aria-label="What differs" sx={{ mt: 1 }}>
      <TableHead>
        <TableRow>
          <TableCell component="th">Field</TableCell>
          <TableCell component="th">Your change</TableCell>
          <TableCell component="th">Now</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {differences.map((difference) => (
          <TableRow key={difference.field}>
            <TableCell>{difference.label}</TableCell>
            <TableCell>{difference.yours}</TableCell>
            <TableCell>{difference.current}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
