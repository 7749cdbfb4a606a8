import type { MenuItemConstructorOptions } from 'electron';

/** What the menu's own items do. */
export interface MenuActions {
  /** Shows (or focuses) the main window. */
  showMainWindow(): void;
  /** Opens a link in the system browser (http(s) only). */
  openExternal(url: string): void;
}

/** Options that change the menu. */
export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  /** Developer tools and forced reload only in an unpackaged (development) app. */
  readonly isPackaged: boolean;
  readonly serverUrl: string;
}

/**
 * The application menu: the platform's usual items and shortcuts (app menu on macOS; File, Edit,
 * View, Window, Help), built from roles so the OS conventions apply (undo, copy and paste,
 * zoom, full screen, minimise, close, quit).
 */
export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      role: 'appMenu',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'Show Main Window', accelerator: 'CmdOrCtrl+0', click: () => actions.showMainWindow() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        ...(options.isPackaged
          ? []
          : ([{ role: 'forceReload' }, { role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[])),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'windowMenu',
      submenu: isMac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'close' }],
    },
    {
      role: 'help',
      submenu: [
        {
          label: 'Sync Server API Documentation',
          click: () => actions.openExternal(new URL('/docs', options.serverUrl).href),
        },
      ],
    },
  );
  return template;
}
