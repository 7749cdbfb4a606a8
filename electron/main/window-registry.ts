import { pipelineWindowRoute } from '#shared/bridge/desktop-bridge';
/** The part of a `BrowserWindow` the registry uses. */
export interface RegistryWindow {
  readonly webContents: { readonly id: number };
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  close(): void;
  once(event: 'closed', listener: () => void): unknown;
}

/** Creates a window showing an in-app route (`/` for the main window). */
export type WindowFactory<W extends RegistryWindow> = (kind: 'main' | 'pipeline', route: string) => W;

/**
 * The app's windows: one main window and at most one pipeline window per job. Opening a job's
 * pipeline again focuses the window already showing it. Closed windows leave the registry.
 */
export class WindowRegistry<W extends RegistryWindow> {
  private mainWindow: W | null = null;
  private readonly pipelines = new Map<string, W>();

  constructor(private readonly createWindow: WindowFactory<W>) {}

  /** The main window, if open. */
  main(): W | null {
    return this.mainWindow && !this.mainWindow.isDestroyed() ? this.mainWindow : null;
  }

  /** Shows (creating it if needed) and focuses the main window. */
  showMain(): W {
    const existing = this.main();
    if (existing) {
      focusWindow(existing);
      return existing;
    }
    const created = this.createWindow('main', '/');
    this.mainWindow = created;
    created.once('closed', () => {
      if (this.mainWindow === created) this.mainWindow = null;
    });
    return created;
  }

  /** Opens the pipeline window of `jobId`, or focuses it if it is already open. `jobId` is validated by the caller. */
  openPipeline(jobId: string): W {
    const existing = this.pipelines.get(jobId);
    if (existing && !existing.isDestroyed()) {
      focusWindow(existing);
      return existing;
    }
    const created = this.createWindow('pipeline', pipelineWindowRoute(jobId));
    this.pipelines.set(jobId, created);
    created.once('closed', () => {
      if (this.pipelines.get(jobId) === created) this.pipelines.delete(jobId);
    });
    return created;
  }

  /** The jobs whose pipeline windows are open. */
  openPipelineJobIds(): string[] {
    return [...this.pipelines.entries()]
      .filter(([, window]) => !window.isDestroyed())
      .map(([jobId]) => jobId);
  }

  /** Every open window. */
  all(): W[] {
    const main = this.main();
    const pipelines = [...this.pipelines.values()].filter((window) => !window.isDestroyed());
    return main ? [main, ...pipelines] : pipelines;
  }

  /** Whether a web contents belongs to one of the app's windows (IPC sender check). */
  ownsWebContents(webContentsId: number): boolean {
    return this.all().some((window) => window.webContents.id === webContentsId);
  }

  /** Closes every pipeline window (before a remote wipe). */
  closePipelines(): void {
    for (const window of this.pipelines.values()) if (!window.isDestroyed()) window.close();
    this.pipelines.clear();
  }
}

function focusWindow(window: RegistryWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
