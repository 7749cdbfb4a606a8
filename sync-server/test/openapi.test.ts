import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSettings } from './support/notification-fixture';
import { buildTestApp, startTestStore, type TestStore } from './support/test-server';

const REDOCLY = fileURLToPath(new URL('../../node_modules/.bin/redocly', import.meta.url));

interface OpenApiOperation {
  operationId?: string;
  security?: unknown[];
  responses?: Record<string, unknown>;
}
interface OpenApiDocument {
  servers?: unknown[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { securitySchemes: Record<string, unknown> };
}

let testStore: TestStore;
let app: FastifyInstance;
let document: OpenApiDocument;
let directory: string;

beforeAll(async () => {
  testStore = await startTestStore();
  directory = mkdtempSync(path.join(os.tmpdir(), 'shortlist-openapi-'));
  // Every optional area on (the notifications admin routes too), so every endpoint is in the document.
  app = await buildTestApp(testStore, {
    notifications: testSettings({ mailDirectory: directory, runWorker: false }),
  });
  const response = await app.inject({ method: 'GET', url: '/openapi.json' });
  expect(response.statusCode).toBe(200);
  document = response.json<OpenApiDocument>();
});

afterAll(async () => {
  await app.close();
  await testStore.stop();
  rmSync(directory, { recursive: true, force: true });
});

const operations = () =>
  Object.entries(document.paths).flatMap(([route, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      name: `${method.toUpperCase()} ${route}`,
      operation,
    })),
  );

describe('/openapi.json', () => {
  it('passes the Redocly linter’s recommended rules with no error and no warning (offline)', async () => {
    const file = path.join(directory, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const { stdout } = await promisify(execFile)(REDOCLY, ['lint', file, '--format=json'], {
      cwd: directory,
      timeout: 120_000,
      // No network here: no telemetry, no update check.
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        NO_COLOR: '1',
      },
    });
    const report = JSON.parse(stdout) as {
      totals: { errors: number; warnings: number };
      problems: unknown[];
    };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 150_000);

  it('names and secures every operation, with no trailing-slash paths', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { name, operation } of operations()) {
      expect(Array.isArray(operation.security), name).toBe(true);
      expect(
        Object.keys(operation.responses ?? {}).some((status) => status.startsWith('4')),
        name,
      ).toBe(true);
    }
    expect(Object.keys(document.paths).filter((route) => route.length > 1 && route.endsWith('/'))).toEqual(
      [],
    );
    // A plugin's `/` is documented without its slash, and is served there.
    expect(document.paths).toHaveProperty(['/api/admin/notifications']);
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['apiKey', 'bearer']);
  });

  it('serves the paths it documents without a trailing slash', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/admin/notifications' });
    expect(response.statusCode).toBe(401);
  });

  it('documents every endpoint of the integration API and its admin, with both schemes', () => {
    const names = new Set(operations().map(({ name }) => name));
    const expected = [
      'GET /api/v1/jobs',
      'POST /api/v1/jobs',
      'GET /api/v1/jobs/{id}',
      'PATCH /api/v1/jobs/{id}',
      'POST /api/v1/jobs/{id}/status',
      'GET /api/v1/jobs/{id}/applications',
      'GET /api/v1/candidates',
      'POST /api/v1/candidates',
      'GET /api/v1/candidates/{id}',
      'PATCH /api/v1/candidates/{id}',
      'GET /api/v1/applications',
      'POST /api/v1/applications',
      'GET /api/v1/applications/{id}',
      'PATCH /api/v1/applications/{id}/stage',
      'GET /api/v1/applications/{id}/history',
      'GET /api/v1/interviews',
      'POST /api/v1/interviews',
      'GET /api/v1/interviews/{id}',
      'PATCH /api/v1/interviews/{id}',
      'POST /api/v1/interviews/{id}/scorecards',
      'GET /api/v1/dashboard/stats',
      'POST /api/admin/api-keys',
      'GET /api/admin/api-keys',
      'DELETE /api/admin/api-keys/{id}',
      'POST /api/admin/webhooks',
      'GET /api/admin/webhooks',
      'DELETE /api/admin/webhooks/{id}',
      'GET /api/admin/webhooks/{id}/deliveries',
    ];
    expect(expected.filter((name) => !names.has(name))).toEqual([]);
    for (const { name, operation } of operations()) {
      if (name.includes(' /api/v1/'))
        expect(operation.security, name).toEqual([{ bearer: [] }, { apiKey: [] }]);
    }
  });
});
