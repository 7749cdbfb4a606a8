/** A cell of a report table. */
export type Cell = string | number | null;

/** One report as a table: what the dashboard exports as CSV (and what a server could serve). */
export interface ReportTable {
  /** File-name friendly, e.g. `time-in-stage`. */
  readonly name: string;
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/**
 * A cell as CSV (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) gets a leading
 * `'`, so a candidate's rejection note cannot become a formula in someone's spreadsheet.
 */
function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The table as CSV text: a header line, then one line per row, CRLF-separated. */
export function toCsv(table: Pick<ReportTable, 'header' | 'rows'>): string {
  return [table.header, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
