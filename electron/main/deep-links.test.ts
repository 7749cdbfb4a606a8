import { describe, expect, it, vi } from 'vitest';
import { DEEP_LINK_CHANNEL } from '#shared/bridge/ipc-channels';
import {
  deepLinkForRoute,
  deepLinkFromArgv,
  DeepLinkDispatcher,
  type DeepLinkTarget,
} from './deep-links';

describe('deep links from a command line', () => {
  it('finds the first valid shortlist:// argument (Windows and Linux second instance)', () => {
    expect(deepLinkFromArgv(['/opt/Shortlist/shortlist', '--no-sandbox', 'shortlist://job/job-1'])).toEqual({
      kind: 'job',
      id: 'job-1',
    });
    expect(deepLinkFromArgv(['app.exe', 'shortlist://job/../x', 'shortlist://interview/int-2/'])).toEqual({
      kind: 'interview',
      id: 'int-2',
    });
  });

  it.each([
    [['app']],
    [['app', 'https://evil.example']],
    [['app', 'shortlist://admin/1']],
    [['app', 'shortlist://job/a%2Fb']],
    [['app', '--shortlist://job/1']],
  ])('ignores %j', (argv) => {
    expect(deepLinkFromArgv(argv)).toBeNull();
  });

  it('maps notification routes to deep links when they match one', () => {
    expect(deepLinkForRoute('/interviews/int-1')).toEqual({ kind: 'interview', id: 'int-1' });
    expect(deepLinkForRoute('/candidates/c_1/')).toEqual({ kind: 'candidate', id: 'c_1' });
    expect(deepLinkForRoute('/jobs/job-1/pipeline')).toBeNull();
    expect(deepLinkForRoute('/sync/refused')).toBeNull();
  });
});

function fakeTarget(isLoading: boolean): DeepLinkTarget & { sent: unknown[][]; finishLoad: () => void } {
  let onLoad: (() => void) | null = null;
  const sent: unknown[][] = [];
  return {
    sent,
    finishLoad: () => onLoad?.(),
    webContents: {
      isLoading: () => isLoading,
      once: (_event, listener) => {
        onLoad = listener;
      },
      send: (channel, ...args) => void sent.push([channel, ...args]),
    },
  };
}

describe('the deep-link dispatcher', () => {
  it('queues links until the main window exists, then sends them once it has loaded', () => {
    const dispatcher = new DeepLinkDispatcher();
    expect(dispatcher.dispatchUrl('shortlist://candidate/c-1')).toBe(true);
    expect(dispatcher.pendingLinks()).toEqual([{ kind: 'candidate', id: 'c-1' }]);
    const target = fakeTarget(true);
    const show = vi.fn(() => target);
    dispatcher.attach(show);
    expect(target.sent).toEqual([]);
    target.finishLoad();
    expect(target.sent).toEqual([[DEEP_LINK_CHANNEL, { kind: 'candidate', id: 'c-1' }]]);
    expect(dispatcher.pendingLinks()).toEqual([]);
  });

  it('shows the main window and sends at once when it is ready (macOS open-url)', () => {
    const dispatcher = new DeepLinkDispatcher();
    const target = fakeTarget(false);
    const show = vi.fn(() => target);
    dispatcher.attach(show);
    dispatcher.dispatchUrl('shortlist://job/job-9');
    expect(show).toHaveBeenCalled();
    expect(target.sent).toEqual([[DEEP_LINK_CHANNEL, { kind: 'job', id: 'job-9' }]]);
  });

  it('drops invalid links without showing anything', () => {
    const dispatcher = new DeepLinkDispatcher();
    const show = vi.fn(() => fakeTarget(false));
    dispatcher.attach(show);
    expect(dispatcher.dispatchUrl('shortlist://job/1?x=<script>')).toBe(false);
    expect(dispatcher.dispatchUrl('javascript:alert(1)')).toBe(false);
    expect(show).not.toHaveBeenCalled();
  });
});
