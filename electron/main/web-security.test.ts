import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';
import { safeExternalUrl } from './external-links';
import {
  decideNavigation,
  guardWebContents,
  hardenSession,
  isPermissionGranted,
  secureWebPreferences,
} from './web-security';

const TRUSTED = ['app://shortlist'];

describe('secure web preferences', () => {
  it('isolate, sandbox and keep Node out of every page', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });
});

describe('openExternal policy', () => {
  it.each(['https://example.com/', 'http://example.com/jobs?id=1', 'https://www.linkedin.com/in/someone'])(
    'opens %s',
    (url) => {
      expect(safeExternalUrl(url)).toBe(url);
    },
  );
  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://shortlist/app/',
    'shortlist://job/1',
    'mailto:a@b.c',
    'smb://host/share',
    'https://u:p@example.com/',
    '',
    42,
    null,
    'https://',
  ])('refuses %j', (url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });
});

describe('navigation guards', () => {
  it('allow app pages and deny everything else', () => {
    expect(decideNavigation('app://shortlist/app/jobs', TRUSTED)).toEqual({ kind: 'allow' });
    expect(decideNavigation('https://evil.example/', TRUSTED)).toEqual({
      kind: 'deny',
      openExternally: 'https://evil.example/',
    });
    expect(decideNavigation('file:///etc/passwd', TRUSTED)).toEqual({ kind: 'deny', openExternally: null });
    expect(decideNavigation('app://other/app/', TRUSTED)).toEqual({ kind: 'deny', openExternally: null });
  });

  function guarded(): {
    emit: (event: string, url: string) => { preventDefault: ReturnType<typeof vi.fn> };
    openWindow: (url: string) => unknown;
    effects: { openExternal: ReturnType<typeof vi.fn>; warn: ReturnType<typeof vi.fn> };
  } {
    const listeners = new Map<string, (event: { url: string; preventDefault(): void }) => void>();
    let windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
    const contents = {
      on: (event: string, listener: (event: { url: string; preventDefault(): void }) => void) =>
        listeners.set(event, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => {
        windowOpenHandler = handler;
      },
    };
    const effects = { openExternal: vi.fn(), warn: vi.fn() };
    guardWebContents(contents as unknown as Parameters<typeof guardWebContents>[0], TRUSTED, effects);
    return {
      effects,
      emit: (name, url) => {
        const event = { url, preventDefault: vi.fn() };
        listeners.get(name)?.(event);
        return event;
      },
      openWindow: (url) => windowOpenHandler?.({ url }),
    };
  }

  it('prevent navigating an app window away from the app, offering http(s) to the browser', () => {
    const { emit, effects } = guarded();
    expect(emit('will-navigate', 'app://shortlist/app/candidates').preventDefault).not.toHaveBeenCalled();
    expect(emit('will-navigate', 'https://evil.example/phish').preventDefault).toHaveBeenCalled();
    expect(emit('will-navigate', 'file:///etc/passwd').preventDefault).toHaveBeenCalled();
    expect(emit('will-redirect', 'http://127.0.0.1:4000/').preventDefault).toHaveBeenCalled();
    expect(effects.openExternal.mock.calls).toEqual([
      ['https://evil.example/phish'],
      ['http://127.0.0.1:4000/'],
    ]);
  });

  it('never open a new window; http(s) links go to the system browser', () => {
    const { openWindow, effects } = guarded();
    expect(openWindow('https://example.com/profile')).toEqual({ action: 'deny' });
    expect(openWindow('app://shortlist/app/jobs')).toEqual({ action: 'deny' });
    expect(openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(effects.openExternal.mock.calls).toEqual([['https://example.com/profile']]);
  });

  it('refuse <webview>', () => {
    const { emit } = guarded();
    expect(emit('will-attach-webview', '').preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('are denied by default', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'usb',
      'unknown',
    ]) {
      expect(isPermissionGranted(permission, 'app://shortlist/app/', TRUSTED)).toBe(false);
    }
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://shortlist/app/', TRUSTED)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/', TRUSTED)).toBe(false);
  });

  it('are decided by the handlers installed on the session', () => {
    const handlers: { request?: (...args: unknown[]) => void; check?: (...args: unknown[]) => boolean } = {};
    const session = {
      setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => {
        handlers.request = handler;
      },
      setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => {
        handlers.check = handler;
      },
    };
    hardenSession(session, TRUSTED);
    const webContents = { getURL: () => 'app://shortlist/app/' };
    const request = (permission: string, details: object): boolean => {
      let granted: boolean | null = null;
      handlers.request?.(webContents, permission, (answer: boolean) => (granted = answer), details);
      return granted === true;
    };
    expect(request('media', { requestingUrl: 'app://shortlist/app/', isMainFrame: true })).toBe(false);
    expect(
      request('clipboard-sanitized-write', { requestingUrl: 'app://shortlist/app/', isMainFrame: true }),
    ).toBe(true);
    expect(
      request('clipboard-sanitized-write', { requestingUrl: 'app://shortlist/app/', isMainFrame: false }),
    ).toBe(false);
    expect(
      handlers.check?.(webContents, 'geolocation', 'app://shortlist', {
        requestingUrl: 'app://shortlist/app/',
        isMainFrame: true,
      }),
    ).toBe(false);
    expect(handlers.check?.(null, 'persistent-storage', 'app://shortlist', { isMainFrame: true })).toBe(true);
  });
});

describe('Content-Security-Policy', () => {
  it('allows scripts from the app only and connections to the sync server', () => {
    const csp = contentSecurityPolicy(['http://127.0.0.1:4000/', 'https://sync.example.com/api']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:4000 https://sync.example.com");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('refuses a sync server that is not http(s)', () => {
    expect(() => contentSecurityPolicy(['ftp://x'])).toThrow(/http/);
  });
});
