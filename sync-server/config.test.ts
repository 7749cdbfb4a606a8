import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, resolveJwtSecret, userDataDirectory } from './config';

describe('loadConfig', () => {
  it('has the defaults of SPEC §7', () => {
    const config = loadConfig({ XDG_DATA_HOME: '/data/home' });
    expect(config).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      couchUrl: null,
      jwtSecret: null,
      loadDemo: true,
    });
    if (process.platform === 'linux')
      expect(config.dataDir).toBe(path.join('/data/home', 'Shortlist', 'data'));
  });

  it('turns the demo off by default with COUCHDB_URL, and reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      COUCHDB_URL: 'http://admin:pw@couch:5984/',
      SHORTLIST_DATA_DIR: '/srv/shortlist',
      SHORTLIST_JWT_SECRET: 'x'.repeat(40),
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      couchUrl: 'http://admin:pw@couch:5984',
      dataDir: path.resolve('/srv/shortlist'),
      loadDemo: false,
    });
    expect(loadConfig({ COUCHDB_URL: 'http://couch:5984', SHORTLIST_DEMO: '1' }).loadDemo).toBe(true);
  });

  it('names every bad value in one error', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        COUCHDB_URL: 'ftp://x',
        SHORTLIST_JWT_SECRET: 'short',
        SHORTLIST_DEMO: 'maybe',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(4);
      expect(problems.join(' ')).toMatch(/PORT.*COUCHDB_URL.*SHORTLIST_JWT_SECRET.*SHORTLIST_DEMO/);
    }
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ SHORTLIST_LOGIN_LIMIT_PER_ACCOUNT: '0' })).toThrow(
      /SHORTLIST_LOGIN_LIMIT_PER_ACCOUNT/,
    );
    expect(() => loadConfig({ SHORTLIST_LOGIN_LIMIT_PER_ADDRESS: 'lots' })).toThrow(
      /SHORTLIST_LOGIN_LIMIT_PER_ADDRESS/,
    );
  });

  it('limits sign-in attempts as configured, 10 per account and 100 per address by default', () => {
    expect(loadConfig({}).loginLimits).toMatchObject({ perAccount: 10, perAddress: 100 });
    expect(
      loadConfig({ SHORTLIST_LOGIN_LIMIT_PER_ACCOUNT: '50', SHORTLIST_LOGIN_LIMIT_PER_ADDRESS: '500' })
        .loginLimits,
    ).toMatchObject({ perAccount: 50, perAddress: 500 });
  });
});

describe('userDataDirectory', () => {
  it('follows each OS’s convention', () => {
    expect(userDataDirectory({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(
      'C:\\Users\\a\\AppData\\Roaming',
    );
    expect(userDataDirectory({}, 'darwin')).toBe(path.join(os.homedir(), 'Library', 'Application Support'));
    expect(userDataDirectory({}, 'linux')).toBe(path.join(os.homedir(), '.local', 'share'));
  });
});

describe('resolveJwtSecret', () => {
  it('generates a secret once, keeps it owner-only, and prefers a configured one', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shortlist-config-'));
    try {
      const first = resolveJwtSecret({ jwtSecret: null, dataDir });
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(resolveJwtSecret({ jwtSecret: null, dataDir })).toBe(first);
      expect(readFileSync(path.join(dataDir, 'jwt-secret'), 'utf8').trim()).toBe(first);
      if (process.platform !== 'win32')
        expect(statSync(path.join(dataDir, 'jwt-secret')).mode & 0o077).toBe(0);
      expect(resolveJwtSecret({ jwtSecret: 'y'.repeat(40), dataDir })).toBe('y'.repeat(40));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
