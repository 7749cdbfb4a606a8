import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopBridge } from '#shared/bridge/desktop-bridge';

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  return {
    exposed,
    listeners,
    invoke: vi.fn((..._args: unknown[]) => Promise.resolve('answer')),
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => void electron.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) =>
      void electron.listeners.set(channel, listener),
  },
}));

const userActivation = { isActive: true };
vi.stubGlobal('navigator', { userActivation });
await import('./preload');

function bridge(): DesktopBridge {
  const exposed = electron.exposed.get('shortlist');
  if (!exposed) throw new Error('window.shortlist was not exposed');
  return exposed as DesktopBridge;
}

function sendDeepLink(link: unknown): void {
  electron.listeners.get('shortlist:deep-link')?.({}, link);
}

beforeEach(() => {
  electron.invoke.mockClear();
  userActivation.isActive = true;
});

describe('the preload bridge', () => {
  it('exposes only the DesktopBridge functions as window.shortlist, never ipcRenderer', () => {
    expect([...electron.exposed.keys()]).toEqual(['shortlist']);
    expect(Object.keys(bridge()).sort()).toEqual(
      [
        'platform',
        'getDefaultServerUrl',
        'loadRefreshToken',
        'saveRefreshToken',
        'clearRefreshToken',
        'getTokenStoragePolicy',
        'setPlaintextTokenOptIn',
        'openPipelineWindow',
        'notify',
        'openExternal',
        'clearLocalData',
        'onDeepLink',
      ].sort(),
    );
    expect(Object.values(bridge())).not.toContain(electron.invoke);
    expect(bridge().platform).toBe(process.platform);
  });

  it.each([
    ['getDefaultServerUrl', [], 'shortlist:getDefaultServerUrl'],
    ['loadRefreshToken', [], 'shortlist:loadRefreshToken'],
    ['saveRefreshToken', ['t'], 'shortlist:saveRefreshToken'],
    ['clearRefreshToken', [], 'shortlist:clearRefreshToken'],
    ['getTokenStoragePolicy', [], 'shortlist:getTokenStoragePolicy'],
    ['setPlaintextTokenOptIn', [true], 'shortlist:setPlaintextTokenOptIn'],
    ['openPipelineWindow', ['job-1'], 'shortlist:openPipelineWindow'],
    ['notify', [{ title: 't', body: 'b' }], 'shortlist:notify'],
    ['openExternal', ['https://example.com/'], 'shortlist:openExternal'],
    ['clearLocalData', [], 'shortlist:clearLocalData'],
  ] as const)('%s calls its own named channel', async (method, args, channel) => {
    const functions = bridge() as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await expect(functions[method]?.(...args)).resolves.toBe('answer');
    expect(electron.invoke).toHaveBeenCalledWith(channel, ...args);
  });

  it('opens external links only right after a click (user activation)', async () => {
    userActivation.isActive = false;
    await expect(bridge().openExternal('https://example.com/')).rejects.toThrow(/click/);
    expect(electron.invoke).not.toHaveBeenCalled();
  });

  it('buffers deep links until the renderer subscribes, then delivers each valid one', () => {
    sendDeepLink({ kind: 'job', id: 'job-1' });
    sendDeepLink({ kind: 'admin', id: 'x' });
    sendDeepLink({ kind: 'job', id: '../x' });
    sendDeepLink('shortlist://job/1');
    const received: unknown[] = [];
    const unsubscribe = bridge().onDeepLink((link) => received.push(link));
    expect(received).toEqual([{ kind: 'job', id: 'job-1' }]);
    sendDeepLink({ kind: 'interview', id: 'int-2' });
    expect(received).toEqual([
      { kind: 'job', id: 'job-1' },
      { kind: 'interview', id: 'int-2' },
    ]);
    unsubscribe();
    sendDeepLink({ kind: 'candidate', id: 'c-3' });
    expect(received).toHaveLength(2);
  });
});
