import { describe, expect, it, vi } from 'vitest';
import { LOCAL_STORAGES, performRemoteWipe, type LocalDataDeps } from './local-data';

function fakeDeps(): LocalDataDeps & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    session: {
      clearStorageData: (options) => (
        log.push(`storage:${options?.storages?.join(',') ?? 'all'}`),
        Promise.resolve()
      ),
      clearCache: () => (log.push('cache'), Promise.resolve()),
      clearAuthCache: () => (log.push('auth-cache'), Promise.resolve()),
    },
    tokenStore: { wipe: () => (log.push('tokens'), Promise.resolve()) },
    windowState: { clear: () => (log.push('window-state'), Promise.resolve()) },
    windows: {
      closePipelines: () => void log.push('close-pipelines'),
      reloadMain: () => void log.push('reload-main'),
    },
  };
}

describe('remote wipe', () => {
  it('closes pipeline windows, removes databases, caches, tokens and window state, then reloads', async () => {
    const deps = fakeDeps();
    await performRemoteWipe(deps);
    expect(deps.log).toEqual([
      'close-pipelines',
      'tokens',
      `storage:${LOCAL_STORAGES.join(',')}`,
      'cache',
      'auth-cache',
      'window-state',
      'reload-main',
    ]);
    expect(LOCAL_STORAGES).toContain('indexdb');
    expect(LOCAL_STORAGES).toContain('localstorage');
  });

  it('answers the renderer before reloading its page when called over IPC', async () => {
    vi.useFakeTimers();
    try {
      const deps = fakeDeps();
      await performRemoteWipe(deps, { reload: 'after-reply' });
      expect(deps.log).not.toContain('reload-main');
      vi.runAllTimers();
      expect(deps.log.at(-1)).toBe('reload-main');
    } finally {
      vi.useRealTimers();
    }
  });

  it('still removes everything else when one step fails, and reports the failure', async () => {
    const deps = fakeDeps();
    deps.session.clearStorageData = () => Promise.reject(new Error('profile locked'));
    await expect(performRemoteWipe(deps)).rejects.toThrow('profile locked');
    expect(deps.log).toEqual([
      'close-pipelines',
      'tokens',
      'cache',
      'auth-cache',
      'window-state',
      'reload-main',
    ]);
  });
});
