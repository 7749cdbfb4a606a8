import type { DesktopBridge, DesktopNotification, TokenStoragePolicy } from '#shared/bridge/desktop-bridge';
import { safeExternalUrl } from './external-links';
import {
  expectArgumentCount,
  InvalidIpcArgumentError,
  parseBoolean,
  parseJobId,
  parseNotification,
  parseRefreshToken,
} from './ipc-arguments';
import { ipcChannel, type BridgeInvokeMethod } from '#shared/bridge/ipc-channels';
import { isTrustedSender, type IpcSenderEvent } from './ipc-sender';

/** Every invoke method, so registration and tests cover the whole bridge. */
export const BRIDGE_INVOKE_METHODS = [
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
] as const satisfies readonly BridgeInvokeMethod[];

/** What the handlers act on (the real objects in the app, fakes in tests). */
export interface IpcServices {
  readonly serverUrl: string;
  readonly trustedOrigins: readonly string[];
  isOwnWebContents(webContentsId: number): boolean;
  readonly tokens: {
    load(): Promise<string | null>;
    save(token: string): Promise<void>;
    clear(): Promise<void>;
    policy(): Promise<TokenStoragePolicy>;
    setPlaintextOptIn(optIn: boolean): Promise<TokenStoragePolicy>;
  };
  openPipelineWindow(jobId: string): void;
  notify(notification: DesktopNotification): void;
  openExternal(url: string): Promise<void>;
  clearLocalData(): Promise<void>;
}

/** The part of Electron's `ipcMain` used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => unknown): void;
}

type Handler<K extends BridgeInvokeMethod> = (
  args: readonly unknown[],
) => Promise<Awaited<ReturnType<DesktopBridge[K]>>>;

/**
 * The handler of each bridge function: validates every argument (count, type, shape) before acting.
 * Typed against `DesktopBridge`, so a handler cannot return something the renderer does not expect.
 */
export function createBridgeHandlers(services: IpcServices): { [K in BridgeInvokeMethod]: Handler<K> } {
  const noArguments = (method: BridgeInvokeMethod, args: readonly unknown[]): void =>
    expectArgumentCount(ipcChannel(method), args, 0);
  const oneArgument = (method: BridgeInvokeMethod, args: readonly unknown[]): unknown => {
    expectArgumentCount(ipcChannel(method), args, 1);
    return args[0];
  };
  return {
    getDefaultServerUrl: (args) => {
      noArguments('getDefaultServerUrl', args);
      return Promise.resolve(services.serverUrl);
    },
    loadRefreshToken: (args) => {
      noArguments('loadRefreshToken', args);
      return services.tokens.load();
    },
    saveRefreshToken: (args) =>
      services.tokens.save(
        parseRefreshToken(ipcChannel('saveRefreshToken'), oneArgument('saveRefreshToken', args)),
      ),
    clearRefreshToken: (args) => {
      noArguments('clearRefreshToken', args);
      return services.tokens.clear();
    },
    getTokenStoragePolicy: (args) => {
      noArguments('getTokenStoragePolicy', args);
      return services.tokens.policy();
    },
    setPlaintextTokenOptIn: (args) =>
      services.tokens.setPlaintextOptIn(
        parseBoolean(ipcChannel('setPlaintextTokenOptIn'), oneArgument('setPlaintextTokenOptIn', args)),
      ),
    openPipelineWindow: (args) => {
      services.openPipelineWindow(
        parseJobId(ipcChannel('openPipelineWindow'), oneArgument('openPipelineWindow', args)),
      );
      return Promise.resolve();
    },
    notify: (args) => {
      services.notify(parseNotification(ipcChannel('notify'), oneArgument('notify', args)));
      return Promise.resolve();
    },
    openExternal: (args) => {
      const url = safeExternalUrl(oneArgument('openExternal', args));
      if (url === null)
        throw new InvalidIpcArgumentError(ipcChannel('openExternal'), 'only http(s) links may be opened');
      return services.openExternal(url);
    },
    clearLocalData: (args) => {
      noArguments('clearLocalData', args);
      return services.clearLocalData();
    },
  };
}

/** Thrown to the renderer when a message does not come from a trusted app page. */
export class UntrustedSenderError extends Error {
  constructor(channel: string) {
    super(`Refused ${channel}: the sender is not a trusted app page`);
    this.name = 'UntrustedSenderError';
  }
}

/**
 * Registers every bridge handler on `ipcMain`. Each call first checks its sender (top frame of an
 * app window on a trusted origin), then its arguments; a refused call rejects the renderer's promise.
 */
export function registerIpcHandlers(ipcMain: IpcMainLike, services: IpcServices): void {
  const handlers = createBridgeHandlers(services);
  for (const method of BRIDGE_INVOKE_METHODS) {
    const channel = ipcChannel(method);
    const handler: (args: readonly unknown[]) => Promise<unknown> = handlers[method];
    ipcMain.handle(channel, (event, ...args) => {
      if (!isTrustedSender(event, services.trustedOrigins, (id) => services.isOwnWebContents(id))) {
        return Promise.reject(new UntrustedSenderError(channel));
      }
      try {
        return handler(args);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }
}
