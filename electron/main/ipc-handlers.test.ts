import { describe, expect, it, vi } from 'vitest';
import type { TokenStoragePolicy } from '#shared/bridge/desktop-bridge';
import { ipcChannel } from '#shared/bridge/ipc-channels';
import { BRIDGE_INVOKE_METHODS, registerIpcHandlers, type IpcServices } from './ipc-handlers';
import type { IpcSenderEvent } from './ipc-sender';

const APP = 'app://shortlist';

function fakeServices(): IpcServices & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    serverUrl: 'http://127.0.0.1:4000',
    trustedOrigins: [APP],
    isOwnWebContents: (id) => id === 1,
    tokens: {
      load: () => Promise.resolve('stored-token'),
      save: (token) => (calls.push(`save:${token}`), Promise.resolve()),
      clear: () => (calls.push('clear'), Promise.resolve()),
      policy: () => Promise.resolve<TokenStoragePolicy>('encrypted'),
      setPlaintextOptIn: (optIn) => (
        calls.push(`optIn:${optIn}`),
        Promise.resolve<TokenStoragePolicy>(optIn ? 'plaintext' : 'memory')
      ),
    },
    openPipelineWindow: (jobId) => void calls.push(`pipeline:${jobId}`),
    notify: (notification) => void calls.push(`notify:${JSON.stringify(notification)}`),
    openExternal: (url) => (calls.push(`external:${url}`), Promise.resolve()),
    clearLocalData: () => (calls.push('wipe'), Promise.resolve()),
  };
}

type Listener = (event: IpcSenderEvent, ...args: unknown[]) => unknown;

function setUp(): {
  services: ReturnType<typeof fakeServices>;
  call: (channel: string, event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>;
} {
  const services = fakeServices();
  const listeners = new Map<string, Listener>();
  registerIpcHandlers({ handle: (channel, listener) => void listeners.set(channel, listener) }, services);
  return {
    services,
    call: async (channel, event, ...args) => {
      const listener = listeners.get(channel);
      if (!listener) throw new Error(`no handler for ${channel}`);
      return await listener(event, ...args);
    },
  };
}

/** An event from the top frame of web contents `id` showing `url`. */
function eventFrom(
  url: string,
  options: { id?: number; isSubFrame?: boolean; isDestroyed?: boolean } = {},
): IpcSenderEvent {
  const mainFrame = { url, parent: null };
  const frame = options.isSubFrame ? { url, parent: mainFrame } : mainFrame;
  return { sender: { id: options.id ?? 1, mainFrame }, senderFrame: options.isDestroyed ? null : frame };
}

const trusted = eventFrom(`${APP}/app/jobs`);

describe('IPC channels', () => {
  it('follow the shortlist:<method> convention the preload uses, for every bridge function', () => {
    expect(BRIDGE_INVOKE_METHODS.map(ipcChannel)).toEqual([
      'shortlist:getDefaultServerUrl',
      'shortlist:loadRefreshToken',
      'shortlist:saveRefreshToken',
      'shortlist:clearRefreshToken',
      'shortlist:getTokenStoragePolicy',
      'shortlist:setPlaintextTokenOptIn',
      'shortlist:openPipelineWindow',
      'shortlist:notify',
      'shortlist:openExternal',
      'shortlist:clearLocalData',
    ]);
  });
});

describe('IPC sender validation', () => {
  const untrusted: [string, IpcSenderEvent][] = [
    ['an iframe of an app page', eventFrom(`${APP}/app/`, { isSubFrame: true })],
    ['a destroyed or navigated frame', eventFrom(`${APP}/app/`, { isDestroyed: true })],
    ['a web page', eventFrom('https://evil.example/')],
    ['a local file', eventFrom('file:///etc/passwd')],
    ['another app:// host', eventFrom('app://evil/app/')],
    ['app:// with credentials', eventFrom('app://x@shortlist/app/')],
    ['a data: URL', eventFrom('data:text/html,<script>1</script>')],
    ['web contents the app did not create', eventFrom(`${APP}/app/`, { id: 99 })],
    [
      'a frame that is not the sender’s main frame',
      { sender: { id: 1, mainFrame: {} }, senderFrame: { url: `${APP}/app/`, parent: null } },
    ],
  ];

  it.each(
    BRIDGE_INVOKE_METHODS.flatMap((method) =>
      untrusted.map(([label, event]) => [method, label, event] as const),
    ),
  )('%s refuses %s', async (method, _label, event) => {
    const { services, call } = setUp();
    await expect(call(ipcChannel(method), event, 'job-1')).rejects.toThrow(/not a trusted app page/);
    expect(services.calls).toEqual([]);
  });

  it('accepts the top frame of an app window', async () => {
    const { call } = setUp();
    await expect(call(ipcChannel('getDefaultServerUrl'), trusted)).resolves.toBe('http://127.0.0.1:4000');
  });
});

describe('IPC argument validation', () => {
  it.each([
    ['getDefaultServerUrl', [], 'http://127.0.0.1:4000', []],
    ['loadRefreshToken', [], 'stored-token', []],
    ['saveRefreshToken', ['r3fresh.T0ken_-~'], undefined, ['save:r3fresh.T0ken_-~']],
    ['clearRefreshToken', [], undefined, ['clear']],
    ['getTokenStoragePolicy', [], 'encrypted', []],
    ['setPlaintextTokenOptIn', [true], 'plaintext', ['optIn:true']],
    ['setPlaintextTokenOptIn', [false], 'memory', ['optIn:false']],
    ['openPipelineWindow', ['job_1-A'], undefined, ['pipeline:job_1-A']],
    [
      'notify',
      [{ title: 'Interview soon', body: 'In 10 minutes' }],
      undefined,
      ['notify:{"title":"Interview soon","body":"In 10 minutes"}'],
    ],
    [
      'notify',
      [{ title: 'T', body: '', route: '/interviews/int-1' }],
      undefined,
      ['notify:{"title":"T","body":"","route":"/interviews/int-1"}'],
    ],
    ['openExternal', ['https://example.com/a?b=1'], undefined, ['external:https://example.com/a?b=1']],
    ['openExternal', ['http://example.com'], undefined, ['external:http://example.com/']],
    ['clearLocalData', [], undefined, ['wipe']],
  ] as const)('%s(%j) is accepted', async (method, args, result, calls) => {
    const { services, call } = setUp();
    await expect(call(ipcChannel(method), trusted, ...args)).resolves.toEqual(result);
    expect(services.calls).toEqual(calls);
  });

  const longString = 'x'.repeat(5000);
  it.each([
    ['getDefaultServerUrl', ['extra']],
    ['loadRefreshToken', [1]],
    ['clearRefreshToken', ['x']],
    ['getTokenStoragePolicy', [null]],
    ['clearLocalData', [true]],
    ['saveRefreshToken', []],
    ['saveRefreshToken', [42]],
    ['saveRefreshToken', ['']],
    ['saveRefreshToken', ['has space']],
    ['saveRefreshToken', ['line\nbreak']],
    ['saveRefreshToken', [longString]],
    ['saveRefreshToken', [{ toString: () => 'x' }]],
    ['saveRefreshToken', ['a', 'b']],
    ['setPlaintextTokenOptIn', ['true']],
    ['setPlaintextTokenOptIn', [1]],
    ['setPlaintextTokenOptIn', []],
    ['openPipelineWindow', ['../etc']],
    ['openPipelineWindow', ['job/1']],
    ['openPipelineWindow', ['']],
    ['openPipelineWindow', ['a'.repeat(65)]],
    ['openPipelineWindow', [7]],
    ['openPipelineWindow', [['job-1']]],
    ['notify', ['hello']],
    ['notify', [null]],
    ['notify', [[]]],
    ['notify', [{ title: '', body: 'b' }]],
    ['notify', [{ title: '   ', body: 'b' }]],
    ['notify', [{ title: 'x'.repeat(201), body: 'b' }]],
    ['notify', [{ title: 't', body: 'x'.repeat(1001) }]],
    ['notify', [{ title: 't' }]],
    ['notify', [{ title: 't', body: 1 }]],
    ['notify', [{ title: 't', body: 'b', route: 'https://evil.example' }]],
    ['notify', [{ title: 't', body: 'b', route: '//evil.example/x' }]],
    ['notify', [{ title: 't', body: 'b', route: '/jobs/../admin' }]],
    ['notify', [{ title: 't', body: 'b', route: '/jobs?x=1' }]],
    ['notify', [{ title: 't', body: 'b', route: 5 }]],
    ['notify', [{ title: 't', body: 'b', icon: '/etc/passwd' }]],
    ['notify', [Object.assign(Object.create({ inherited: true }) as object, { title: 't', body: 'b' })]],
    ['openExternal', ['file:///etc/passwd']],
    ['openExternal', ['javascript:alert(1)']],
    ['openExternal', ['smb://server/share']],
    ['openExternal', ['ms-msdt:/id PCWDiagnostic']],
    ['openExternal', ['shortlist://job/1']],
    ['openExternal', ['https://user:pass@example.com/']],
    ['openExternal', ['not a url']],
    ['openExternal', [`https://example.com/${longString}`]],
    ['openExternal', [{ href: 'https://example.com' }]],
    ['openExternal', []],
  ] as const)('%s(%j) is refused', async (method, args) => {
    const { services, call } = setUp();
    await expect(call(ipcChannel(method), trusted, ...args)).rejects.toThrow(/Refused shortlist:/);
    expect(services.calls).toEqual([]);
  });

  it('does not pass failures of the services off as validation errors', async () => {
    const { services, call } = setUp();
    services.tokens.load = vi.fn(() => Promise.reject(new Error('disk full')));
    await expect(call(ipcChannel('loadRefreshToken'), trusted)).rejects.toThrow('disk full');
  });
});
