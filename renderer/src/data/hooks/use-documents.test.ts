import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { candidate, candidateCollection, removeCandidateCollections } from '../search/candidate-fixture';
import { byId } from './use-documents';

afterEach(removeCandidateCollections);

describe('one document by id', () => {
  it('is the stored document, live, and null for an id not held', async () => {
    const candidates = await candidateCollection();
    await candidates.bulkInsert([candidate('c1'), candidate('c2')]);
    expect((await firstValueFrom(byId(candidates, 'c2').$))?.id).toBe('c2');
    expect(await firstValueFrom(byId(candidates, 'c9').$)).toBeNull();
  });

  it('asks the storage nothing for no id, where findOne("") queries the whole collection', async () => {
    const candidates = await candidateCollection();
    await candidates.bulkInsert([candidate('c1'), candidate('c2')]);
    const query = vi.spyOn(candidates.storageInstance, 'query');
    expect(await firstValueFrom(byId(candidates, '').$)).toBeNull();
    expect(query).not.toHaveBeenCalled();
    // Why: RxDB takes an empty id for no id and runs a query over the collection's first index.
    await candidates.findOne('').exec();
    expect(query).toHaveBeenCalled();
  });
});
