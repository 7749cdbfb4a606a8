import { BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron';
import path from 'node:path';
import { rendererUrl, type ShellConfig } from './shell-config';
import { secureWebPreferences, type GuardEffects } from './web-security';
import {
  DEFAULT_WINDOW_SIZE,
  fitToDisplays,
  MIN_WINDOW_HEIGHT,
  MIN_WINDOW_WIDTH,
  type WindowBounds,
  type WindowKind,
} from './window-state';

/** Where remembered window bounds come from and go to. */
export interface WindowStateAccess {
  /** The validated remembered bounds, read at start (window creation is synchronous). */
  remembered(kind: WindowKind): WindowBounds | null;
  remember(kind: WindowKind, bounds: WindowBounds): void;
}

/** What every window needs. */
export interface AppWindowDeps {
  readonly config: ShellConfig;
  readonly windowState: WindowStateAccess;
  readonly guardEffects: GuardEffects;
  /** The window icon on Linux and Windows (macOS uses the bundle's). */
  readonly iconPath: string | null;
}

/**
 * The constructor options of every app window. The web preferences are always those of
 * {@link secureWebPreferences}: nothing a caller passes can weaken them. Background throttling is
 * off: the window that leads replication keeps syncing while it is minimised or behind a pipeline
 * window, where Chromium would slow its timers to once a second or less.
 */
export function appWindowOptions(
  kind: WindowKind,
  deps: AppWindowDeps,
  bounds: WindowBounds | null,
): BrowserWindowConstructorOptions {
  const size = bounds ?? { ...DEFAULT_WINDOW_SIZE[kind] };
  return {
    ...size,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    title: kind === 'main' ? 'Shortlist' : 'Shortlist — Pipeline',
    show: false,
    backgroundColor: '#ffffff',
    ...(deps.iconPath ? { icon: deps.iconPath } : {}),
    webPreferences: {
      ...secureWebPreferences(path.resolve(deps.config.preloadPath)),
      backgroundThrottling: false,
    },
  };
}

/**
 * Creates a window of the given kind showing `route`: secure preferences (the navigation and
 * new-window guards are installed on every web contents by the shell's `web-contents-created`
 * handler), remembered bounds (when still on a display), shown once its first paint is ready, and its
 * bounds remembered when it closes.
 */
export function createAppWindow(kind: WindowKind, route: string, deps: AppWindowDeps): BrowserWindow {
  const remembered = deps.windowState.remembered(kind);
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const bounds = remembered ? fitToDisplays(remembered, workAreas) : null;
  const window = new BrowserWindow(appWindowOptions(kind, deps, bounds));
  if (bounds?.isMaximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const { x, y, width, height } = window.getNormalBounds();
    deps.windowState.remember(kind, { x, y, width, height, isMaximized: window.isMaximized() });
  });
  void window.loadURL(rendererUrl(deps.config, route)).catch((error: unknown) => {
    deps.guardEffects.warn(
      `Could not load ${route}: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  return window;
}
