import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../demo/load-demo';
import { pull } from './support/sync-client';
import { isChangeOf, openStream } from './support/event-stream';
import { listAll, v1 } from './support/v1-client';
import { buildTestApp, login, startTestStore, type Session, type TestStore } from './support/test-server';

let testStore: TestStore;
let app: FastifyInstance;
let recruiter: Session;

beforeAll(async () => {
  testStore = await startTestStore();
  app = await buildTestApp(testStore);
  await loadDemoIfEmpty(app.store, Date.now());
  await app.listen({ port: 0, host: '127.0.0.1' });
  recruiter = await login(app, 'recruiter1@example.com');
});

afterAll(async () => {
  await app.close();
  await testStore.stop();
});

describe('a write through the integration API', () => {
  it('reaches an open board within a second, and its next pull brings it', async () => {
    const laptop = await login(app, 'recruiter2@example.com');
    const stream = await openStream(app, laptop);
    try {
      const { checkpoint } = await pull(app, laptop, 'applications', null, 500);
      const application = (await listAll(app, recruiter, '/applications?stage=applied')).items[0]!;
      const from = stream.mark();
      const movedAt = Date.now();
      const moved = await v1(app, recruiter, 'PATCH', `/applications/${application.id}/stage`, {
        stage: 'screening',
      });
      expect(moved.statusCode).toBe(200);
      const event = await stream.next(isChangeOf('applications'), from, 3_000);
      expect(event.at - movedAt).toBeLessThan(1_000);
      const next = await pull(app, laptop, 'applications', checkpoint, 500);
      expect(next.documents.find((doc) => doc.id === application.id)).toMatchObject({ stage: 'screening' });
    } finally {
      stream.close();
    }
  });
});
