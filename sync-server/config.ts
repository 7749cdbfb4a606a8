import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIN_PASSWORD_LENGTH } from '#shared/sync/protocol';

/** The server's configuration, from the environment of SPEC §7, validated at start. */
export interface ServerConfig {
  /** `PORT`, default 4000. */
  readonly port: number;
  /** `HOST`, default 127.0.0.1. */
  readonly host: string;
  /** `COUCHDB_URL`; null means the embedded store under `dataDir`. */
  readonly couchUrl: string | null;
  /** `SHORTLIST_DATA_DIR`: embedded store and server state. */
  readonly dataDir: string;
  /** `SHORTLIST_JWT_SECRET`, or null to use (and create once) the one kept in `dataDir`. */
  readonly jwtSecret: string | null;
  /** `SHORTLIST_DEMO`: load the demo organisation into an empty store. */
  readonly loadDemo: boolean;
  /** `SHORTLIST_RENDERER_DIST`: the web build served at `/app/`; null for `renderer/dist`. */
  readonly rendererDist: string | null;
  /**
   * `SHORTLIST_LOGIN_LIMIT_PER_ACCOUNT` (default 10) and `SHORTLIST_LOGIN_LIMIT_PER_ADDRESS` (default
   * 100): sign-in attempts allowed in 5 minutes.
   */
  /** `SHORTLIST_WEBHOOK_ALLOW_PRIVATE` (default 0): webhooks may target loopback and private networks. */
  readonly webhookAllowPrivate: boolean;
  readonly loginLimits: {
    readonly perAccount: number;
    readonly perAddress: number;
    readonly windowMs: number;
  };
  /**
   * `SHORTLIST_OPERATOR_EMAIL` and `SHORTLIST_OPERATOR_PASSWORD` (SPEC §10): the deployment's operator,
   * created or updated at start; null when unset.
   */
  readonly operator: { readonly email: string; readonly password: string } | null;
}

/** One or more environment variables are invalid; `problems` has a sentence for each. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The OS's per-user data directory (XDG on Linux, Application Support on macOS, APPDATA on Windows). */
export function userDataDirectory(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return env['APPDATA'] || path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env['XDG_DATA_HOME'] || path.join(home, '.local', 'share');
}

/** Reads and validates the configuration; throws a `ConfigError` naming every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const problems: string[] = [];
  const port = parsePort(env['PORT'], problems);
  const host = (env['HOST'] ?? '127.0.0.1').trim();
  if (!host) problems.push('HOST must not be empty (for example 127.0.0.1 or 0.0.0.0).');
  const couchUrl = parseCouchUrl(env['COUCHDB_URL'], problems);
  const dataDir = path.resolve(
    env['SHORTLIST_DATA_DIR'] || path.join(userDataDirectory(env), 'Shortlist', 'data'),
  );
  const jwtSecret = env['SHORTLIST_JWT_SECRET'] ?? null;
  if (jwtSecret !== null && jwtSecret.length < 32) {
    problems.push('SHORTLIST_JWT_SECRET must be at least 32 characters (or unset it to generate one).');
  }
  const loadDemo = parseFlag('SHORTLIST_DEMO', env['SHORTLIST_DEMO'], couchUrl === null, problems);
  const webhookAllowPrivate = parseFlag(
    'SHORTLIST_WEBHOOK_ALLOW_PRIVATE',
    env['SHORTLIST_WEBHOOK_ALLOW_PRIVATE'],
    false,
    problems,
  );
  const rendererDist = env['SHORTLIST_RENDERER_DIST'] ? path.resolve(env['SHORTLIST_RENDERER_DIST']) : null;
  const loginLimits = {
    perAccount: parseLimit(
      'SHORTLIST_LOGIN_LIMIT_PER_ACCOUNT',
      env['SHORTLIST_LOGIN_LIMIT_PER_ACCOUNT'],
      10,
      problems,
    ),
    perAddress: parseLimit(
      'SHORTLIST_LOGIN_LIMIT_PER_ADDRESS',
      env['SHORTLIST_LOGIN_LIMIT_PER_ADDRESS'],
      100,
      problems,
    ),
    windowMs: 5 * 60 * 1000,
  };
  const operator = parseOperator(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    couchUrl,
    dataDir,
    jwtSecret,
    loadDemo,
    rendererDist,
    loginLimits,
    webhookAllowPrivate,
    operator,
  };
}

/** The operator's account: both variables or neither, a plausible address, a password long enough. */
function parseOperator(env: NodeJS.ProcessEnv, problems: string[]): ServerConfig['operator'] {
  const email = env['SHORTLIST_OPERATOR_EMAIL']?.trim() ?? '';
  const password = env['SHORTLIST_OPERATOR_PASSWORD'] ?? '';
  if (!email && !password) return null;
  if (!email || !password) {
    problems.push('Set both SHORTLIST_OPERATOR_EMAIL and SHORTLIST_OPERATOR_PASSWORD, or neither.');
    return null;
  }
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    problems.push(`SHORTLIST_OPERATOR_EMAIL must be an email address, not "${email}".`);
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    problems.push(`SHORTLIST_OPERATOR_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  return { email, password };
}

function parseLimit(name: string, raw: string | undefined, fallback: number, problems: string[]): number {
  if (raw === undefined || raw === '') return fallback;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit < 1) {
    problems.push(`${name} must be a whole number of attempts, at least 1 (got "${raw}").`);
    return fallback;
  }
  return limit;
}

function parsePort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined || raw === '') return 4000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 0 || port > 65_535) {
    problems.push(`PORT must be a whole number from 0 to 65535, not "${raw}".`);
    return 4000;
  }
  return port;
}

function parseCouchUrl(raw: string | undefined, problems: string[]): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    return raw.replace(/\/+$/, '');
  } catch {
    problems.push('COUCHDB_URL must be an http(s) URL such as http://admin:password@127.0.0.1:5984.');
    return null;
  }
}

function parseFlag(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be 1 or 0, not "${raw}".`);
  return fallback;
}

/** Where the generated JWT secret is kept. */
export function jwtSecretFile(dataDir: string): string {
  return path.join(dataDir, 'jwt-secret');
}

/** The JWT secret: the configured one, or one generated once and kept (owner-only) in the data dir. */
export function resolveJwtSecret(config: Pick<ServerConfig, 'jwtSecret' | 'dataDir'>): string {
  if (config.jwtSecret) return config.jwtSecret;
  const file = jwtSecretFile(config.dataDir);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(config.dataDir, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: PRIVATE_FILE_MODE });
  chmodSync(file, PRIVATE_FILE_MODE);
  return secret;
}

/** Folders of the data dir are the owner's alone (rwx------). */
export const PRIVATE_DIRECTORY_MODE = 0o700;
/** Files of the data dir are the owner's alone (rw-------): the secret, the store, the mail. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Makes the data dir private: creates it owner-only (0700) if missing, and tightens what an older
 * version left readable to others: the data dir itself, and the server's own `entries` in it (the
 * secret file, the store and mail folders), folders to 0700 and files to 0600, recursively, without
 * following symbolic links. Other files in the data dir are left alone, and a shared folder given as
 * data dir (the root, the home folder, or a sticky one such as /tmp) is not changed itself. Answers a
 * sentence for each thing it could not or would not change, for the log.
 */
export function securePrivateDirectory(directory: string, entries: readonly string[]): string[] {
  mkdirSync(directory, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  const problems: string[] = [];
  const tighten = (entry: string, stats: Stats): void => {
    const wanted = stats.isDirectory() ? PRIVATE_DIRECTORY_MODE : PRIVATE_FILE_MODE;
    if ((stats.mode & 0o777) === wanted) return;
    try {
      chmodSync(entry, wanted);
    } catch (error) {
      problems.push(
        `Could not make ${entry} private: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  const visit = (entry: string): void => {
    const stats = lstatSync(entry, { throwIfNoEntry: false });
    if (!stats || stats.isSymbolicLink()) return;
    tighten(entry, stats);
    if (stats.isDirectory()) for (const name of readdirSync(entry)) visit(path.join(entry, name));
  };
  const top = lstatSync(directory);
  const resolved = path.resolve(directory);
  const isShared =
    (top.mode & 0o1000) !== 0 || resolved === path.parse(resolved).root || resolved === os.homedir();
  if (isShared) problems.push(`${directory} is a shared folder: give Shortlist a data folder of its own.`);
  else tighten(directory, top);
  for (const entry of entries) visit(entry);
  return problems;
}
