import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

interface ColumnRect {
  readonly left: number;
  readonly width: number;
}

/**
 * The horizontal shift that brings a card centred at `centreX` to the centre of the next column in
 * `direction`, or null when there is none that way. Columns are the board's drop targets.
 */
export function shiftToNextColumn(
  columns: readonly ColumnRect[],
  centreX: number,
  direction: 'left' | 'right',
): number | null {
  const centres = columns.map((column) => column.left + column.width / 2);
  const candidates =
    direction === 'right' ? centres.filter((x) => x > centreX + 1) : centres.filter((x) => x < centreX - 1);
  if (candidates.length === 0) return null;
  const target = direction === 'right' ? Math.min(...candidates) : Math.max(...candidates);
  return target - centreX;
}

/**
 * dnd-kit's keyboard sensor on the board: left and right arrows carry the picked-up card to the
 * previous or next column (space or enter drops it, escape cancels).
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (
  event,
  { currentCoordinates, context },
) => {
  const direction = event.code === 'ArrowRight' ? 'right' : event.code === 'ArrowLeft' ? 'left' : null;
  const { collisionRect, droppableRects } = context;
  if (!direction || !collisionRect) return undefined;
  event.preventDefault();
  const shift = shiftToNextColumn(
    [...droppableRects.values()],
    collisionRect.left + collisionRect.width / 2,
    direction,
  );
  if (shift === null) return undefined;
  return { x: currentCoordinates.x + shift, y: currentCoordinates.y };
};
