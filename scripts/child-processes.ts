import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * The child processes of a launcher script (server, Vite, Electron). Ctrl+C (SIGINT), SIGTERM
 * and SIGHUP stop them all: SIGTERM first, SIGKILL after a grace period. The launcher then exits.
 */
export class ProcessGroup {
  private readonly children = new Set<ChildProcess>();
  private isStopping = false;

  constructor(private readonly graceMs = 5_000) {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => {
        void this.stopAll().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
      });
    }
  }

  /** Starts a child; `onExit` runs when it ends on its own (not while the group is stopping). */
  spawn(
    label: string,
    command: string,
    args: readonly string[],
    options: SpawnOptions,
    onExit?: (code: number | null) => void,
  ): ChildProcess {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    this.children.add(child);
    child.on('error', (error) => console.error(`[${label}] could not start: ${error.message}`));
    child.on('exit', (code) => {
      this.children.delete(child);
      if (!this.isStopping) onExit?.(code);
    });
    return child;
  }

  /** How many children are running. */
  get size(): number {
    return this.children.size;
  }

  /** Whether stopping has begun (a child's exit is then expected). */
  get stopping(): boolean {
    return this.isStopping;
  }

  /** Stops every child and waits for them (SIGKILL after the grace period). */
  async stopAll(): Promise<void> {
    if (this.isStopping) return;
    this.isStopping = true;
    const running = [...this.children].filter(
      (child) => child.exitCode === null && child.signalCode === null,
    );
    await Promise.all(
      running.map(
        (child) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => child.kill('SIGKILL'), this.graceMs);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}

/** Runs a command to completion; rejects when it fails. */
export function run(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${[command, ...args].join(' ')} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Polls `url` until it answers 200, or gives up (or stops when `hasFailed` says the server died). */
export async function waitForOk(
  url: string,
  options: { timeoutMs: number; hasFailed?: () => boolean },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (options.hasFailed?.()) throw new Error(`the process serving ${url} exited`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline)
      throw new Error(`${url} did not answer within ${Math.round(options.timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Whether `url` answers 200 right now. */
export async function isOk(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok;
  } catch {
    return false;
  }
}

/** Opens `url` in the system browser (unless `BROWSER=none`); failures only print a note. */
export function openBrowser(url: string, env: NodeJS.ProcessEnv = process.env): void {
  if (env['BROWSER'] === 'none') return;
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => console.log(`(Could not open a browser; open ${url} yourself.)`));
    child.unref();
  } catch {
    console.log(`(Could not open a browser; open ${url} yourself.)`);
  }
}
