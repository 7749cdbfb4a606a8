import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from './support/sample-files';
import { advanced, applicationDoc, candidateDoc, interviewDoc, jobDoc } from './support/fixtures';
import { startClusterProxy, type ClusterProxy } from './support/cluster-proxy';
import { create, edit, pullAll } from './support/sync-client';
import {
  bearer,
  buildDemoApp,
  isExternalStore,
  login,
  NEEDS_EMBEDDED_STORE,
  startTestStore,
  type Session,
  type TestStore,
} from './support/test-server';

/**
 * Access decided right after a write, while views lag it (a CouchDB cluster updates a view after
 * the write; the proxy makes the embedded store's views answer without catching up).
 */
let testStore: TestStore;
let proxy: ClusterProxy;
let app: FastifyInstance;
let recruiter: Session;
let manager: Session;
let interviewer: Session;
let colleague: Session;

beforeAll(async () => {
  testStore = await startTestStore();
  proxy = await startClusterProxy(testStore.store.url);
  ({ app } = await buildDemoApp(testStore, { couchUrl: proxy.url }));
  recruiter = await login(app, 'recruiter1@example.com');
  manager = await login(app, 'hr.manager@example.com');
  interviewer = await login(app, 'interviewer1@example.com');
  colleague = await login(app, 'interviewer2@example.com');
});

afterAll(async () => {
  proxy.lagViews(false);
  await app.close();
  await proxy.close();
  await testStore.stop();
});

function resumeOf(candidateId: string, session: Session) {
  return app.inject({
    method: 'GET',
    url: `/api/files/candidates/${candidateId}/resume`,
    headers: bearer(session),
  });
}

describe.skipIf(isExternalStore)(
  `read-your-writes where access is decided (${NEEDS_EMBEDDED_STORE}: the proxy fronts it)`,
  () => {
    it('takes an unassigned interviewer’s access away at once, even while the scope view lags', async () => {
      const job = jobDoc();
      await create(app, manager, 'jobs', job);
      const candidate = candidateDoc();
      await create(app, recruiter, 'candidates', candidate);
      const application = applicationDoc(job.id, candidate.id);
      await create(app, recruiter, 'applications', application);
      for (const to of ['screening', 'interview']) {
        await edit(app, recruiter, 'applications', application.id, (doc) => advanced(doc, to));
      }
      const uploaded = await app.inject({
        method: 'PUT',
        url: `/api/files/candidates/${candidate.id}/resume`,
        headers: { ...bearer(recruiter), 'content-type': 'application/octet-stream' },
        payload: samplePdf(),
      });
      expect(uploaded.statusCode).toBeLessThan(300);
      const interview = interviewDoc(applicationDoc(job.id, candidate.id), [interviewer.user.id]);
      expect((await create(app, recruiter, 'interviews', interview)).rejections).toEqual([]);

      // Assigned: the interview, its application and the résumé are theirs to read.
      const assigned = await pullAll(app, interviewer, 'interviews');
      expect(assigned.documents.map((doc) => doc.id)).toContain(interview.id);
      expect((await resumeOf(candidate.id, interviewer)).statusCode).toBe(200);

      proxy.lagViews(true);
      const unassigned = await edit(app, recruiter, 'interviews', interview.id, (doc) => ({
        ...doc,
        interviewerIds: [colleague.user.id],
      }));
      expect(unassigned.rejections).toEqual([]);

      // The view still lists them; access is decided by the interview as it is now.
      const after = await pullAll(app, interviewer, 'interviews', assigned.checkpoint);
      expect(after.documents.filter((doc) => doc.id === interview.id && doc._deleted !== true)).toEqual([]);
      const fresh = await pullAll(app, interviewer, 'applications');
      expect(fresh.documents.map((doc) => doc.id)).not.toContain(application.id);
      expect([403, 404]).toContain((await resumeOf(candidate.id, interviewer)).statusCode);
    });
  },
);
