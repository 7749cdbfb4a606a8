/**
 * Performance marks for the benchmark (bench P4), read with `performance.getEntriesByName`:
 * - `pipeline:rendered` (mark), once per board, when it first renders with its cards; and
 *   `pipeline:first-render` (measure) from `pipeline:mounted` to it. On the way, `pipeline:data`
 *   (mark) when the local queries first answered, and `pipeline:data-ready` (measure) from mount to
 *   it: the rest of the first render is building the cards and React's.
 * - `pipeline:drop` (mark) when a card is dropped on an allowed column; `pipeline:move-rendered` (mark)
 *   and `pipeline:drop-to-rendered` (measure) once the board shows the card in its new column.
 * - `pipeline:move-writing` (mark) when the move's local write starts; `pipeline:move-saved` (mark)
 *   and `pipeline:write` (measure) once it is committed (judged by the shared rules, stored, marked
 *   pending).
 */
export const PIPELINE_MARKS = {
  mounted: 'pipeline:mounted',
  data: 'pipeline:data',
  dataReady: 'pipeline:data-ready',
  rendered: 'pipeline:rendered',
  firstRender: 'pipeline:first-render',
  drop: 'pipeline:drop',
  writing: 'pipeline:move-writing',
  saved: 'pipeline:move-saved',
  write: 'pipeline:write',
  moveRendered: 'pipeline:move-rendered',
  dropToRendered: 'pipeline:drop-to-rendered',
} as const;

function hasPerformance(): boolean {
  return typeof performance !== 'undefined' && typeof performance.mark === 'function';
}

export function markBoardMounted(): void {
  if (!hasPerformance()) return;
  performance.clearMarks(PIPELINE_MARKS.mounted);
  performance.clearMarks(PIPELINE_MARKS.data);
  performance.clearMarks(PIPELINE_MARKS.rendered);
  performance.clearMeasures(PIPELINE_MARKS.dataReady);
  performance.clearMeasures(PIPELINE_MARKS.firstRender);
  performance.mark(PIPELINE_MARKS.mounted);
}

export function markBoardData(): void {
  if (!hasPerformance()) return;
  performance.mark(PIPELINE_MARKS.data);
  performance.measure(PIPELINE_MARKS.dataReady, PIPELINE_MARKS.mounted, PIPELINE_MARKS.data);
}

export function markBoardRendered(cardCount: number): void {
  if (!hasPerformance()) return;
  performance.mark(PIPELINE_MARKS.rendered, { detail: { cardCount } });
  performance.measure(PIPELINE_MARKS.firstRender, PIPELINE_MARKS.mounted, PIPELINE_MARKS.rendered);
}

export function markDrop(applicationId: string): void {
  if (!hasPerformance()) return;
  performance.mark(PIPELINE_MARKS.drop, { detail: { applicationId } });
}

export function markMoveWriting(): void {
  if (!hasPerformance()) return;
  performance.mark(PIPELINE_MARKS.writing);
}

export function markMoveSaved(): void {
  if (!hasPerformance()) return;
  performance.mark(PIPELINE_MARKS.saved);
  performance.measure(PIPELINE_MARKS.write, PIPELINE_MARKS.writing, PIPELINE_MARKS.saved);
}

export function markMoveRendered(): void {
  if (!hasPerformance()) return;
  performance.mark(PIPELINE_MARKS.moveRendered);
  performance.measure(PIPELINE_MARKS.dropToRendered, PIPELINE_MARKS.drop, PIPELINE_MARKS.moveRendered);
}
