import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CouchStore } from '../../sync-server/infra/couch-store';
import { childProcessId } from './process-stats';
import {
  embeddedStoreDirectory,
  startEmbeddedStore,
  type EmbeddedStore,
} from '../../sync-server/infra/embedded-store';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER_SCRIPT = path.join(REPO_ROOT, 'sync-server', 'server.ts');

/**
 * A fresh sync server for one benchmark: its own embedded store in a temporary data folder, started
 * by the runner (so the benchmark can write straight to it), and `sync-server/server.ts` in its own
 * process on a free port, pointed at that store through `COUCHDB_URL`, as `npm run server` runs it.
 */
export interface BenchServer {
  /** `http://127.0.0.1:<port>` of the (first) sync server. */
  readonly baseUrl: string;
  /** Every sync server process on the store (`instances` of them), the first being `baseUrl`. */
  readonly baseUrls: readonly string[];
  /** Their process ids, in the same order. */
  readonly pids: readonly number[];
  /** A gateway straight to the server's store (same databases), for seeding and raw writes. */
  readonly store: CouchStore;
  /** The server's JWT secret (so sessions can be opened without the sign-in rate limit). */
  readonly jwtSecret: string;
  /** Process id of the server, for CPU and memory figures. */
  readonly pid: number;
  /** Process id of the embedded store, or null where it cannot be found. */
  readonly storePid: number | null;
  /** Stops the server and the store and deletes the data folder. */
  stop(): Promise<void>;
}

export interface BenchServerOptions {
  /** Writes the data set into the empty store before the server starts. */
  readonly seed?: (store: CouchStore) => Promise<void>;
  /**
   * How long to wait for `/api/ready`; default 3 minutes. On a freshly seeded store at full scale the
   * server's one-time start-up work (Mango indexes built over 182,300 documents, the email and
   * tombstone migrations reading them all) takes about a minute, more on a busy machine.
   */
  readonly readyTimeoutMs?: number;
  /** Sync server processes on the one store (each its own port); default 1. */
  readonly instances?: number;
  /** The embedded store's request timeout (it closes longer requests, longpolls included); default its own. */
  readonly storeRequestTimeoutMs?: number;
  /** More environment for the sync server processes (an operator's account, say). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Node flags for the sync server processes from `SHORTLIST_BENCH_SERVER_NODE_ARGS` (space-separated),
 * to profile the server rather than the runner: `--cpu-prof --cpu-prof-dir=/tmp/prof`. (Node does not
 * take `--cpu-prof` from NODE_OPTIONS.)
 */
function serverNodeArgs(): string[] {
  return (process.env['SHORTLIST_BENCH_SERVER_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== '');
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts a fresh store, seeds it, then starts the sync server on it and waits until it is ready. */
export async function startBenchServer(options: BenchServerOptions = {}): Promise<BenchServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shortlist-bench-'));
  const logFile = path.join(dataDir, 'server.log');
  let embedded: EmbeddedStore | null = null;
  const children: ChildProcess[] = [];
  const cleanup = async (): Promise<void> => {
    await Promise.all(children.map((child) => stopChild(child)));
    await embedded?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    embedded = await startEmbeddedStore({
      directory: embeddedStoreDirectory(dataDir),
      ...(options.storeRequestTimeoutMs === undefined
        ? {}
        : { requestTimeoutMs: options.storeRequestTimeoutMs }),
    });
    const store = new CouchStore(embedded.url);
    await store.ensureSchema();
    await options.seed?.(store);
    const jwtSecret = randomBytes(32).toString('base64url');
    const storeUrl = embedded.url;
    // Started together, as a deployment's instances do: start-up must tolerate company.
    const started = await Promise.all(
      Array.from({ length: options.instances ?? 1 }, async (_, index) => {
        const instanceDir = index === 0 ? dataDir : path.join(dataDir, `instance-${index}`);
        mkdirSync(instanceDir, { recursive: true });
        const port = await freePort();
        const logFd = openSync(logFile, 'a');
        const child = spawn(process.execPath, [...serverNodeArgs(), '--import', 'tsx', SERVER_SCRIPT], {
          cwd: REPO_ROOT,
          env: {
            ...process.env,
            PORT: String(port),
            HOST: '127.0.0.1',
            SHORTLIST_DATA_DIR: instanceDir,
            SHORTLIST_DEMO: '0',
            SHORTLIST_JWT_SECRET: jwtSecret,
            COUCHDB_URL: storeUrl,
            ...options.env,
          },
          stdio: ['ignore', logFd, logFd],
        });
        children.push(child);
        closeSync(logFd);
        const baseUrl = `http://127.0.0.1:${port}`;
        await waitUntilReady(baseUrl, child, logFile, options.readyTimeoutMs ?? 180_000);
        return { baseUrl, pid: child.pid ?? 0 };
      }),
    );
    const baseUrls = started.map((instance) => instance.baseUrl);
    const pids = started.map((instance) => instance.pid);
    const storePid = childProcessId(process.pid, 'embedded-store-process');
    return {
      baseUrl: baseUrls[0] ?? '',
      baseUrls,
      pids,
      store,
      jwtSecret,
      pid: pids[0] ?? 0,
      storePid,
      stop: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

async function waitUntilReady(
  baseUrl: string,
  child: ChildProcess,
  logFile: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the sync server exited (${child.exitCode}): ${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the sync server was not ready within ${timeoutMs} ms: ${tail(logFile)}`);
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-2_000);
  } catch {
    return '(no log)';
  }
}

/** SIGTERM (graceful shutdown), then SIGKILL after 12 s. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
