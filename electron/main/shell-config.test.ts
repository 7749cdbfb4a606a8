import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from './app-menu';
import { DEFAULT_SERVER_URL, loadShellConfig, rendererUrl } from './shell-config';

const bundleDir = path.resolve('/opt/shortlist/resources/app.asar/dist/electron');

describe('shell configuration', () => {
  it('serves the renderer build next to the bundle and talks to the local server by default', () => {
    const config = loadShellConfig({}, { isPackaged: true, bundleDir });
    expect(config).toEqual({
      rendererDir: path.resolve('/opt/shortlist/resources/app.asar/renderer/dist'),
      preloadPath: path.join(bundleDir, 'preload.cjs'),
      serverUrl: DEFAULT_SERVER_URL,
      devServerUrl: null,
      trustedOrigins: ['app://shortlist'],
    });
    expect(rendererUrl(config, '/jobs/j-1/pipeline')).toBe('app://shortlist/app/jobs/j-1/pipeline');
  });

  it('takes the sync server from SHORTLIST_SERVER_URL, http(s) only', () => {
    expect(
      loadShellConfig(
        { SHORTLIST_SERVER_URL: 'https://sync.example.com/base' },
        { isPackaged: true, bundleDir },
      ).serverUrl,
    ).toBe('https://sync.example.com');
    expect(
      loadShellConfig({ SHORTLIST_SERVER_URL: 'file:///etc' }, { isPackaged: true, bundleDir }).serverUrl,
    ).toBe(DEFAULT_SERVER_URL);
  });

  it('honours the dev server and renderer overrides only in an unpackaged app, and only on loopback', () => {
    const env = { SHORTLIST_DEV_SERVER_URL: 'http://localhost:5173/', SHORTLIST_RENDERER_DIR: '/tmp/other' };
    const dev = loadShellConfig(env, { isPackaged: false, bundleDir });
    expect(dev.devServerUrl).toBe('http://localhost:5173');
    expect(dev.trustedOrigins).toEqual(['app://shortlist', 'http://localhost:5173']);
    expect(dev.rendererDir).toBe(path.resolve('/tmp/other'));
    expect(rendererUrl(dev, '/')).toBe('http://localhost:5173/app/');

    const packaged = loadShellConfig(env, { isPackaged: true, bundleDir });
    expect(packaged.devServerUrl).toBeNull();
    expect(packaged.trustedOrigins).toEqual(['app://shortlist']);
    expect(packaged.rendererDir).not.toBe(path.resolve('/tmp/other'));

    expect(
      loadShellConfig(
        { SHORTLIST_DEV_SERVER_URL: 'http://evil.example:5173' },
        { isPackaged: false, bundleDir },
      ).devServerUrl,
    ).toBeNull();
    expect(
      loadShellConfig(
        { SHORTLIST_DEV_SERVER_URL: 'https://localhost:5173' },
        { isPackaged: false, bundleDir },
      ).devServerUrl,
    ).toBeNull();
  });
});

describe('the application menu', () => {
  const actions = { showMainWindow: () => undefined, openExternal: () => undefined };
  const roles = (template: MenuItemConstructorOptions[]): string[] =>
    template
      .flatMap((item) => [item.role ?? '', ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])])
      .filter(Boolean);

  it('has the usual items, with the app menu on macOS', () => {
    const mac = roles(
      buildMenuTemplate({ platform: 'darwin', isPackaged: true, serverUrl: DEFAULT_SERVER_URL }, actions),
    );
    expect(mac).toEqual(
      expect.arrayContaining([
        'appMenu',
        'quit',
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'reload',
        'zoomIn',
        'togglefullscreen',
        'minimize',
        'close',
      ]),
    );
    const linux = roles(
      buildMenuTemplate({ platform: 'linux', isPackaged: true, serverUrl: DEFAULT_SERVER_URL }, actions),
    );
    expect(linux).not.toContain('appMenu');
    expect(linux).toContain('quit');
  });

  it('offers developer tools only in development', () => {
    expect(
      roles(
        buildMenuTemplate({ platform: 'linux', isPackaged: true, serverUrl: DEFAULT_SERVER_URL }, actions),
      ),
    ).not.toContain('toggleDevTools');
    expect(
      roles(
        buildMenuTemplate({ platform: 'linux', isPackaged: false, serverUrl: DEFAULT_SERVER_URL }, actions),
      ),
    ).toContain('toggleDevTools');
  });
});
