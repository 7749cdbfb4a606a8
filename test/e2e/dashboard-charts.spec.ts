import type { Locator, Page } from '@playwright/test';
import { PIPELINE_STAGES } from '#shared/domain/reports/report-input';
import { expect, test } from './support/test';
import { signIn } from './support/session';

/**
 * The dashboard's charts name every category (issue 18): no stage, status or source label is
 * dropped or drawn over another, at the app's usual window and at a narrow one.
 */

/** A stage's name as the app writes it ("applied" → "Applied"; the stages are single words). */
const humanize = (stage: string): string => `${stage.charAt(0).toUpperCase()}${stage.slice(1)}`;

interface TickLabel {
  readonly text: string;
  readonly box: { x: number; y: number; width: number; height: number };
}

/** The tick labels a chart draws, with where they are on screen. */
async function tickLabels(card: Locator): Promise<TickLabel[]> {
  const labels = card.locator('.MuiChartsAxis-tickLabel');
  await expect(labels.first()).toBeVisible();
  const found: TickLabel[] = [];
  for (const label of await labels.all()) {
    const box = await label.boundingBox();
    const text = (await label.textContent())?.trim() ?? '';
    if (box && text !== '') found.push({ text, box });
  }
  return found;
}

function overlaps(a: TickLabel['box'], b: TickLabel['box']): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every one of `expected` is drawn, and no two labels of the chart overlap. */
async function expectEveryLabel(card: Locator, expected: readonly string[]): Promise<void> {
  await card.scrollIntoViewIfNeeded();
  const labels = await tickLabels(card);
  const texts = labels.map((label) => label.text);
  for (const name of expected) expect(texts, `the chart names ${name}`).toContain(name);
  for (const [index, a] of labels.entries()) {
    for (const b of labels.slice(index + 1)) {
      expect(overlaps(a.box, b.box), `“${a.text}” and “${b.text}” overlap`).toBe(false);
    }
  }
}

/** The categories a count chart writes out beside its bars ("Open: 3"). */
async function writtenOutLabels(card: Locator): Promise<string[]> {
  const items = await card.getByRole('listitem').allTextContents();
  return items.map((item) => item.replace(/:\s*\d+$/, '').trim());
}

async function openDashboard(page: Page): Promise<Locator> {
  await signIn(page, 'hr.manager@example.com');
  const reports = page.getByRole('region', { name: 'Hiring reports' });
  await expect(reports.getByRole('status', { name: 'Applications covered' })).toContainText(
    /applications? covered/,
  );
  return reports;
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
]) {
  test(`every stage, status and source is named on the dashboard’s charts at ${viewport.width}×${viewport.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const reports = await openDashboard(page);
    const stages = PIPELINE_STAGES.map(humanize);

    await expectEveryLabel(reports.getByRole('region', { name: 'Funnel (reached) and current stage' }), [
      ...stages,
      'Rejected',
    ]);
    const conversions = PIPELINE_STAGES.slice(0, -1).map(
      (stage, index) => `${humanize(stage)} → ${humanize(PIPELINE_STAGES[index + 1] ?? stage)}`,
    );
    await expectEveryLabel(reports.getByRole('region', { name: 'Conversion per stage' }), conversions);
    const timeInStage = reports.getByRole('region', { name: 'Time in stage (days)' });
    const waitedIn = (await timeInStage.getByRole('rowheader').allTextContents()).map((text) => text.trim());
    expect(waitedIn.length).toBeGreaterThan(2);
    await expectEveryLabel(timeInStage, waitedIn);
    await expectEveryLabel(reports.getByRole('region', { name: 'Source effectiveness' }), []);

    const jobsByStatus = page.getByRole('region', { name: 'Jobs by status' });
    const statuses = await writtenOutLabels(jobsByStatus);
    expect(statuses.length).toBeGreaterThan(2);
    await expectEveryLabel(jobsByStatus, statuses);

    await page.screenshot({
      path: test.info().outputPath(`dashboard-${viewport.width}.png`),
      fullPage: true,
    });
  });
}
