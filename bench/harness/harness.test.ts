import { describe, expect, it } from 'vitest';
import { generateOrganisation } from '../generate/organisation-generator';
import { parseEventBlock } from './sse-client';
import { dealOut, editedCandidate, movableApplicationIds, movedForward, nextForwardStage } from './workload';

const organisation = generateOrganisation({
  scale: 0.005,
  seed: 3,
  now: Date.parse('2026-06-01T09:00:00.000Z'),
});

describe('the benchmark workload', () => {
  it('moves forward only where a recruiter may', () => {
    expect(nextForwardStage('applied')).toBe('screening');
    expect(nextForwardStage('screening')).toBe('interview');
    expect(nextForwardStage('interview')).toBe('offer');
    expect(nextForwardStage('offer')).toBeNull();
    expect(nextForwardStage('hired')).toBeNull();
    expect(nextForwardStage('rejected')).toBeNull();
  });

  it('picks applications on open jobs that can move, and appends one history entry per move', () => {
    const ids = movableApplicationIds(organisation);
    expect(ids.length).toBeGreaterThan(0);
    const openJobs = new Set(organisation.jobs.filter((job) => job.status === 'open').map((job) => job.id));
    const application = organisation.applications.find((each) => each.id === ids[0]);
    if (!application) throw new Error('missing application');
    expect(openJobs.has(application.jobId)).toBe(true);
    const moved = movedForward({ ...application }, 'u9', Date.parse('2026-06-01T10:00:00.000Z'));
    expect(moved['stage']).toBe(nextForwardStage(application.stage));
    expect(moved['stageHistory']).toHaveLength(application.stageHistory.length + 1);
    expect(moved._deleted).toBe(false);
    expect(() => movedForward({ id: 'x', stage: 'hired', stageHistory: [] }, 'u9', 0)).toThrow();
  });

  it('edits a candidate differently each round', () => {
    const candidate = { ...(organisation.candidates[0] as object), id: 'c0' };
    expect(editedCandidate(candidate, 1)['notes']).not.toEqual(editedCandidate(candidate, 2)['notes']);
  });

  it('deals items out in disjoint, near-equal hands', () => {
    const hands = dealOut([1, 2, 3, 4, 5, 6, 7], 3);
    expect(hands).toEqual([
      [1, 4, 7],
      [2, 5],
      [3, 6],
    ]);
    expect(dealOut([], 2)).toEqual([[], []]);
  });
});

describe('parseEventBlock', () => {
  it('reads the data of an event and skips comments and retry lines', () => {
    expect(parseEventBlock('data: {"type":"change","collection":"jobs"}')).toEqual({
      type: 'change',
      collection: 'jobs',
    });
    expect(parseEventBlock('data: {"type":"RESYNC"}')).toEqual({ type: 'RESYNC' });
    expect(parseEventBlock(': heartbeat')).toBeNull();
    expect(parseEventBlock('retry: 3000')).toBeNull();
    expect(parseEventBlock('data: {not json')).toBeNull();
  });
});
