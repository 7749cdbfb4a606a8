import 'fake-indexeddb/auto';
import { createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Application, Stage } from '#shared/domain/application/application-schema';
import { toRxJsonSchema } from '#shared/sync/rx-schemas';
import { tallyFeedOf } from './use-application-tally';

const removers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(removers.splice(0).map((remove) => remove()));
});

let databases = 0;
/** An applications collection on RxDB's Dexie storage (fake IndexedDB), as the app keeps it. */
async function applicationsCollection(): Promise<RxCollection<Application>> {
  databases += 1;
  const db = await createRxDatabase<{ applications: RxCollection<Application> }>({
    name: `tally-${databases}-${Date.now()}`,
    storage: getRxStorageDexie(),
  });
  removers.push(() => db.remove());
  // Version 0: this store starts empty, so no migration plugin is needed.
  const schema = { ...toRxJsonSchema('applications'), version: 0 } as RxJsonSchema<Application>;
  const { applications } = await db.addCollections({ applications: { schema } });
  return applications;
}

function application(id: string, stage: Stage, jobId = 'j1'): Application {
  return {
    id,
    updatedAt: 1,
    jobId,
    candidateId: `c-${id}`,
    stage,
    stageHistory: [
      {
        from: null,
        to: stage,
        by: 'u1',
        at: '2026-03-01T09:00:00.000Z',
        recordedAt: '2026-03-01T09:00:00.000Z',
      },
    ],
    createdBy: 'u1',
    createdAt: '2026-03-01T09:00:00.000Z',
  };
}

describe('the application tally of a window', () => {
  it('counts every stored application once, from the stored rows, and leaves out deleted ones', async () => {
    const applications = await applicationsCollection();
    await applications.bulkInsert([
      application('a1', 'applied'),
      application('a2', 'screening'),
      application('a3', 'applied', 'j2'),
      application('a4', 'offer'),
    ]);
    await (await applications.findOne('a4').exec())?.remove();
    const feed = tallyFeedOf(applications);
    await feed.ready;
    expect(feed.fold.size).toBe(3);
    expect(feed.fold.applicationsByStage()).toMatchObject({ applied: 2, screening: 1, offer: 0 });
    expect(Object.fromEntries(feed.fold.countByJob())).toEqual({ j1: 2, j2: 1 });
    expect(tallyFeedOf(applications)).toBe(feed);
    // It keeps what the figures and reports read, not the stored rows (RxDB's fields, notes, …).
    const kept = feed.fold.applications().find((each) => each.id === 'a2');
    expect(kept).toEqual({
      id: 'a2',
      jobId: 'j1',
      candidateId: 'c-a2',
      stage: 'screening',
      createdAt: '2026-03-01T09:00:00.000Z',
      stageHistory: [
        { to: 'screening', at: '2026-03-01T09:00:00.000Z', recordedAt: '2026-03-01T09:00:00.000Z' },
      ],
    });
  });

  it('ends with the latest state of what changed while the first read ran, and follows changes after', async () => {
    const applications = await applicationsCollection();
    await applications.bulkInsert([application('a1', 'applied'), application('a2', 'applied')]);
    const feed = tallyFeedOf(applications);
    // Written before the read can have finished: the move, a deletion and an insert.
    await Promise.all([
      applications
        .findOne('a1')
        .exec()
        .then((document) => document?.incrementalPatch({ stage: 'screening' })),
      applications
        .findOne('a2')
        .exec()
        .then((document) => document?.remove()),
      applications.insert(application('a3', 'interview')),
    ]);
    await feed.ready;
    expect(feed.fold.applicationsByStage()).toMatchObject({ applied: 0, screening: 1, interview: 1 });
    expect(feed.fold.size).toBe(2);
    const before = feed.version;
    await (await applications.findOne('a3').exec())?.incrementalPatch({ stage: 'offer' });
    expect(feed.version).toBeGreaterThan(before);
    expect(feed.fold.applicationsByStage()).toMatchObject({ interview: 0, offer: 1, screening: 1 });
  });
});
