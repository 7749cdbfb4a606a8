import { expect, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD } from './session';

/** What the tests need of the server's documents (they are checked on the server, not trusted from the UI). */
export interface ServerInterview {
  id: string;
  applicationId: string;
  jobId: string;
  candidateId: string;
  interviewerIds: string[];
  status: string;
  scheduledAt: string;
  meetingUrl?: string;
  scorecards: {
    interviewerId: string;
    rating: number;
    recommendation: string;
    notes: string;
    submittedAt: string;
  }[];
  [field: string]: unknown;
}

/** The account the tests read and write the server with (recruiter1 is the one signing in on screen). */
const API_ACCOUNT = 'recruiter2@example.com';

interface ServerDocument {
  id: string;
  [field: string]: unknown;
}

const signedIn = new Map<string, { token: string; userId: string; at: number }>();
/** Sign-in is rate limited per account (SPEC §4): reuse an access token for a few minutes. */
const REUSE_TOKEN_MS = 5 * 60 * 1000;

/** Signs in through the API; returns the access token and the user's id. */
export async function apiSignIn(
  request: APIRequestContext,
  email: string,
): Promise<{ token: string; userId: string }> {
  const known = signedIn.get(email);
  if (known && Date.now() - known.at < REUSE_TOKEN_MS) return known;
  const response = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { accessToken: string; user: { id: string } };
  const session = { token: body.accessToken, userId: body.user.id, at: Date.now() };
  signedIn.set(email, session);
  return session;
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** Every document of a collection, as `token`'s reader pulls it. */
export async function pullAll<T extends ServerDocument>(
  request: APIRequestContext,
  token: string,
  collection: string,
): Promise<T[]> {
  const documents = new Map<string, T>();
  let checkpoint: unknown = null;
  for (;;) {
    const query = checkpoint ? `&checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}` : '';
    const response = await request.get(`/api/sync/${collection}/pull?limit=500${query}`, {
      headers: bearer(token),
    });
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as {
      documents: (T & { _deleted?: boolean })[];
      checkpoint: unknown;
    };
    for (const document of body.documents) {
      if (document._deleted) documents.delete(document.id);
      else documents.set(document.id, document);
    }
    if (body.documents.length === 0) return [...documents.values()];
    checkpoint = body.checkpoint;
  }
}

/** Pushes one document over `before` (null: a new one); fails the test when the server refuses it. */
export async function push(
  request: APIRequestContext,
  token: string,
  collection: string,
  before: ServerDocument | null,
  after: ServerDocument,
): Promise<void> {
  const response = await request.post(`/api/sync/${collection}/push`, {
    headers: bearer(token),
    data: [
      {
        assumedMasterState: before ? { ...before, _deleted: false } : null,
        newDocumentState: { ...after, _deleted: false },
      },
    ],
  });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { rejections: unknown[]; conflicts: unknown[] };
  expect(body.rejections).toEqual([]);
  expect(body.conflicts).toEqual([]);
}

/** User ids by email, from the staff directory. */
export async function userIds(request: APIRequestContext, token: string): Promise<Map<string, string>> {
  const users = await pullAll<{ id: string; email: string }>(request, token, 'users');
  return new Map(users.map((user) => [user.email, user.id]));
}

/** An application on which interviews can be scheduled (not hired or rejected), the `index`-th such. */
export async function openApplication(
  request: APIRequestContext,
  token: string,
  index = 0,
): Promise<{ id: string; jobId: string; candidateId: string }> {
  const applications = await pullAll<{ id: string; jobId: string; candidateId: string; stage: string }>(
    request,
    token,
    'applications',
  );
  const open = applications.filter((application) => !['hired', 'rejected'].includes(application.stage));
  const application = open[index % open.length];
  if (!application) throw new Error('The demo organisation has no open application.');
  return application;
}

/** Schedules a fresh interview as a recruiter, for `interviewerEmails`; returns it as stored. */
export async function scheduleInterview(
  request: APIRequestContext,
  options: {
    interviewerEmails: string[];
    scheduledAt: number;
    applicationIndex?: number;
    meetingUrl?: string;
  },
): Promise<ServerInterview> {
  const { token, userId } = await apiSignIn(request, API_ACCOUNT);
  const ids = await userIds(request, token);
  const application = await openApplication(request, token, options.applicationIndex ?? 0);
  const interview: ServerInterview = {
    id: `interview-e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    updatedAt: 0,
    applicationId: application.id,
    jobId: application.jobId,
    candidateId: application.candidateId,
    type: 'technical',
    scheduledAt: new Date(options.scheduledAt).toISOString(),
    durationMinutes: 60,
    meetingUrl: options.meetingUrl ?? 'https://meet.example.com/e2e',
    interviewerIds: options.interviewerEmails.map((email) => {
      const id = ids.get(email);
      if (!id) throw new Error(`No user ${email}`);
      return id;
    }),
    status: 'scheduled',
    scorecards: [],
    createdBy: userId,
    createdAt: new Date().toISOString(),
  };
  await push(request, token, 'interviews', null, interview);
  return interview;
}

/** The interview as the server holds it (read by a recruiter, who sees every scorecard). */
export async function serverInterview(
  request: APIRequestContext,
  id: string,
): Promise<ServerInterview | undefined> {
  const { token } = await apiSignIn(request, API_ACCOUNT);
  const interviews = await pullAll<ServerInterview>(request, token, 'interviews');
  return interviews.find((interview) => interview.id === id);
}
