import type { Page } from '@playwright/test';
import type { Organisation } from '../generate/organisation-generator';
import { SeededRandom } from '../generate/random';

/** How long one search may take before it counts as failed. */
const SEARCH_TIMEOUT_MS = 10_000;

/** One search as the person sees it. */
export interface SearchTiming {
  readonly query: string;
  /** From the input event until the result count on the page changed. */
  readonly ms: number;
  readonly status: string;
}

/** The status line of the candidates page: `"<found> of <total> candidates"`. */
export function candidatesStatus(found: number, total: number): string {
  return `${found} of ${total} candidates`;
}

/**
 * Searches people would type, drawn from the organisation (seeded): last names, full names, skills,
 * companies and two-word combinations.
 */
export function searchQueries(organisation: Organisation, count: number, seed: number): string[] {
  const random = new SeededRandom(seed);
  const queries: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const candidate = random.pick(organisation.candidates);
    const kind = index % 5;
    if (kind === 0) queries.push(candidate.lastName);
    else if (kind === 1) queries.push(`${candidate.firstName} ${candidate.lastName}`);
    else if (kind === 2) queries.push(random.pick(candidate.skills.length > 0 ? candidate.skills : ['go']));
    else if (kind === 3) queries.push(candidate.currentCompany ?? candidate.lastName);
    else queries.push(`${candidate.firstName.slice(0, 3)} ${candidate.skills[0] ?? ''}`.trim());
  }
  return queries.map((query) => query.toLowerCase());
}

/** Waits until the candidates page's status line reads `text` (the index loaded, or a reset search). */
export async function waitForStatus(page: Page, text: string, timeoutMs: number): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor({ timeout: timeoutMs });
}

/**
 * Types `query` into the page's search field the way React sees typing (an `input` event) and times,
 * in the page, until the status line shows a different count: the app's own search path (index in
 * memory, `searchCandidates`, React render of the virtualised list).
 */
export async function timeSearch(page: Page, query: string): Promise<SearchTiming> {
  const timing = await page.evaluate(
    ({ query: text, timeoutMs }) =>
      new Promise<{ ms: number; status: string }>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]');
        const status = Array.from(document.querySelectorAll('[role="status"]')).find((element) =>
          (element.textContent ?? '').includes('candidates'),
        );
        if (!input || !status) {
          reject(new Error('the candidates page has no search field or status line'));
          return;
        }
        const before = status.textContent;
        let started = 0;
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`search "${text}" showed no result within ${timeoutMs} ms`));
        }, timeoutMs);
        const observer = new MutationObserver(() => {
          if (status.textContent === before) return;
          const ms = performance.now() - started;
          observer.disconnect();
          clearTimeout(timer);
          resolve({ ms, status: status.textContent ?? '' });
        });
        observer.observe(status, { characterData: true, childList: true, subtree: true });
        started = performance.now();
        // As typing or pasting does: the browser fires the input event React listens to.
        input.focus();
        input.select();
        document.execCommand('insertText', false, text);
      }),
    { query, timeoutMs: SEARCH_TIMEOUT_MS },
  );
  return { query, ...timing };
}

/** Clears the search field and waits until every candidate is listed again. */
export async function clearSearch(page: Page, total: number): Promise<void> {
  await page.locator('input[type="search"]').fill('');
  await waitForStatus(page, candidatesStatus(total, total), SEARCH_TIMEOUT_MS);
}
