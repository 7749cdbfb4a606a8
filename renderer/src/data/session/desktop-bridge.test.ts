import { afterEach, describe, expect, it } from 'vitest';
import type { DesktopBridge } from '#shared/bridge/desktop-bridge';
import { desktopTokenStore } from './desktop-bridge';
import type { StoredSession, TokenStore } from './session-types';

function memoryStore(): TokenStore & { value: StoredSession | null } {
  return {
    value: null,
    load() {
      return Promise.resolve(this.value);
    },
    save(session) {
      this.value = session;
      return Promise.resolve();
    },
    clear() {
      this.value = null;
      return Promise.resolve();
    },
  };
}

function fakeBridge(): Pick<DesktopBridge, 'loadRefreshToken' | 'saveRefreshToken' | 'clearRefreshToken'> & { token: string | null } {
  return {
    token: null,
    loadRefreshToken() {
      return Promise.resolve(this.token);
    },
    saveRefreshToken(token) {
      this.token = token;
      return Promise.resolve();
    },
    clearRefreshToken() {
      this.token = null;
      return Promise.resolve();
    },
  };
}

const session: StoredSession = {
  serverUrl: 'http://127.0.0.1:4000',
  user: { id: 'u1', email: 'recruiter1@example.com', name: 'Rita', role: 'recruiter' },
  refreshToken: 'secret-refresh-token',
};

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'window');
});

describe('the desktop token store', () => {
  it('is absent in a browser', () => {
    expect(desktopTokenStore(memoryStore())).toBeUndefined();
  });

  it('keeps the refresh token in the shell’s keychain and only who and where locally', async () => {
    const local = memoryStore();
    const bridge = fakeBridge();
    Reflect.set(globalThis, 'window', { shortlist: bridge });
    const store = desktopTokenStore(local);
    await store?.save(session);
    expect(local.value).toEqual({ ...session, refreshToken: null });
    expect(bridge.token).toBe('secret-refresh-token');
    expect(await store?.load()).toEqual(session);
    bridge.token = null; // a restart where the shell could only keep it in memory
    expect(await store?.load()).toEqual({ ...session, refreshToken: null });
    await store?.clear();
    expect(local.value).toBeNull();
  });

  it('keeps a new refresh token before anything else, so a reload mid-save cannot lose it', async () => {
    const local = memoryStore();
    const bridge = fakeBridge();
    bridge.token = 'spent-refresh-token';
    // The local record's write never completes: the window was reloaded during it.
    local.save = () => new Promise<void>(() => undefined);
    Reflect.set(globalThis, 'window', { shortlist: bridge });
    void desktopTokenStore(local)?.save({ ...session, refreshToken: 'rotated-refresh-token' });
    await Promise.resolve();
    expect(bridge.token).toBe('rotated-refresh-token');
  });
});
