import { toCsv, type ReportTable } from '#shared/domain/reports/report-csv';

/** Saves `table` as `<name>.csv` through the browser's download (the desktop app's too). */
export function downloadCsv(table: ReportTable, suffix: string): void {
  // A byte-order mark, so spreadsheets read the accents of names and reasons as UTF-8.
  const blob = new Blob(['\uFEFF', toCsv(table)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${table.name}${suffix}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
