import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

/** One column of a `VirtualTable`: its header and how a row fills its cell. */
export interface VirtualColumn<T> {
  readonly key: string;
  readonly header: ReactNode;
  readonly cell: (row: T) => ReactNode;
  readonly align?: 'left' | 'right';
  /** A fixed width (e.g. a checkbox column). */
  readonly width?: number;
}

interface VirtualTableProps<T> {
  /** The table's accessible name. */
  readonly label: string;
  readonly rows: readonly T[];
  readonly rowKey: (row: T) => string;
  readonly columns: readonly VirtualColumn<T>[];
  /** The scroll area's height, e.g. `calc(100vh - 300px)`; it shrinks to its rows when fewer. */
  readonly maxHeight?: string;
}

/** What a small table row measures before it is drawn (its real height is measured). */
const ESTIMATED_ROW_HEIGHT = 41;

/**
 * A table whose body draws only the rows in view (and a few around them), however many there are:
 * 2,000 jobs cost what 30 do. Rows outside the view are stood in for by two spacer rows, so the
 * table keeps its columns and its semantics (`aria-rowcount`, `aria-rowindex` for what is missing).
 */
export function VirtualTable<T>({
  label,
  rows,
  rowKey,
  columns,
  maxHeight = 'calc(100vh - 260px)',
}: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => {
      const row = rows[index];
      return row === undefined ? index : rowKey(row);
    },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const spacer = (height: number, key: string) =>
    height > 0 ? (
      <TableRow aria-hidden key={key} style={{ height }}>
        <TableCell colSpan={columns.length} sx={{ p: 0, border: 0 }} />
      </TableRow>
    ) : null;
  return (
    <TableContainer ref={scrollRef} sx={{ maxHeight }}>
      <Table size="small" stickyHeader aria-label={label} aria-rowcount={rows.length + 1}>
        <TableHead>
          <TableRow aria-rowindex={1}>
            {columns.map((column) => (
              <TableCell
                key={column.key}
                align={column.align ?? 'left'}
                sx={column.width ? { width: column.width } : undefined}
              >
                {column.header}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {spacer(top, 'before')}
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <TableRow
                key={item.key}
                hover
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-rowindex={item.index + 2}
              >
                {columns.map((column) => (
                  <TableCell key={column.key} align={column.align ?? 'left'}>
                    {column.cell(row)}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
          {spacer(bottom, 'after')}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
