import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_JWT_SECRET } from './test-server';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A real `npm run server` process on a store of the test's, which a test may kill -9. */
export interface ServerProcess {
  readonly url: string;
  /** Kills the process with SIGKILL (no shutdown, no flushing) and waits for it to be gone. */
  kill(): Promise<void>;
}

/** Starts `sync-server/server.ts` against `couchUrl` (demo organisation loaded) and waits until it listens. */
export async function startServerProcess(
  couchUrl: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shortlist-process-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'sync-server/server.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      COUCHDB_URL: couchUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      SHORTLIST_DEMO: '1',
      SHORTLIST_DATA_DIR: dataDir,
      SHORTLIST_JWT_SECRET: TEST_JWT_SECRET,
      SHORTLIST_LOGIN_LIMIT_PER_ACCOUNT: '1000',
      SHORTLIST_LOGIN_LIMIT_PER_ADDRESS: '10000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Shortlist sync server on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output.slice(-2_000)}`)));
    setTimeout(
      () => reject(new Error(`server did not start within 30 s: ${output.slice(-2_000)}`)),
      30_000,
    ).unref();
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What the proxy does with a request: pass it on, hold it unanswered, or pass it on and cut the answer. */
/** A canned answer the proxy gives instead of the store's (the store is not asked). */
export interface ProxyAnswer {
  readonly status: number;
  readonly body: unknown;
}

export type ProxyBehaviour = 'pass' | 'hold' | 'cut-answer' | ProxyAnswer;

/**
 * An HTTP proxy in front of a store that holds back requests (never answered: the moment between two
 * writes, made as long as a test needs) or lets the store do the work and cuts the answer (the
 * connection dies mid-request), or answers in the store's place, as `behaviour` picks for each request.
 */
export async function startHoldingProxy(
  target: string,
  behaviour: (request: http.IncomingMessage) => ProxyBehaviour | boolean,
): Promise<{ url: string; heldCount(): number; close(): Promise<void> }> {
  const targetUrl = new URL(target);
  const held: http.ServerResponse[] = [];
  const server = http.createServer((request, response) => {
    const chosen = behaviour(request);
    const action = chosen === true ? 'hold' : chosen === false ? 'pass' : chosen;
    if (action === 'hold') {
      held.push(response);
      request.resume();
      return;
    }
    if (typeof action === 'object') {
      request.resume();
      response.writeHead(action.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(action.body));
      return;
    }
    const upstream = http.request(
      {
        host: targetUrl.hostname,
        port: targetUrl.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        if (action === 'cut-answer') {
          answer.resume();
          answer.on('end', () => response.destroy());
          return;
        }
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const proxied = new URL(target);
  proxied.port = String(port);
  return {
    url: proxied.toString().replace(/\/$/, ''),
    heldCount: () => held.length,
    close: async () => {
      for (const response of held) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
