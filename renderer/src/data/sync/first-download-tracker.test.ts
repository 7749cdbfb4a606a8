import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CollectionName } from '#shared/domain/collections';
import type { FirstDownloadSummary } from './first-download';
import { trackFirstDownload } from './first-download-tracker';

const COLLECTIONS: readonly CollectionName[] = ['jobs', 'candidates'];

/** A device's documents per collection, and how often each was counted. */
function device(held: Partial<Record<CollectionName, number>>) {
  const counted: CollectionName[] = [];
  const countHeld = (collection: CollectionName) => {
    counted.push(collection);
    return Promise.resolve(held[collection] ?? 0);
  };
  return { held, counted, countHeld };
}

describe('the first download’s tally', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts from what this device already holds (a download resumed after a restart)', async () => {
    const here = device({ jobs: 500, candidates: 120 });
    const published: FirstDownloadSummary[] = [];
    trackFirstDownload(here.countHeld, COLLECTIONS, (summary) => published.push(summary));
    await vi.runAllTimersAsync();
    expect(published.at(-1)).toMatchObject({ documents: 620, estimatedTotal: null });
  });

  it('counts a collection again once after many arrivals, and sums the sizes the server said', async () => {
    const here = device({ jobs: 0, candidates: 0 });
    const published: FirstDownloadSummary[] = [];
    const tracker = trackFirstDownload(here.countHeld, COLLECTIONS, (summary) => published.push(summary));
    await vi.runAllTimersAsync();
    tracker.noteEstimate('jobs', 1_000);
    tracker.noteEstimate('candidates', 300);
    here.held.jobs = 500;
    here.counted.length = 0;
    for (let arrived = 0; arrived < 500; arrived += 1) tracker.noteReceived('jobs');
    await vi.runAllTimersAsync();
    expect(here.counted).toEqual(['jobs']);
    expect(published.at(-1)).toMatchObject({ documents: 500, estimatedTotal: 1_300 });

    here.held.candidates = 298;
    tracker.noteDone('candidates');
    await vi.runAllTimersAsync();
    // Done: it holds all there is, whatever was said.
    expect(published.at(-1)).toMatchObject({ documents: 798, estimatedTotal: 1_298, collectionsDone: 1 });
  });

  it('reports nothing once stopped', async () => {
    const here = device({ jobs: 3 });
    const published: FirstDownloadSummary[] = [];
    const tracker = trackFirstDownload(here.countHeld, COLLECTIONS, (summary) => published.push(summary));
    await vi.runAllTimersAsync();
    const before = published.length;
    tracker.stop();
    tracker.noteReceived('jobs');
    tracker.noteEstimate('jobs', 10);
    await vi.runAllTimersAsync();
    expect(published).toHaveLength(before);
  });
});
