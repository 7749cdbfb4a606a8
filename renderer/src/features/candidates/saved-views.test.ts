import { describe, expect, it } from 'vitest';
import { ALL_CANDIDATES, deleteView, loadSavedViews, saveView } from './saved-views';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('saved candidate views', () => {
  it('keeps views per person, by name, replacing one saved again', () => {
    const storage = memoryStorage();
    saveView(storage, 'u1', 'Berlin backend', { ...ALL_CANDIDATES, query: 'berlin', tag: 'backend' });
    saveView(storage, 'u1', 'Agency', { ...ALL_CANDIDATES, source: 'agency' });
    saveView(storage, 'u1', 'Berlin backend', { ...ALL_CANDIDATES, query: 'berlin go' });
    expect(loadSavedViews(storage, 'u1').map((saved) => [saved.name, saved.view.query])).toEqual([
      ['Agency', ''],
      ['Berlin backend', 'berlin go'],
    ]);
    expect(loadSavedViews(storage, 'u2')).toEqual([]);
    expect(deleteView(storage, 'u1', 'Agency').map((saved) => saved.name)).toEqual(['Berlin backend']);
  });

  it('reads a damaged store as no views, and fills fields added since a view was saved', () => {
    expect(loadSavedViews(memoryStorage({ 'shortlist.candidate-views.u1': '{oops' }), 'u1')).toEqual([]);
    const old = memoryStorage({
      'shortlist.candidate-views.u1': JSON.stringify([{ name: 'Old', view: { query: 'x' } }, 7]),
    });
    expect(loadSavedViews(old, 'u1')).toEqual([{ name: 'Old', view: { ...ALL_CANDIDATES, query: 'x' } }]);
  });
});
