import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TokenStoragePolicy } from '#shared/bridge/desktop-bridge';
import { isRecord } from './json-values';

/** The part of Electron's `safeStorage` the token store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store backs the encryption key. */
  getSelectedStorageBackend(): string;
}

/** What decides the policy: the keychain on this machine and the person's choice. */
export interface TokenPolicyInputs {
  readonly platform: NodeJS.Platform;
  readonly isEncryptionAvailable: boolean;
  /** `safeStorage.getSelectedStorageBackend()` on Linux; ignored elsewhere. */
  readonly linuxBackend: string | null;
  readonly hasPlaintextOptIn: boolean;
}

/**
 * How the refresh token is kept. `encrypted` when the OS keychain encrypts it; on Linux the
 * `basic_text` backend encrypts with a hard-coded key, which is no protection, so it counts as no
 * keychain: the token then stays in `memory` unless the person opted in to `plaintext` on disk.
 */
export function decideTokenPolicy(inputs: TokenPolicyInputs): TokenStoragePolicy {
  const hasRealKeychain =
    inputs.isEncryptionAvailable &&
    !(
      inputs.platform === 'linux' &&
      (inputs.linuxBackend === 'basic_text' || inputs.linuxBackend === 'unknown')
    );
  if (hasRealKeychain) return 'encrypted';
  return inputs.hasPlaintextOptIn ? 'plaintext' : 'memory';
}

interface StoredToken {
  readonly version: 1;
  readonly encoding: 'safeStorage' | 'plaintext';
  readonly value: string;
}

interface TokenSettings {
  readonly plaintextOptIn: boolean;
}

const TOKEN_FILE = 'refresh-token.json';
const SETTINGS_FILE = 'token-settings.json';

/**
 * The refresh token of the signed-in person (bridge: load/save/clear, policy, opt-in). Files live
 * in `directory` (the app's userData) with owner-only permissions and are validated on read.
 */
export class TokenStore {
  private memoryToken: string | null = null;

  constructor(
    private readonly directory: string,
    private readonly safeStorage: SafeStorageLike,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** The current policy; the renderer shows it (and offers the opt-in when it is `memory`). */
  async policy(): Promise<TokenStoragePolicy> {
    const settings = await this.readSettings();
    return decideTokenPolicy({
      platform: this.platform,
      isEncryptionAvailable: this.safeStorage.isEncryptionAvailable(),
      linuxBackend: this.platform === 'linux' ? this.safeStorage.getSelectedStorageBackend() : null,
      hasPlaintextOptIn: settings.plaintextOptIn,
    });
  }

  async load(): Promise<string | null> {
    const policy = await this.policy();
    if (policy === 'memory') return this.memoryToken;
    const stored = await this.readToken();
    if (stored === null) return this.memoryToken;
    if (stored.encoding === 'plaintext') {
      if (policy === 'encrypted') await this.writeToken(stored.value, 'encrypted');
      return stored.value;
    }
    if (!this.safeStorage.isEncryptionAvailable()) return null;
    try {
      return this.safeStorage.decryptString(Buffer.from(stored.value, 'base64'));
    } catch {
      // Encrypted under a key this machine no longer has: the person signs in again.
      await this.removeTokenFile();
      return null;
    }
  }

  async save(token: string): Promise<void> {
    const policy = await this.policy();
    this.memoryToken = token;
    if (policy === 'memory') {
      await this.removeTokenFile();
      return;
    }
    await this.writeToken(token, policy);
  }

  async clear(): Promise<void> {
    this.memoryToken = null;
    await this.removeTokenFile();
  }

  /** Opts in to (or out of) the token on disk without a keychain; returns the resulting policy. */
  async setPlaintextOptIn(optIn: boolean): Promise<TokenStoragePolicy> {
    const current = await this.load();
    await this.writeJson(SETTINGS_FILE, { plaintextOptIn: optIn } satisfies TokenSettings);
    const policy = await this.policy();
    if (current !== null) await this.save(current);
    return policy;
  }

  /** Removes the token and the opt-in (a remote wipe leaves nothing of the person behind). */
  async wipe(): Promise<void> {
    await this.clear();
    await rm(path.join(this.directory, SETTINGS_FILE), { force: true });
  }

  private async writeToken(token: string, policy: 'encrypted' | 'plaintext'): Promise<void> {
    const stored: StoredToken =
      policy === 'encrypted'
        ? {
            version: 1,
            encoding: 'safeStorage',
            value: this.safeStorage.encryptString(token).toString('base64'),
          }
        : { version: 1, encoding: 'plaintext', value: token };
    await this.writeJson(TOKEN_FILE, stored);
  }

  private async readToken(): Promise<StoredToken | null> {
    const raw = await this.readJson(TOKEN_FILE);
    if (!isRecord(raw)) return null;
    const { version, encoding, value } = raw;
    if (
      version !== 1 ||
      (encoding !== 'safeStorage' && encoding !== 'plaintext') ||
      typeof value !== 'string' ||
      value === ''
    ) {
      return null;
    }
    return { version, encoding, value };
  }

  private async readSettings(): Promise<TokenSettings> {
    const raw = await this.readJson(SETTINGS_FILE);
    return { plaintextOptIn: isRecord(raw) && raw['plaintextOptIn'] === true };
  }

  private async removeTokenFile(): Promise<void> {
    await rm(path.join(this.directory, TOKEN_FILE), { force: true });
  }

  private async readJson(name: string): Promise<unknown> {
    try {
      return JSON.parse(await readFile(path.join(this.directory, name), 'utf8')) as unknown;
    } catch {
      return null;
    }
  }

  private async writeJson(name: string, value: unknown): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const target = path.join(this.directory, name);
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(value), { mode: 0o600 });
    await rename(temporary, target);
  }
}
