/**
 * A stand-in for the `electron` module in main-process tests (the one sanctioned mock, STYLE.md):
 * Electron cannot run on the development machines. It records what the code under test asks of
 * Electron (windows and their options, IPC handlers, app events) and lets tests emit events.
 * Use with `vi.mock('electron', async () => (await import('./test-support/fake-electron')).fakeElectronModule())`.
 */
type Listener = (...args: never[]) => unknown;

/** A minimal event emitter that can also emit (tests call `emit`). */
export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped = (...args: never[]): unknown => {
      this.off(event, wrapped);
      return listener(...args);
    };
    return this.on(event, wrapped);
  }

  off(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((candidate) => candidate !== listener),
    );
    return this;
  }

  emit(event: string, ...args: unknown[]): boolean {
    const listeners = this.listeners.get(event) ?? [];
    for (const listener of listeners) (listener as (...args: unknown[]) => unknown)(...args);
    return listeners.length > 0;
  }

  listenerCount(event: string): number {
    return (this.listeners.get(event) ?? []).length;
  }
}

let nextWebContentsId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame = { url: '', parent: null };
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  loading = true;

  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
  isLoading(): boolean {
    return this.loading;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  /** Test helper: the page finished loading `url`. */
  finishLoad(url: string): void {
    this.mainFrame.url = url;
    this.loading = false;
    this.emit('did-finish-load');
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  destroyed = false;
  minimized = false;
  maximized = false;
  focused = 0;

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
    state.app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  maximize(): void {
    this.maximized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  show(): void {}
  focus(): void {
    this.focused += 1;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 40, y: 50, width: 1000, height: 700 };
  }
  close(): void {
    this.emit('close', { preventDefault: () => undefined });
    this.destroyed = true;
    this.emit('closed');
  }
}

export class FakeApp extends FakeEmitter {
  isPackaged = false;
  hasSingleInstanceLock = true;
  userData = '/tmp/shortlist-fake-user-data';
  readonly calls: string[] = [];
  private resolveReady: (() => void) | null = null;
  private readonly ready = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });

  requestSingleInstanceLock(): boolean {
    return this.hasSingleInstanceLock;
  }
  enableSandbox(): void {
    this.calls.push('enableSandbox');
  }
  quit(): void {
    this.calls.push('quit');
  }
  exit(code: number): void {
    this.calls.push(`exit:${code}`);
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`unexpected path ${name}`);
    return this.userData;
  }
  setAsDefaultProtocolClient(protocol: string): boolean {
    this.calls.push(`protocol-client:${protocol}`);
    return true;
  }
  /** Test helper: the app became ready. */
  becomeReady(): void {
    this.resolveReady?.();
  }
}

interface FakeState {
  app: FakeApp;
  privilegedSchemes: unknown[];
  ipcHandlers: Map<string, (event: unknown, ...args: unknown[]) => unknown>;
  protocolHandlers: Map<string, (request: Request) => Promise<Response> | Response>;
  permissionRequestHandler: unknown;
  permissionCheckHandler: unknown;
  sessionCalls: string[];
  openedExternally: string[];
  menuTemplates: unknown[];
  notifications: { options: unknown; shown: boolean; emitter: FakeEmitter }[];
}

function freshState(): FakeState {
  return {
    app: new FakeApp(),
    privilegedSchemes: [],
    ipcHandlers: new Map(),
    protocolHandlers: new Map(),
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    sessionCalls: [],
    openedExternally: [],
    menuTemplates: [],
    notifications: [],
  };
}

/** What the fake recorded; reset with {@link resetFakeElectron}. */
export let state: FakeState = freshState();

/** Forgets everything recorded (call in `beforeEach`). */
export function resetFakeElectron(): void {
  state = freshState();
  FakeBrowserWindow.created = [];
}

class FakeNotification extends FakeEmitter {
  static isSupported(): boolean {
    return true;
  }
  private readonly record: { options: unknown; shown: boolean; emitter: FakeEmitter };
  constructor(options: unknown) {
    super();
    this.record = { options, shown: false, emitter: this };
    state.notifications.push(this.record);
  }
  show(): void {
    this.record.shown = true;
  }
}

/** The module object `vi.mock('electron', …)` returns. Members read `state` lazily, so resets apply. */
export function fakeElectronModule(): Record<string, unknown> {
  return {
    get app() {
      return state.app;
    },
    BrowserWindow: FakeBrowserWindow,
    Notification: FakeNotification,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void state.privilegedSchemes.push(...schemes),
    },
    session: {
      get defaultSession() {
        return {
          protocol: {
            handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
              void state.protocolHandlers.set(scheme, handler),
          },
          setPermissionRequestHandler: (handler: unknown) => void (state.permissionRequestHandler = handler),
          setPermissionCheckHandler: (handler: unknown) => void (state.permissionCheckHandler = handler),
          clearStorageData: () => (state.sessionCalls.push('clearStorageData'), Promise.resolve()),
          clearCache: () => (state.sessionCalls.push('clearCache'), Promise.resolve()),
          clearAuthCache: () => (state.sessionCalls.push('clearAuthCache'), Promise.resolve()),
        };
      },
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) =>
        void state.ipcHandlers.set(channel, handler),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => void state.menuTemplates.push(menu),
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: (plain: string) => Buffer.from(plain),
      decryptString: (encrypted: Buffer) => encrypted.toString(),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: (url: string) => (state.openedExternally.push(url), Promise.resolve()) },
  };
}
