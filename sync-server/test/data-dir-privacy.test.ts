import { spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { securePrivateDirectory } from '../config';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'shortlist-privacy-'));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const modeOf = (entry: string): number => lstatSync(entry).mode & 0o7777;

/** Every folder and file under `directory` (itself included) with its permission bits. */
function modesUnder(directory: string): Map<string, number> {
  const modes = new Map<string, number>();
  const visit = (entry: string): void => {
    modes.set(path.relative(directory, entry) || '.', modeOf(entry));
    if (lstatSync(entry).isDirectory()) for (const name of readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(directory);
  return modes;
}

/** Entries readable, writable or listable by anyone but the owner. */
function exposed(directory: string): string[] {
  return [...modesUnder(directory)]
    .filter(([, mode]) => (mode & 0o077) !== 0)
    .map(([entry, mode]) => `${entry} ${mode.toString(8)}`);
}

/**
 * `npm run server` on `dataDir` (embedded store, no demo), until it has answered one registration;
 * answers whether the verification mail was written as a file meanwhile.
 */
async function runServerOnce(dataDir: string): Promise<boolean> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    SHORTLIST_DATA_DIR: dataDir,
    SHORTLIST_DEMO: '0',
  };
  // The generated secret, the embedded store and mail files: what the data dir holds by default.
  for (const name of ['SHORTLIST_JWT_SECRET', 'SHORTLIST_SMTP_URL', 'COUCHDB_URL', 'SHORTLIST_PUBLIC_URL'])
    delete env[name];
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'sync-server/server.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer): void => {
        output += chunk.toString('utf8');
        const found = /Shortlist sync server on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
        if (found) resolve(found);
      };
      server.stdout?.on('data', onData);
      server.stderr?.on('data', onData);
      void exited.then((code) => reject(new Error(`the server exited (${code}): ${output}`)));
      setTimeout(() => reject(new Error(`the server did not start: ${output}`)), 60_000).unref();
    });
    const email = `privacy-${Date.now()}@example.org`;
    const response = await fetch(`${url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct-horse-battery', name: 'Priya' }),
    });
    expect(response.status).toBe(201);
    // The verification mail is written as an .eml file at once.
    const mailDirectory = path.join(dataDir, 'outbox-mail');
    const hasMail = () =>
      existsSync(mailDirectory) && readdirSync(mailDirectory).some((name) => name.endsWith('.eml'));
    const deadline = Date.now() + 15_000;
    while (!hasMail() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    return hasMail();
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
}

describe('private data at rest', () => {
  it('creates a fresh data dir owner-only, with the secret, the store and the mail files 0600', async () => {
    const dataDir = path.join(scratch, 'fresh', 'data');
    const hasMail = await runServerOnce(dataDir);
    expect(exposed(dataDir)).toEqual([]);
    expect(hasMail).toBe(true);
    const modes = modesUnder(dataDir);
    expect(modes.get('.')).toBe(0o700);
    expect(modes.get('jwt-secret')).toBe(0o600);
    expect(modes.get('store')).toBe(0o700);
    expect([...modes.keys()].some((entry) => entry.startsWith('store/') && entry.endsWith('.log'))).toBe(
      true,
    );
    expect([...modes.keys()].some((entry) => entry.endsWith('.eml'))).toBe(true);
  }, 120_000);

  it('tightens a data dir an older version left readable to others, on start', async () => {
    const dataDir = path.join(scratch, 'old');
    await runServerOnce(dataDir);
    // What an older version (umask 022, no modes) left behind.
    for (const [entry] of modesUnder(dataDir)) {
      const full = path.join(dataDir, entry);
      chmodSync(full, lstatSync(full).isDirectory() ? 0o755 : 0o644);
    }
    expect(exposed(dataDir).length).toBeGreaterThan(5);
    await runServerOnce(dataDir);
    expect(exposed(dataDir)).toEqual([]);
  }, 120_000);

  it('leaves alone what is not the server’s, and a shared folder given as data dir', () => {
    const dataDir = path.join(scratch, 'mixed');
    mkdirSync(path.join(dataDir, 'store', 'shortlist_users'), { recursive: true, mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(path.join(dataDir, 'store', 'shortlist_users', '000001.log'), 'x', { mode: 0o644 });
    writeFileSync(path.join(dataDir, 'jwt-secret'), 'x'.repeat(48), { mode: 0o644 });
    writeFileSync(path.join(dataDir, 'my-notes.txt'), 'mine', { mode: 0o644 });
    const outside = path.join(scratch, 'outside.txt');
    writeFileSync(outside, 'elsewhere', { mode: 0o644 });
    symlinkSync(outside, path.join(dataDir, 'store', 'link'));
    const problems = securePrivateDirectory(dataDir, [
      path.join(dataDir, 'jwt-secret'),
      path.join(dataDir, 'store'),
      path.join(dataDir, 'outbox-mail'),
    ]);
    expect(problems).toEqual([]);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(path.join(dataDir, 'store', 'shortlist_users'))).toBe(0o700);
    expect(modeOf(path.join(dataDir, 'store', 'shortlist_users', '000001.log'))).toBe(0o600);
    expect(modeOf(path.join(dataDir, 'jwt-secret'))).toBe(0o600);
    expect(modeOf(path.join(dataDir, 'my-notes.txt'))).toBe(0o644);
    expect(modeOf(outside)).toBe(0o644);

    const shared = path.join(scratch, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    expect(securePrivateDirectory(shared, [])).toEqual([expect.stringContaining('shared folder')]);
    expect(modeOf(shared)).toBe(0o1777);
  });
});
