import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the child process's script is; it runs under tsx's loader like the server itself. */
const PROCESS_SCRIPT = fileURLToPath(new URL('./embedded-store-process.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A running embedded store, restarted on the same port whenever its process dies. */
export interface EmbeddedStore {
  /** Base URL of the CouchDB-compatible HTTP API, with its credentials: `http://shortlist:<secret>@127.0.0.1:<port>`. */
  readonly url: string;
  /** How many times the process was restarted after dying. */
  restarts(): number;
  /** Kills the current process (tests use this to prove supervision). */
  killForTest(): void;
  /** Stops the store for good. */
  stop(): Promise<void>;
}

/** Where the embedded store keeps its data, and where it reports. */
export interface EmbeddedStoreOptions {
  /** Folder of the LevelDB databases. */
  readonly directory: string;
  /** Called with human-readable lifecycle messages. */
  readonly log?: (message: string) => void;
  /**
   * How long the store holds a request before it closes the connection (longpolls too); default
   * `SHORTLIST_STORE_REQUEST_TIMEOUT_MS` or 300 s. Tests shorten it to prove clients survive it.
   */
  readonly requestTimeoutMs?: number;
}

/**
 * Starts express-pouchdb on LevelDB in a child process bound to 127.0.0.1 on a free port, waits until
 * it answers, and supervises it: if it dies, it is started again on the same port.
 */
export async function startEmbeddedStore(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  mkdirSync(options.directory, { recursive: true });
  const log = options.log ?? (() => undefined);
  let stopping = false;
  let restartCount = 0;
  let child: ChildProcess;
  // A fresh password per start: only this server process can talk to its store.
  const secret = randomBytes(24).toString('base64url');

  const launch = (port: number): Promise<{ child: ChildProcess; port: number }> =>
    new Promise((resolve, reject) => {
      const started = fork(PROCESS_SCRIPT, [], {
        cwd: REPO_ROOT,
        execArgv: [...storeNodeArgs(), '--import', 'tsx'],
        env: {
          ...process.env,
          SHORTLIST_STORE_DIR: options.directory,
          SHORTLIST_STORE_PORT: String(port),
          SHORTLIST_STORE_SECRET: secret,
          ...(options.requestTimeoutMs === undefined
            ? {}
            : { SHORTLIST_STORE_REQUEST_TIMEOUT_MS: String(options.requestTimeoutMs) }),
        },
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      let stderr = '';
      started.stderr?.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-4_000);
      });
      const onExit = (code: number | null): void =>
        reject(new Error(`embedded store exited (${code}): ${stderr}`));
      started.once('exit', onExit);
      started.on('message', (message: unknown) => {
        if (isListening(message)) {
          started.off('exit', onExit);
          resolve({ child: started, port: message.port });
        }
      });
    });

  const first = await launch(0);
  child = first.child;
  const port = first.port;
  const url = `http://shortlist:${secret}@127.0.0.1:${port}`;
  await waitUntilAnswering(url);

  const supervise = (current: ChildProcess): void => {
    current.once('exit', (code, signal) => {
      if (stopping) return;
      restartCount += 1;
      log(`embedded store exited (${code ?? signal}); restarting it on port ${port}`);
      const retry = (attempt: number): void => {
        launch(port)
          .then(async (next) => {
            child = next.child;
            supervise(next.child);
            await waitUntilAnswering(url);
            log('embedded store is back');
          })
          .catch((error: unknown) => {
            if (stopping) return;
            log(`embedded store failed to restart: ${String(error)}`);
            setTimeout(() => retry(attempt + 1), Math.min(5_000, 200 * 2 ** attempt));
          });
      };
      retry(0);
    });
  };
  supervise(child);

  return {
    url,
    restarts: () => restartCount,
    killForTest: () => {
      child.kill('SIGKILL');
    },
    stop: async () => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
  };
}

/**
 * Extra Node flags for the store's process from `SHORTLIST_STORE_NODE_ARGS` (space-separated), to
 * profile the store itself: `--cpu-prof --cpu-prof-dir=/tmp/store-prof` (written when it stops).
 */
function storeNodeArgs(): string[] {
  return (process.env['SHORTLIST_STORE_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== '');
}

function isListening(message: unknown): message is { type: 'listening'; port: number } {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'listening' &&
    typeof (message as { port?: unknown }).port === 'number'
  );
}

/** Polls the store's root until it answers (up to 30 s). `url` may carry basic-auth credentials. */
export async function waitUntilAnswering(url: string, timeoutMs = 30_000): Promise<void> {
  const parsed = new URL(url);
  const headers: Record<string, string> = {};
  if (parsed.username) {
    const user = decodeURIComponent(parsed.username);
    const password = decodeURIComponent(parsed.password);
    headers['authorization'] = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }
  const plainUrl = `${parsed.origin}${parsed.pathname}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(plainUrl, { headers, signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`store at ${plainUrl} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The folder of the embedded store's databases inside the data dir. */
export function embeddedStoreDirectory(dataDir: string): string {
  return path.join(dataDir, 'store');
}
