import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fitToDisplays, parseWindowBounds, parseWindowStateFile, WindowStateStore } from './window-state';

const good = { x: 10, y: 20, width: 1200, height: 800, isMaximized: false };

describe('remembered window bounds are validated on read', () => {
  it('accepts sane bounds', () => {
    expect(parseWindowBounds(good)).toEqual(good);
    expect(parseWindowBounds({ ...good, isMaximized: 'yes' })).toEqual(good);
    expect(parseWindowBounds({ ...good, x: -1920 })).toEqual({ ...good, x: -1920 });
  });

  it.each([
    null,
    'x',
    [],
    { ...good, x: '10' },
    { ...good, width: 1200.5 },
    { ...good, width: 10 },
    { ...good, height: 100_000 },
    { ...good, x: Number.NaN },
    { ...good, y: Number.POSITIVE_INFINITY },
    { ...good, x: 1e9 },
    { y: 1, width: 800, height: 600 },
  ])('refuses %j', (value) => {
    expect(parseWindowBounds(value)).toBeNull();
  });

  it('drops invalid entries and unknown kinds of a file', () => {
    expect(parseWindowStateFile({ main: good, pipeline: { x: 'bad' }, evil: good })).toEqual({ main: good });
    expect(parseWindowStateFile('garbage')).toEqual({});
  });
});

describe('remembered bounds must still be on a display', () => {
  const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('keeps bounds on a display, shrinking them to fit', () => {
    expect(fitToDisplays(good, displays)).toEqual(good);
    expect(fitToDisplays({ ...good, width: 4000, height: 3000 }, displays)).toEqual({
      ...good,
      width: 1920,
      height: 1080,
    });
  });
  it('forgets bounds on a display that is gone', () => {
    expect(fitToDisplays({ ...good, x: 2500 }, displays)).toBeNull();
    expect(fitToDisplays({ ...good, y: -500 }, displays)).toBeNull();
  });
});

describe('the window state file', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'shortlist-window-state-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('remembers bounds per kind of window across runs and forgets them on clear', async () => {
    const file = path.join(directory, 'window-state.json');
    await new WindowStateStore(file).set('main', good);
    await new WindowStateStore(file).set('pipeline', { ...good, isMaximized: true });
    const nextRun = new WindowStateStore(file);
    expect(await nextRun.get('main')).toEqual(good);
    expect(await nextRun.get('pipeline')).toEqual({ ...good, isMaximized: true });
    await nextRun.clear();
    expect(existsSync(file)).toBe(false);
    expect(await nextRun.get('main')).toBeNull();
  });

  it('ignores a corrupt file and never writes invalid bounds', async () => {
    const file = path.join(directory, 'window-state.json');
    writeFileSync(file, '{"main": {"x": "<script>"');
    const store = new WindowStateStore(file);
    expect(await store.get('main')).toBeNull();
    await store.set('main', { ...good, width: -5 });
    expect(readFileSync(file, 'utf8')).toContain('<script>');
  });
});
