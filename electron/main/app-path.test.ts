import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, contentTypeOf, resolveAppPath } from './app-path';
import { serveAppRequest } from './app-protocol';

const root = path.resolve('/srv/renderer/dist');
const files = new Set([
  path.join(root, 'index.html'),
  path.join(root, 'assets', 'index-abc.js'),
  path.join(root, 'favicon.svg'),
]);
const isFile = (filePath: string): boolean => files.has(filePath);

describe('app:// path resolution', () => {
  it.each([
    ['/app/assets/index-abc.js', path.join(root, 'assets', 'index-abc.js')],
    ['/assets/index-abc.js', path.join(root, 'assets', 'index-abc.js')],
    ['/app/favicon.svg', path.join(root, 'favicon.svg')],
    ['/app/assets/./index-abc.js', path.join(root, 'assets', 'index-abc.js')],
    ['/app/assets//index-abc.js', path.join(root, 'assets', 'index-abc.js')],
  ])('serves the file for %s', (pathname, filePath) => {
    expect(resolveAppPath(root, pathname, isFile)).toEqual({ kind: 'file', filePath });
  });

  it.each(['/', '/app', '/app/', '/app/jobs/job-1/pipeline', '/app/candidates/c-1', '/jobs'])(
    'answers the client-side route %s with index.html',
    (pathname) => {
      expect(resolveAppPath(root, pathname, isFile)).toEqual({
        kind: 'index',
        filePath: path.join(root, 'index.html'),
      });
    },
  );

  it.each(['/app/assets/missing.js', '/app/missing.png', '/app/jobs/job-1/assets/index-abc.js'])(
    'does not answer the missing asset %s with HTML',
    (pathname) => {
      expect(resolveAppPath(root, pathname, isFile)).toEqual({ kind: 'not-found' });
    },
  );

  it.each([
    '/app/../../etc/passwd',
    '/../etc/passwd',
    '/app/%2e%2e/%2e%2e/etc/passwd',
    '/app/..%2f..%2fetc%2fpasswd',
    '/app/assets/..%5c..%5c..%5cwindows%5cwin.ini',
    '/app/..\\..\\secret',
    '/app/%00index.html',
    '/app/%E0%A4%A',
    'etc/passwd',
    '/app/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd',
  ])('refuses %s', (pathname) => {
    expect(resolveAppPath(root, pathname, isFile).kind).toBe('refused');
  });

  it('never returns a path outside the root, whatever the input', () => {
    const inputs = ['/a/b/../../..', '/%2e%2e', '/./../x', '/app/./../../x', '/a/%2E%2E/%2E%2E/b'];
    for (const input of inputs) {
      const result = resolveAppPath(root, input, () => true);
      if (result.kind === 'file' || result.kind === 'index')
        expect(result.filePath.startsWith(root + path.sep)).toBe(true);
    }
  });

  it('builds app:// URLs for routes and knows content types', () => {
    expect(appUrl('/')).toBe('app://shortlist/app/');
    expect(appUrl('/jobs/job-1/pipeline')).toBe('app://shortlist/app/jobs/job-1/pipeline');
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/blob.bin')).toBe('application/octet-stream');
  });
});

describe('the app:// protocol handler', () => {
  let directory: string;
  let dist: string;
  const csp = "default-src 'self'";

  beforeAll(() => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'shortlist-protocol-'));
    dist = path.join(directory, 'dist');
    mkdirSync(path.join(dist, 'assets'), { recursive: true });
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Shortlist</title>');
    writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(directory, 'secret.txt'), 'secret');
    symlinkSync(path.join(directory, 'secret.txt'), path.join(dist, 'assets', 'link.txt'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const get = (url: string, method = 'GET'): Promise<Response> =>
    serveAppRequest(new Request(url, { method }), dist, csp);

  it('serves files with the CSP and nosniff headers', async () => {
    const response = await get('app://shortlist/app/assets/app.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers client-side routes with index.html, with the CSP', async () => {
    const response = await get('app://shortlist/app/jobs/job-1/pipeline');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Shortlist</title>');
    expect(response.headers.get('content-security-policy')).toBe(csp);
  });

  it('refuses traversal, symbolic links out of the build, other hosts and other methods', async () => {
    expect((await get('app://shortlist/app/..%2f..%2fsecret.txt')).status).toBe(403);
    expect((await get('app://shortlist/app/assets/link.txt')).status).toBe(403);
    expect((await get('app://evil/app/assets/app.js')).status).toBe(404);
    expect((await get('app://shortlist/app/assets/app.js', 'POST')).status).toBe(405);
    expect((await get('app://shortlist/app/assets/nope.js')).status).toBe(404);
  });

  it('says so when the renderer is not built', async () => {
    const response = await serveAppRequest(
      new Request('app://shortlist/app/'),
      path.join(directory, 'nothing'),
      csp,
    );
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/not built/);
  });
});
