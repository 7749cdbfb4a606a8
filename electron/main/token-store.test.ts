import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decideTokenPolicy, TokenStore, type SafeStorageLike } from './token-store';

/** A stand-in for safeStorage: reversible "encryption" that is visibly not plain text. */
function fakeSafeStorage(options: {
  available: boolean;
  backend: string;
}): SafeStorageLike & { key: string } {
  const fake = {
    key: 'k1',
    isEncryptionAvailable: () => options.available,
    getSelectedStorageBackend: () => options.backend,
    encryptString: (plain: string) => Buffer.from(`${fake.key}:${Buffer.from(plain).toString('hex')}`),
    decryptString: (encrypted: Buffer) => {
      const [key, hex] = encrypted.toString().split(':');
      if (key !== fake.key || hex === undefined)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(hex, 'hex').toString();
    },
  };
  return fake;
}

describe('token storage policy', () => {
  it.each([
    ['darwin', true, null, false, 'encrypted'],
    ['win32', true, null, false, 'encrypted'],
    ['linux', true, 'gnome_libsecret', false, 'encrypted'],
    ['linux', true, 'kwallet5', false, 'encrypted'],
    ['linux', true, 'basic_text', false, 'memory'],
    ['linux', true, 'basic_text', true, 'plaintext'],
    ['linux', false, 'unknown', false, 'memory'],
    ['linux', false, 'unknown', true, 'plaintext'],
    ['win32', false, null, false, 'memory'],
    ['darwin', true, null, true, 'encrypted'],
  ] as const)(
    '%s, encryption %s, backend %s, opt-in %s → %s',
    (platform, isEncryptionAvailable, linuxBackend, hasPlaintextOptIn, policy) => {
      expect(decideTokenPolicy({ platform, isEncryptionAvailable, linuxBackend, hasPlaintextOptIn })).toBe(
        policy,
      );
    },
  );
});

describe('the token store', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'shortlist-tokens-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));
  const tokenFile = (): string => path.join(directory, 'refresh-token.json');

  it('keeps the token encrypted on disk with a keychain, readable by a later run, owner-only', async () => {
    const safeStorage = fakeSafeStorage({ available: true, backend: 'gnome_libsecret' });
    await new TokenStore(directory, safeStorage, 'linux').save('secret-refresh-token');
    const onDisk = readFileSync(tokenFile(), 'utf8');
    expect(onDisk).not.toContain('secret-refresh-token');
    expect(JSON.parse(onDisk)).toMatchObject({ version: 1, encoding: 'safeStorage' });
    if (process.platform !== 'win32') expect(statSync(tokenFile()).mode & 0o077).toBe(0);
    const nextRun = new TokenStore(directory, safeStorage, 'linux');
    expect(await nextRun.policy()).toBe('encrypted');
    expect(await nextRun.load()).toBe('secret-refresh-token');
    await nextRun.clear();
    expect(existsSync(tokenFile())).toBe(false);
    expect(await nextRun.load()).toBeNull();
  });

  it('keeps the token in memory only with the basic_text backend, and tells', async () => {
    const safeStorage = fakeSafeStorage({ available: true, backend: 'basic_text' });
    const store = new TokenStore(directory, safeStorage, 'linux');
    expect(await store.policy()).toBe('memory');
    await store.save('secret-refresh-token');
    expect(existsSync(tokenFile())).toBe(false);
    expect(await store.load()).toBe('secret-refresh-token');
    expect(await new TokenStore(directory, safeStorage, 'linux').load()).toBeNull();
  });

  it('keeps it on disk in plain text only after the person opts in, and forgets the file on opt-out', async () => {
    const safeStorage = fakeSafeStorage({ available: false, backend: 'unknown' });
    const store = new TokenStore(directory, safeStorage, 'linux');
    await store.save('secret-refresh-token');
    expect(await store.setPlaintextOptIn(true)).toBe('plaintext');
    expect(JSON.parse(readFileSync(tokenFile(), 'utf8'))).toEqual({
      version: 1,
      encoding: 'plaintext',
      value: 'secret-refresh-token',
    });
    expect(await new TokenStore(directory, safeStorage, 'linux').load()).toBe('secret-refresh-token');

    expect(await store.setPlaintextOptIn(false)).toBe('memory');
    expect(existsSync(tokenFile())).toBe(false);
    expect(await store.load()).toBe('secret-refresh-token');
  });

  it('upgrades a plain-text token to encrypted once a keychain is available', async () => {
    writeFileSync(tokenFile(), JSON.stringify({ version: 1, encoding: 'plaintext', value: 'old-token' }));
    const store = new TokenStore(
      directory,
      fakeSafeStorage({ available: true, backend: 'kwallet5' }),
      'linux',
    );
    expect(await store.load()).toBe('old-token');
    expect(JSON.parse(readFileSync(tokenFile(), 'utf8'))).toMatchObject({ encoding: 'safeStorage' });
  });

  it('treats a token it cannot decrypt as signed out', async () => {
    const safeStorage = fakeSafeStorage({ available: true, backend: 'gnome_libsecret' });
    await new TokenStore(directory, safeStorage, 'linux').save('secret-refresh-token');
    safeStorage.key = 'k2';
    expect(await new TokenStore(directory, safeStorage, 'linux').load()).toBeNull();
    expect(existsSync(tokenFile())).toBe(false);
  });

  it.each([
    'not json',
    '[]',
    '{"version":2,"encoding":"plaintext","value":"x"}',
    '{"version":1,"encoding":"rot13","value":"x"}',
    '{"version":1,"encoding":"plaintext","value":""}',
  ])('ignores a corrupt or foreign token file: %s', async (content) => {
    writeFileSync(tokenFile(), content);
    expect(
      await new TokenStore(
        directory,
        fakeSafeStorage({ available: true, backend: 'kwallet5' }),
        'linux',
      ).load(),
    ).toBeNull();
  });

  it('wipe removes the token and the opt-in', async () => {
    const safeStorage = fakeSafeStorage({ available: true, backend: 'basic_text' });
    const store = new TokenStore(directory, safeStorage, 'linux');
    await store.setPlaintextOptIn(true);
    await store.save('secret-refresh-token');
    await store.wipe();
    expect(await store.load()).toBeNull();
    expect(await store.policy()).toBe('memory');
    expect(existsSync(tokenFile())).toBe(false);
  });
});
