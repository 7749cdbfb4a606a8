import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, startTestStore, type TestStore } from './support/test-server';

/** Every line the app logs, as its pino destination receives it. */
const lines: string[] = [];
let testStore: TestStore;
let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  testStore = await startTestStore();
  app = await buildTestApp(testStore, {
    logger: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await app.close();
  await testStore.stop();
});

/** Sends raw bytes on a fresh connection and answers the status code, headers and body it gets. */
function raw(request: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const [head = '', ...rest] = received.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      if (status === 0) reject(new Error(`no HTTP answer: ${JSON.stringify(received.slice(0, 200))}`));
      else resolve({ status, headers: head, body: rest.join('\r\n\r\n') });
    });
    setTimeout(() => socket.destroy(), 5_000).unref();
  });
}

const get = (target: string, headers = ''): string =>
  `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Connection: close\r\n\r\n`;

describe('no token in any log line', () => {
  it('redacts the access token (and other secrets) however the query spells them', async () => {
    const secret = (index: number): string =>
      `eyJhbGciOiJIUzI1NiJ9.eyJzZWNyZXQiOiIke${index}fQ.c2lnbmF0dXJl${index}`;
    const opaque = (index: number): string => `OPAQUE-SECRET-${index}-${'q'.repeat(12)}`;
    const urls = [
      `/api/sync/stream?access_token=${secret(0)}`,
      `/api/sync/stream?access%5Ftoken=${secret(1)}`,
      `/api/sync/stream?access%5ftoken=${opaque(2)}`,
      `/api/sync/stream?ACCESS_TOKEN=${opaque(3)}`,
      `/api/sync/stream?Access_Token=${opaque(4)}`,
      `/api/sync/stream?%61ccess_token=${opaque(5)}`,
      `/api/sync/stream?access%255Ftoken=${opaque(6)}`,
      `/api/sync/stream?access_token[]=${opaque(7)}`,
      `/api/sync/stream?x=1&access_token=${opaque(8)}&y=2`,
      `/api/sync/stream?x=1;access_token=${opaque(9)}`,
      `/api/sync/stream?access_token=${opaque(10)}&access_token=${opaque(11)}`,
      `/api/sync/stream?access+token=${opaque(12)}`,
      `/api/auth/refresh?refresh_token=${opaque(13)}`,
      `/api/auth/verify?token=${opaque(14)}`,
      `/api/auth/password-reset/confirm?Token=${opaque(15)}`,
      `/api/sync/stream?next=%2Fapi%3Faccess_token%3D${secret(16)}`,
      `/api/sync/stream?${secret(17)}`,
      `/api/files/${secret(18)}/resume`,
      `/api/sync/stream?refresh=s${'A'.repeat(16)}.${'B'.repeat(43)}`,
    ];
    lines.length = 0;
    for (const url of urls) await app.inject({ method: 'GET', url });
    const logged = lines.join('\n');
    expect(lines.length).toBeGreaterThanOrEqual(urls.length);
    for (let index = 0; index <= 18; index += 1) {
      expect(logged, String(index)).not.toContain(
        index === 0 || index === 1 || index >= 16 ? secret(index) : opaque(index),
      );
    }
    expect(logged).not.toContain('B'.repeat(43));
    expect(logged).toContain('access_token=[redacted]');
    // What is not a secret stays readable.
    expect(logged).toContain('x=1');
    lines.length = 0;
    await app.inject({ method: 'GET', url: '/api/sync/jobs/pull?limit=5&checkpoint=%7B%7D' });
    expect(lines.join('\n')).toContain('/api/sync/jobs/pull?limit=5&checkpoint=%7B%7D');
  });
});

describe('every error in the error shape', () => {
  const expectErrorShape = (answer: { headers: string; body: string }, code: string): void => {
    expect(answer.headers.toLowerCase()).toContain('content-type: application/json');
    expect(JSON.parse(answer.body)).toEqual({ error: { code, message: expect.any(String) as unknown } });
  };

  it('answers headers or a URL too large for Node’s parser with 431', async () => {
    const bigHeader = await raw(get('/api/health', `X-Padding: ${'a'.repeat(20_000)}\r\n`));
    expect(bigHeader.status).toBe(431);
    expectErrorShape(bigHeader, 'headers_too_large');
    const longUrl = await raw(get(`/api/health?${'a'.repeat(20_000)}`));
    expect(longUrl.status).toBe(431);
    expectErrorShape(longUrl, 'headers_too_large');
  });

  it('answers malformed URLs with 400 and an over-long path parameter with 414, without echoing them', async () => {
    for (const target of ['/api/portal/jobs/%zz', '/api/%E0%A4%A', `/api/portal/jobs/%${'z'.repeat(10)}`]) {
      const answer = await raw(get(target));
      expect(answer.status, target).toBe(400);
      expectErrorShape(answer, 'bad_url');
      expect(answer.body).not.toContain(target);
    }
    const long = await raw(get(`/api/portal/jobs/${'a'.repeat(600)}`));
    expect(long.status).toBe(414);
    expectErrorShape(long, 'uri_too_long');
    expect(long.body).not.toContain('aaaa');
  });

  it('answers what is not HTTP at all with 400', async () => {
    for (const request of [
      'NOT HTTP\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      `GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n`,
    ]) {
      const answer = await raw(request);
      expect(answer.status, request).toBe(400);
      expectErrorShape(answer, 'bad_request');
    }
    // The server goes on answering.
    const health = await raw(get('/api/health'));
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
    const missing = await raw(get('/api/nothing-here'));
    expect(missing.status).toBe(404);
    expectErrorShape(missing, 'not_found');
  });
});
