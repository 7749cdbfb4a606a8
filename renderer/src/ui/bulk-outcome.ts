import type { Decision } from '#shared/domain/common/refusal';

/** One item of a bulk action that the rules refused, with the reason in the person's words. */
export interface RefusedItem {
  readonly label: string;
  readonly message: string;
}

/** What a bulk action did: how many items it changed, which it left alone, which were refused. */
export interface BulkOutcome {
  readonly done: number;
  readonly unchanged: number;
  readonly refused: readonly RefusedItem[];
}

/** What one item's action answers: the rules' decision, or `unchanged` when there was nothing to do. */
export type ItemResult = Decision | 'unchanged';

/**
 * Runs `act` on every item, one after another (each is judged by the shared rules against what the
 * items before it wrote), and tallies the outcome. A failure of one item does not stop the others.
 */
export async function runBulk<T>(
  items: readonly T[],
  labelOf: (item: T) => string,
  act: (item: T) => Promise<ItemResult>,
): Promise<BulkOutcome> {
  let done = 0;
  let unchanged = 0;
  const refused: RefusedItem[] = [];
  for (const item of items) {
    try {
      const result = await act(item);
      if (result === 'unchanged') unchanged += 1;
      else if (result.ok) done += 1;
      else refused.push({ label: labelOf(item), message: result.message });
    } catch (error) {
      refused.push({ label: labelOf(item), message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { done, unchanged, refused };
}

/** "12 changed, 2 already so, 3 refused", for the outcome's headline. */
export function bulkSummary(outcome: BulkOutcome, verb: string): string {
  const parts = [`${outcome.done} ${verb}`];
  if (outcome.unchanged > 0) parts.push(`${outcome.unchanged} already so`);
  if (outcome.refused.length > 0) parts.push(`${outcome.refused.length} refused`);
  return parts.join(', ');
}
