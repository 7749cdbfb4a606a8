import { expect, type APIRequestContext } from '@playwright/test';
import type { Application, Stage } from '#shared/domain/application/application-schema';
import type { Candidate } from '#shared/domain/candidate/candidate-schema';
import type { Comment } from '#shared/domain/comment/comment-schema';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { Job, JobStatus } from '#shared/domain/job/job-schema';
import type { User } from '#shared/domain/user/user-schema';
import type { PullResponse, PushResponse, WireDocument } from '#shared/sync/protocol';
import { serverPort } from './network';
import { DEMO_PASSWORD } from './session';

/**
 * Set-up and verification through the sync server's API (SPEC §5). The behaviour under test is
 * always exercised through the UI; this only prepares data and checks what reached the server.
 */

interface Documents {
  readonly jobs: Job;
  readonly candidates: Candidate;
  readonly applications: Application;
  readonly interviews: Interview;
  readonly comments: Comment;
  readonly users: User;
}
type Collection = keyof Documents;

interface LoginResponse {
  readonly accessToken: string;
  readonly user: { readonly id: string; readonly role: string };
}

interface CachedToken {
  readonly accessToken: string;
  readonly userId: string;
  readonly obtainedAt: number;
}

/** Sign-in is rate limited per account (SPEC §4): one API sign-in per account, reused for ~10 minutes. */
const TOKEN_REUSE_MS = 10 * 60 * 1000;
const tokens = new Map<string, CachedToken>();

/** A unique suffix for documents one test creates, so tests never share data. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

function apiUrl(path: string): string {
  return `http://127.0.0.1:${serverPort()}${path}`;
}

/** A candidate account of the portal (`POST /api/auth/register`), with the demo password. */
export async function registerCandidateAccount(
  request: APIRequestContext,
  email: string,
  name: string,
): Promise<void> {
  const response = await request.post(apiUrl('/api/auth/register'), {
    data: { email, password: DEMO_PASSWORD, name },
  });
  expect(response.status(), `registering ${email}`).toBe(201);
}

/** The sync server's API as one demo user. */
export class ServerApi {
  private constructor(
    private readonly request: APIRequestContext,
    private readonly accessToken: string,
    /** The signed-in user's id. */
    readonly userId: string,
  ) {}

  static async as(request: APIRequestContext, email: string): Promise<ServerApi> {
    const cached = tokens.get(email);
    if (cached && Date.now() - cached.obtainedAt < TOKEN_REUSE_MS) {
      return new ServerApi(request, cached.accessToken, cached.userId);
    }
    const response = await request.post(apiUrl('/api/auth/login'), {
      data: { email, password: DEMO_PASSWORD },
    });
    expect(response.status(), `API sign-in of ${email}`).toBe(200);
    const body = (await response.json()) as LoginResponse;
    tokens.set(email, { accessToken: body.accessToken, userId: body.user.id, obtainedAt: Date.now() });
    return new ServerApi(request, body.accessToken, body.user.id);
  }

  private get headers(): Record<string, string> {
    return { authorization: `Bearer ${this.accessToken}` };
  }

  /** Sets this person's own time zone (their preference); answers the one they had, if any. */
  async setOwnTimeZone(zone: string): Promise<string | undefined> {
    const me = await this.find('users', this.userId);
    const response = await this.request.patch(apiUrl('/api/auth/me'), {
      headers: this.headers,
      data: { timeZone: zone },
    });
    expect(response.status(), `setting the time zone to ${zone}`).toBe(200);
    return me?.timeZone;
  }

  /** Every document of `collection` this user may read, as the server has them now. */
  async pullAll<C extends Collection>(collection: C): Promise<WireDocument<Documents[C]>[]> {
    const documents: WireDocument<Documents[C]>[] = [];
    let checkpoint: unknown = null;
    for (;;) {
      const query = new URLSearchParams({ limit: '500' });
      if (checkpoint !== null) query.set('checkpoint', JSON.stringify(checkpoint));
      const response = await this.request.get(apiUrl(`/api/sync/${collection}/pull?${query.toString()}`), {
        headers: this.headers,
      });
      expect(response.status(), `pull ${collection}`).toBe(200);
      const body = (await response.json()) as PullResponse<Documents[C]>;
      documents.push(...body.documents);
      if (body.documents.length === 0 || body.checkpoint === null) break;
      checkpoint = body.checkpoint;
    }
    return documents.filter((document) => !document._deleted);
  }

  /** The server's current version of one document (undefined when this user cannot read it). */
  async find<C extends Collection>(
    collection: C,
    id: string,
  ): Promise<WireDocument<Documents[C]> | undefined> {
    return (await this.pullAll(collection)).find((document) => document.id === id);
  }

  /** Writes `after` over `before` (null: a new document); fails the test when the server refuses. */
  async push<C extends Exclude<Collection, 'users'>>(
    collection: C,
    before: WireDocument<Documents[C]> | null,
    after: Documents[C],
  ): Promise<WireDocument<Documents[C]>> {
    const response = await this.request.post(apiUrl(`/api/sync/${collection}/push`), {
      headers: this.headers,
      data: [
        {
          ...(before ? { assumedMasterState: before } : {}),
          newDocumentState: { ...after, _deleted: false },
        },
      ],
    });
    expect(response.status(), `push ${collection}`).toBe(200);
    const body = (await response.json()) as PushResponse<Documents[C]>;
    expect(body.rejections, `push ${collection} ${after.id}`).toEqual([]);
    expect(body.conflicts, `push ${collection} ${after.id}`).toEqual([]);
    const stored = await this.find(collection, after.id);
    if (!stored) throw new Error(`${collection}/${after.id} is not on the server after the push`);
    return stored;
  }

  /** A new account of this admin's organisation, with the demo password. */
  async createUser(email: string, name: string, role: string): Promise<void> {
    const response = await this.request.post(apiUrl('/api/admin/users'), {
      headers: this.headers,
      data: { email, name, role, password: DEMO_PASSWORD },
    });
    expect(response.status(), `creating ${email}`).toBe(201);
  }

  /** Writes many new documents in one push (test set-up at scale); fails the test when any is refused. */
  async pushMany<C extends Exclude<Collection, 'users'>>(
    collection: C,
    documents: readonly Documents[C][],
  ): Promise<void> {
    const response = await this.request.post(apiUrl(`/api/sync/${collection}/push`), {
      headers: this.headers,
      data: documents.map((document) => ({ newDocumentState: { ...document, _deleted: false } })),
    });
    expect(response.status(), `push ${collection}`).toBe(200);
    const body = (await response.json()) as PushResponse<Documents[C]>;
    expect(body.rejections, `push of ${documents.length} ${collection}`).toEqual([]);
  }

  /** A new job (an open one is created and approved at once: hiring manager or admin only). */
  async createJob(title: string, status: 'draft' | 'open'): Promise<WireDocument<Job>> {
    const id = `e2e-job-${uniqueSuffix()}`;
    return this.push('jobs', null, {
      id,
      updatedAt: 0,
      title,
      department: 'Engineering',
      location: 'Remote',
      employmentType: 'full_time',
      description: `Created by an end-to-end test: ${title}.`,
      requirements: ['TypeScript'],
      status,
      hiringManagerId: 'user-hr-manager',
      recruiterIds: ['user-recruiter-1', 'user-recruiter-2'],
      createdBy: this.userId,
      createdAt: new Date().toISOString(),
    });
  }

  async setJobStatus(job: WireDocument<Job>, status: JobStatus): Promise<WireDocument<Job>> {
    return this.push('jobs', job, { ...job, status });
  }

  async createCandidate(firstName: string, lastName: string): Promise<WireDocument<Candidate>> {
    const suffix = uniqueSuffix();
    return this.push('candidates', null, {
      id: `e2e-cand-${suffix}`,
      updatedAt: 0,
      firstName,
      lastName,
      email: `e2e-${suffix}@example.org`,
      currentCompany: 'Testbed GmbH',
      currentTitle: 'Engineer',
      skills: ['Playwright'],
      source: 'linkedin',
      tags: [],
      createdBy: this.userId,
      createdAt: new Date().toISOString(),
    });
  }

  /** A new application at applied, moved forward one stage at a time to `stage`. */
  async createApplication(
    job: Job,
    candidate: Candidate,
    stage: Exclude<Stage, 'hired' | 'rejected'> = 'applied',
  ): Promise<WireDocument<Application>> {
    const at = new Date(Date.now() - 60_000).toISOString();
    let application = await this.push('applications', null, {
      id: `${job.id}__${candidate.id}`,
      updatedAt: 0,
      jobId: job.id,
      candidateId: candidate.id,
      stage: 'applied',
      stageHistory: [{ from: null, to: 'applied', by: this.userId, at, recordedAt: at }],
      createdBy: this.userId,
      createdAt: at,
    });
    const path: Stage[] = ['screening', 'interview', 'offer'];
    for (const next of path.slice(0, path.indexOf(stage) + 1)) {
      application = await this.moveStage(application, next);
    }
    return application;
  }

  /** Uploads a résumé for a candidate, as the app does (`PUT /api/files/candidates/{id}/resume`). */
  async uploadResume(candidateId: string, fileName: string, bytes: Buffer): Promise<void> {
    const response = await this.request.put(
      apiUrl(
        `/api/files/candidates/${encodeURIComponent(candidateId)}/resume?fileName=${encodeURIComponent(fileName)}`,
      ),
      { headers: { ...this.headers, 'content-type': 'application/octet-stream' }, data: bytes },
    );
    expect(response.status(), `upload of ${fileName}`).toBeLessThan(300);
  }

  async moveStage(application: WireDocument<Application>, to: Stage): Promise<WireDocument<Application>> {
    const at = new Date().toISOString();
    return this.push('applications', application, {
      ...application,
      stage: to,
      stageHistory: [
        ...application.stageHistory,
        { from: application.stage, to, by: this.userId, at, recordedAt: at },
      ],
    });
  }
}

/**
 * A fresh open job (made by the hiring manager) with one new candidate of recruiter1's applied to it
 * and moved to `stage`; recruiter1's API is returned for more of the same.
 */
export async function candidateAtStage(
  request: APIRequestContext,
  candidateName: { readonly firstName: string; readonly lastName: string; readonly jobTitle: string },
  stage: Exclude<Stage, 'hired' | 'rejected'> = 'applied',
): Promise<{
  recruiter: ServerApi;
  job: WireDocument<Job>;
  candidate: WireDocument<Candidate>;
  application: WireDocument<Application>;
}> {
  const recruiter = await ServerApi.as(request, 'recruiter1@example.com');
  const manager = await ServerApi.as(request, 'hr.manager@example.com');
  const job = await manager.createJob(`${candidateName.jobTitle} ${uniqueSuffix()}`, 'open');
  const candidate = await recruiter.createCandidate(candidateName.firstName, candidateName.lastName);
  const application = await recruiter.createApplication(job, candidate, stage);
  return { recruiter, job, candidate, application };
}
