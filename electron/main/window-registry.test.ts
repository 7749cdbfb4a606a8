import { describe, expect, it } from 'vitest';
import { isPipelineWindowQuery } from '#shared/bridge/desktop-bridge';
import { WindowRegistry, type RegistryWindow } from './window-registry';

class FakeWindow implements RegistryWindow {
  static nextId = 1;
  readonly webContents = { id: FakeWindow.nextId++ };
  readonly actions: string[] = [];
  minimized = false;
  destroyed = false;
  private closedListener: (() => void) | null = null;
  constructor(
    readonly kind: string,
    readonly route: string,
  ) {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
    this.actions.push('restore');
  }
  show(): void {
    this.actions.push('show');
  }
  focus(): void {
    this.actions.push('focus');
  }
  close(): void {
    this.destroyed = true;
    this.closedListener?.();
  }
  once(_event: 'closed', listener: () => void): this {
    this.closedListener = listener;
    return this;
  }
}

function registry(): { windows: FakeWindow[]; registry: WindowRegistry<FakeWindow> } {
  const windows: FakeWindow[] = [];
  return {
    windows,
    registry: new WindowRegistry((kind, route) => {
      const window = new FakeWindow(kind, route);
      windows.push(window);
      return window;
    }),
  };
}

describe('the window registry', () => {
  it('opens one main window and focuses it when shown again', () => {
    const { windows, registry: r } = registry();
    const main = r.showMain();
    expect(r.showMain()).toBe(main);
    expect(windows.map((w) => [w.kind, w.route])).toEqual([['main', '/']]);
    expect(main.actions).toEqual(['show', 'focus']);
  });

  it('opens one pipeline window per job and focuses (restoring) the open one', () => {
    const { windows, registry: r } = registry();
    const first = r.openPipeline('job-1');
    const second = r.openPipeline('job-2');
    first.minimized = true;
    expect(r.openPipeline('job-1')).toBe(first);
    expect(first.actions).toEqual(['restore', 'show', 'focus']);
    expect(second.actions).toEqual([]);
    expect(windows.map((w) => w.route)).toEqual([
      '/jobs/job-1/pipeline?window=pipeline',
      '/jobs/job-2/pipeline?window=pipeline',
    ]);
    expect(r.openPipelineJobIds()).toEqual(['job-1', 'job-2']);
  });

  it('forgets closed windows, so opening again creates a new one', () => {
    const { windows, registry: r } = registry();
    const first = r.openPipeline('job-1');
    first.close();
    expect(r.openPipelineJobIds()).toEqual([]);
    const again = r.openPipeline('job-1');
    expect(again).not.toBe(first);
    expect(windows).toHaveLength(2);
    const main = r.showMain();
    main.close();
    expect(r.main()).toBeNull();
  });

  it('knows which web contents are its own (for the IPC sender check)', () => {
    const { registry: r } = registry();
    const main = r.showMain();
    const pipeline = r.openPipeline('job-1');
    expect(r.ownsWebContents(main.webContents.id)).toBe(true);
    expect(r.ownsWebContents(pipeline.webContents.id)).toBe(true);
    expect(r.ownsWebContents(-1)).toBe(false);
    pipeline.close();
    expect(r.ownsWebContents(pipeline.webContents.id)).toBe(false);
  });

  it('closes every pipeline window and keeps the main one', () => {
    const { registry: r } = registry();
    const main = r.showMain();
    const a = r.openPipeline('a');
    const b = r.openPipeline('b');
    r.closePipelines();
    expect([a.destroyed, b.destroyed, main.destroyed]).toEqual([true, true, false]);
    expect(r.all()).toEqual([main]);
  });

  it('opens a pipeline window on the board of the job, marked as a pipeline window', () => {
    const r = new WindowRegistry<FakeWindow>((kind, route) => new FakeWindow(kind, route));
    const url = new URL(r.openPipeline('job_1').route, 'app://shortlist/app/');
    expect(url.pathname).toBe('/jobs/job_1/pipeline');
    expect(isPipelineWindowQuery(url.search)).toBe(true);
    expect(isPipelineWindowQuery('')).toBe(false);
    expect(isPipelineWindowQuery('?window=pipelines')).toBe(false);
  });
});
