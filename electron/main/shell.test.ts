import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FakeBrowserWindow,
  resetFakeElectron,
  state,
  type FakeWebContents,
} from './test-support/fake-electron';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).fakeElectronModule());

const { startShell } = await import('./shell');
const { DEEP_LINK_CHANNEL } = await import('#shared/bridge/ipc-channels');

const bundleDir = path.resolve('dist/electron');
const APP_PAGE = 'app://shortlist/app/';

async function startReadyShell(
  argv: string[] = ['electron', 'dist/electron/main.cjs'],
): Promise<FakeBrowserWindow> {
  const savedArgv = process.argv;
  process.argv = argv;
  try {
    startShell(bundleDir);
  } finally {
    process.argv = savedArgv;
  }
  state.app.becomeReady();
  return await mainWindowOnceReady();
}

/** The main window, once `onReady` (which reads files) has created it. */
async function mainWindowOnceReady(): Promise<FakeBrowserWindow> {
  return await vi.waitFor(() => {
    const main = FakeBrowserWindow.created[0];
    if (!main) throw new Error('no main window yet');
    return main;
  });
}

function invoke(contents: FakeWebContents, channel: string, ...args: unknown[]): Promise<unknown> {
  const handler = state.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(handler({ sender: contents, senderFrame: contents.mainFrame }, ...args));
}

let userData: string;
beforeEach(() => {
  resetFakeElectron();
  userData = mkdtempSync(path.join(os.tmpdir(), 'shortlist-shell-'));
  state.app.userData = userData;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  rmSync(userData, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('starting the shell', () => {
  it('registers app:// as a privileged standard + secure scheme, sandboxes all renderers, opens the main window', async () => {
    const main = await startReadyShell();
    expect(state.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
        }) as unknown,
      },
    ]);
    expect(state.app.calls).toContain('enableSandbox');
    expect(state.protocolHandlers.has('app')).toBe(true);
    expect(state.permissionRequestHandler).not.toBeNull();
    expect(state.permissionCheckHandler).not.toBeNull();
    expect(main.loadedUrls).toEqual([APP_PAGE]);
    expect(state.menuTemplates).toHaveLength(1);
  });

  it('quits at once when another instance holds the single-instance lock', () => {
    state.app.hasSingleInstanceLock = false;
    startShell(bundleDir);
    expect(state.app.calls).toContain('quit');
    expect(state.app.listenerCount('second-instance')).toBe(0);
  });

  it('serves app:// with the CSP allowing the configured sync server', async () => {
    await startReadyShell();
    const handler = state.protocolHandlers.get('app');
    const response = await handler?.(new Request('app://shortlist/app/../../etc/passwd'));
    expect(response?.headers.get('content-security-policy')).toContain(
      "connect-src 'self' http://127.0.0.1:4000",
    );
  });

  it('registers a handler for every bridge function and refuses senders that are not app windows', async () => {
    const main = await startReadyShell();
    main.webContents.finishLoad(APP_PAGE);
    expect([...state.ipcHandlers.keys()]).toHaveLength(10);
    await expect(invoke(main.webContents, 'shortlist:getDefaultServerUrl')).resolves.toBe(
      'http://127.0.0.1:4000',
    );
    main.webContents.mainFrame.url = 'https://evil.example/';
    await expect(invoke(main.webContents, 'shortlist:getDefaultServerUrl')).rejects.toThrow(
      /not a trusted app page/,
    );
  });

  it('keeps the token in memory on Linux basic_text and reports that policy', async () => {
    const main = await startReadyShell();
    main.webContents.finishLoad(APP_PAGE);
    const expected = process.platform === 'linux' ? 'memory' : 'encrypted';
    await expect(invoke(main.webContents, 'shortlist:getTokenStoragePolicy')).resolves.toBe(expected);
    await invoke(main.webContents, 'shortlist:saveRefreshToken', 'token-1');
    await expect(invoke(main.webContents, 'shortlist:loadRefreshToken')).resolves.toBe('token-1');
  });
});

describe('pipeline windows', () => {
  it('opens one window per job through the bridge and focuses it when asked again', async () => {
    const main = await startReadyShell();
    main.webContents.finishLoad(APP_PAGE);
    await invoke(main.webContents, 'shortlist:openPipelineWindow', 'job-1');
    await invoke(main.webContents, 'shortlist:openPipelineWindow', 'job-1');
    await invoke(main.webContents, 'shortlist:openPipelineWindow', 'job-2');
    const urls = FakeBrowserWindow.created.map((window) => window.loadedUrls[0]);
    expect(urls).toEqual([
      APP_PAGE,
      `${APP_PAGE}jobs/job-1/pipeline?window=pipeline`,
      `${APP_PAGE}jobs/job-2/pipeline?window=pipeline`,
    ]);
    expect(FakeBrowserWindow.created[1]?.focused).toBe(1);
    await expect(invoke(main.webContents, 'shortlist:openPipelineWindow', '../admin')).rejects.toThrow(
      /Refused/,
    );
  });

  it('lets a pipeline window call the bridge too, but not once it is closed', async () => {
    const main = await startReadyShell();
    main.webContents.finishLoad(APP_PAGE);
    await invoke(main.webContents, 'shortlist:openPipelineWindow', 'job-1');
    const pipeline = FakeBrowserWindow.created[1];
    if (!pipeline) throw new Error('no pipeline window');
    pipeline.webContents.finishLoad(`${APP_PAGE}jobs/job-1/pipeline?window=pipeline`);
    await expect(invoke(pipeline.webContents, 'shortlist:getDefaultServerUrl')).resolves.toBe(
      'http://127.0.0.1:4000',
    );
    pipeline.close();
    await expect(invoke(pipeline.webContents, 'shortlist:getDefaultServerUrl')).rejects.toThrow(
      /not a trusted/,
    );
  });
});

describe('every window the shell creates', () => {
  it('has the secure web preferences and is guarded against navigation and new windows', async () => {
    const main = await startReadyShell();
    main.webContents.finishLoad(APP_PAGE);
    await invoke(main.webContents, 'shortlist:openPipelineWindow', 'job-1');
    state.app.emit('second-instance', {}, ['shortlist', 'shortlist://job/job-2'], '/');
    expect(FakeBrowserWindow.created.length).toBeGreaterThanOrEqual(2);
    for (const window of FakeBrowserWindow.created) {
      expect(window.options['webPreferences']).toEqual(
        expect.objectContaining({
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          webviewTag: false,
          preload: path.join(bundleDir, 'preload.cjs'),
          // Replication runs in one of the windows; it must not slow down when that window is hidden.
          backgroundThrottling: false,
        }),
      );
      expect(window.webContents.listenerCount('will-navigate')).toBe(1);
      expect(window.webContents.listenerCount('will-redirect')).toBe(1);
      expect(window.webContents.listenerCount('will-attach-webview')).toBe(1);
      expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
        action: 'deny',
      });
    }
  });

  it('are only ever created in app-windows.ts, through the secure options', () => {
    const sources = readdirSync(import.meta.dirname).filter(
      (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'),
    );
    const creators = sources.filter((name) =>
      /new BrowserWindow\(/.test(readFileSync(path.join(import.meta.dirname, name), 'utf8')),
    );
    expect(creators).toEqual(['app-windows.ts']);
    expect(readFileSync(path.join(import.meta.dirname, 'app-windows.ts'), 'utf8')).toContain(
      'new BrowserWindow(appWindowOptions(',
    );
  });
});

describe('deep links', () => {
  it('delivers the link of the first launch (Windows and Linux argv) once the main window has loaded', async () => {
    const main = await startReadyShell(['shortlist', 'shortlist://candidate/c-7']);
    expect(main.webContents.sent).toEqual([]);
    main.webContents.finishLoad(APP_PAGE);
    expect(main.webContents.sent).toEqual([[DEEP_LINK_CHANNEL, { kind: 'candidate', id: 'c-7' }]]);
  });

  it('focuses the main window and delivers the link of a second instance', async () => {
    const main = await startReadyShell();
    main.webContents.finishLoad(APP_PAGE);
    main.minimized = true;
    state.app.emit('second-instance', {}, ['shortlist', '--flag', 'shortlist://interview/int-3'], '/home');
    expect(main.minimized).toBe(false);
    expect(main.webContents.sent).toEqual([[DEEP_LINK_CHANNEL, { kind: 'interview', id: 'int-3' }]]);
    state.app.emit('second-instance', {}, ['shortlist', 'shortlist://job/../../x'], '/home');
    expect(main.webContents.sent).toHaveLength(1);
    main.minimized = true;
    state.app.emit('second-instance', {}, ['shortlist'], '/home');
    expect(main.minimized).toBe(false);
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });

  it('handles macOS open-url, even before the app is ready', async () => {
    startShell(bundleDir);
    const preventDefault = vi.fn();
    state.app.emit('open-url', { preventDefault }, 'shortlist://job/job-5');
    state.app.emit('open-url', { preventDefault }, 'shortlist://evil/1');
    expect(preventDefault).toHaveBeenCalledTimes(2);
    state.app.becomeReady();
    const main = await mainWindowOnceReady();
    main.webContents.finishLoad(APP_PAGE);
    expect(main.webContents.sent).toEqual([[DEEP_LINK_CHANNEL, { kind: 'job', id: 'job-5' }]]);
  });
});

describe('notifications', () => {
  it('show natively and, on click, bring the main window to the route', async () => {
    const main = await startReadyShell();
    main.webContents.finishLoad(APP_PAGE);
    await invoke(main.webContents, 'shortlist:notify', {
      title: 'Interview in 15 minutes',
      body: 'Ada Lovelace',
      route: '/interviews/int-1',
    });
    await invoke(main.webContents, 'shortlist:notify', {
      title: '2 changes refused',
      body: 'Open the list',
      route: '/sync/refused',
    });
    expect(state.notifications.map((n) => [n.options, n.shown])).toEqual([
      [{ title: 'Interview in 15 minutes', body: 'Ada Lovelace', silent: false }, true],
      [{ title: '2 changes refused', body: 'Open the list', silent: false }, true],
    ]);
    state.notifications[0]?.emitter.emit('click');
    expect(main.webContents.sent).toEqual([[DEEP_LINK_CHANNEL, { kind: 'interview', id: 'int-1' }]]);
    state.notifications[1]?.emitter.emit('click');
    expect(main.loadedUrls.at(-1)).toBe(`${APP_PAGE}sync/refused`);
  });
});

describe('external links', () => {
  it('open http(s) in the system browser only', async () => {
    const main = await startReadyShell();
    main.webContents.finishLoad(APP_PAGE);
    await invoke(main.webContents, 'shortlist:openExternal', 'https://www.linkedin.com/in/ada');
    await expect(invoke(main.webContents, 'shortlist:openExternal', 'file:///etc/passwd')).rejects.toThrow(
      /Refused/,
    );
    main.webContents.windowOpenHandler?.({ url: 'javascript:alert(1)' });
    const event = { url: 'https://phish.example/', preventDefault: vi.fn() };
    main.webContents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(state.openedExternally).toHaveLength(2));
    expect(state.openedExternally).toEqual(['https://www.linkedin.com/in/ada', 'https://phish.example/']);
  });
});

describe('clearing local data (sign-out with removal, remote wipe)', () => {
  it('closes pipelines, clears storage, tokens and window state, answers, then reloads the main window', async () => {
    const main = await startReadyShell();
    main.webContents.finishLoad(APP_PAGE);
    await invoke(main.webContents, 'shortlist:openPipelineWindow', 'job-1');
    const pipeline = FakeBrowserWindow.created[1];
    await invoke(main.webContents, 'shortlist:setPlaintextTokenOptIn', true);
    await invoke(main.webContents, 'shortlist:saveRefreshToken', 'token-1');
    pipeline?.close();
    await vi.waitFor(() => expect(readdirSync(userData)).toContain('window-state.json'));
    expect(readdirSync(userData).sort()).toEqual([
      'refresh-token.json',
      'token-settings.json',
      'window-state.json',
    ]);
    await invoke(main.webContents, 'shortlist:openPipelineWindow', 'job-1');

    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      await expect(invoke(main.webContents, 'shortlist:clearLocalData')).resolves.toBeUndefined();
      expect(FakeBrowserWindow.created[2]?.isDestroyed()).toBe(true);
      expect(state.sessionCalls).toEqual(['clearStorageData', 'clearCache', 'clearAuthCache']);
      expect(main.loadedUrls).toEqual([APP_PAGE]);
      vi.runAllTimers();
      expect(main.loadedUrls).toEqual([APP_PAGE, APP_PAGE]);
    } finally {
      vi.useRealTimers();
    }
    await vi.waitFor(() => expect(readdirSync(userData)).toEqual([]));
    await expect(invoke(main.webContents, 'shortlist:loadRefreshToken')).resolves.toBeNull();
  });

  it('refuses a wipe requested by a page that is not the app', async () => {
    const main = await startReadyShell();
    main.webContents.finishLoad('https://evil.example/');
    await expect(invoke(main.webContents, 'shortlist:clearLocalData')).rejects.toThrow(/not a trusted/);
    expect(state.sessionCalls).toEqual([]);
  });
});
