import { newApplication } from '#shared/domain/application/application-commands';
import { parseDocumentOf } from '#shared/domain/collections';
import { applicationId, type Application } from '#shared/domain/application/application-schema';
import { CandidateSchema, type Candidate } from '#shared/domain/candidate/candidate-schema';
import type { Actor } from '#shared/domain/common/roles';
import { normalizeEmail } from '#shared/domain/common/schema-helpers';
import { toIso } from '#shared/domain/common/time';
import { validateAgainst } from '#shared/domain/common/validate';
import type { Job } from '#shared/domain/job/job-schema';
import { decideWrite } from '#shared/domain/decide/decide-write';
import { stampServerFields } from '#shared/domain/decide/stamp';
import {
  isPublicJob,
  toPortalApplication,
  toPortalJob,
  type PortalApplication,
  type PortalJob,
} from '#shared/domain/portal/portal-views';
import { fail, succeed, type Outcome } from '../../services/outcome';
import { randomId } from '../../services/tokens';
import { candidateEmailCheck } from '../../services/email-holders';
import { reservationOwner, reserve } from '../../services/reservations';
import { loadWriteContext } from '../../services/write-context';
import type { CouchStore, WriteRecord } from '../../infra/couch-store';
import { isTombstone, liveContentOf, toStored } from '../../infra/stored-document';

/** The signed-in candidate account applying through the portal. */
export interface PortalAccount extends Actor {
  readonly email: string;
  readonly name: string;
}

/** Every open job, as the public careers page shows it (newest first). */
export async function listPortalJobs(store: CouchStore): Promise<PortalJob[]> {
  const docs = await store.find('jobs', { selector: { status: 'open' }, limit: 100_000 });
  return docs
    .map((doc) => liveContentOf('jobs', doc))
    .filter((job): job is Job => job !== null && isPublicJob(job))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map(toPortalJob);
}

/** An open job, or a 404 (drafts, paused and closed jobs do not exist for the public). */
export async function getPortalJob(store: CouchStore, jobId: string): Promise<Outcome<PortalJob>> {
  const job = liveContentOf('jobs', await store.get('jobs', jobId));
  return job && isPublicJob(job) ? succeed(toPortalJob(job)) : noSuchJob;
}

const noSuchJob = fail('not_found', 'job_not_found', 'There is no open job with this id.');
const profileRace = fail(
  'conflict',
  'conflict',
  'Your candidate profile changed at the same moment; try again.',
);
const alreadyApplied = fail('conflict', 'already_applied', 'You have already applied for this job.');

/** The live candidate `id` if it has this (normalized) email. */
async function candidateWithEmail(
  store: CouchStore,
  id: string,
  emailKey: string,
): Promise<Candidate | null> {
  const stored = await store.get('candidates', id);
  return stored && !isTombstone(stored) && stored.serverMeta?.emailKey === emailKey
    ? liveContentOf('candidates', stored)
    : null;
}

/**
 * The candidate record with the account's email (case-insensitive), found through the email's
 * reservation and a read by id (a Mango index may lag a write staff made a moment ago). Records
 * stored before reservations existed (or by the demo loader, which writes them directly) have none:
 * for those the Mango index is asked and the reservation made on the spot, so from then on they are
 * found like the rest. Only ever asked for verified accounts: an unverified address links to nothing
 * (SPEC §4).
 */
export async function findLinkedCandidate(
  store: CouchStore,
  email: string,
  now = Date.now(),
): Promise<Candidate | null> {
  const emailKey = normalizeEmail(email);
  const ownerId = await reservationOwner(store, 'candidate-email', emailKey);
  const reserved = ownerId ? await candidateWithEmail(store, ownerId, emailKey) : null;
  if (reserved) return reserved;
  const docs = await store.find('candidates', { selector: { 'serverMeta.emailKey': emailKey }, limit: 10 });
  const unreserved = docs.find((doc) => !isTombstone(doc) && doc.serverMeta?.emailKey === emailKey);
  if (!unreserved) return null;
  const claimed = await reserve(
    store,
    'candidate-email',
    emailKey,
    unreserved._id,
    candidateEmailCheck(store),
    now,
  );
  if (claimed.ok) return liveContentOf('candidates', unreserved);
  return claimed.heldBy ? candidateWithEmail(store, claimed.heldBy, emailKey) : null;
}

/**
 * The candidate record of a verified `account`, created from the account when missing (source
 * `career_page`). A new record reserves the email first, so it can never duplicate one the staff made
 * at the same moment: whoever holds the reservation is the record. The id is derived from the account,
 * so two simultaneous first applications create one record. This is a server action on the
 * candidate's behalf: the shared candidate rules keep candidate editing to staff, so only the schema is
 * checked here.
 */
async function linkedOrNewCandidate(
  store: CouchStore,
  account: PortalAccount,
  now: number,
): Promise<Outcome<Candidate>> {
  const existing = await findLinkedCandidate(store, account.email, now);
  if (existing) return succeed(existing);
  const [firstName = account.name, ...rest] = account.name.trim().split(/\s+/);
  const created: Candidate = {
    id: `cand-${account.id}`.slice(0, 64).replace(/[^A-Za-z0-9_-]/g, '_'),
    updatedAt: now,
    firstName: firstName.slice(0, 100) || 'Candidate',
    lastName: rest.join(' ').slice(0, 100) || '-',
    email: account.email,
    skills: [],
    source: 'career_page',
    tags: [],
    createdBy: account.id,
    createdAt: toIso(now),
  };
  const validation = validateAgainst(CandidateSchema, created, 'candidate');
  if (!validation.ok) return fail('refused', validation.code, validation.message);
  const emailKey = normalizeEmail(account.email);
  const reserved = await reserve(
    store,
    'candidate-email',
    emailKey,
    created.id,
    candidateEmailCheck(store),
    now,
  );
  if (!reserved.ok) {
    const holder = reserved.heldBy ? await candidateWithEmail(store, reserved.heldBy, emailKey) : null;
    return holder ? succeed(holder) : profileRace;
  }
  const write: WriteRecord = { id: randomId('w', 9), at: now, userId: account.id, action: 'create' };
  const written = await store.put('candidates', toStored('candidates', created, { write }));
  if (written.ok) return succeed(created);
  // Lost a race with the same account's other request: use the record it wrote.
  const raced = await candidateWithEmail(store, created.id, emailKey);
  return raced ? succeed(raced) : profileRace;
}

/**
 * `POST /api/portal/jobs/{id}/apply`: an application at `applied` with the deterministic id, judged by
 * the shared `decideWrite` as the candidate (with `actorCandidateId`). The cover letter, if any, is
 * the note of the first stage-history entry (staff see it; the portal never shows notes).
 */
export async function applyToJob(
  store: CouchStore,
  account: PortalAccount,
  jobId: string,
  input: { coverLetter?: string },
  now: () => number,
): Promise<Outcome<PortalApplication>> {
  const stored = liveContentOf('jobs', await store.get('jobs', jobId));
  if (!stored || stored.status === 'draft') return noSuchJob;
  if (stored.status !== 'open') {
    return fail('refused', 'job_not_open', 'This job is not taking applications at the moment.');
  }
  const time = now();
  const linked = await linkedOrNewCandidate(store, account, time);
  if (!linked.ok) return linked;
  const candidate = linked.value;
  const id = applicationId(stored.id, candidate.id);
  const existing = await store.get('applications', id);
  if (existing && !isTombstone(existing)) return alreadyApplied;

  const draft = newApplication(
    stored.id,
    candidate.id,
    account,
    { at: new Date(time) },
    { source: 'career_page', ...(input.coverLetter ? { note: input.coverLetter } : {}) },
  );
  const stamped = stampServerFields('applications', account, null, draft, time);
  const context = {
    ...(await loadWriteContext(store, 'applications', stamped, time, true)),
    actorCandidateId: candidate.id,
  };
  const decision = decideWrite(account, 'applications', null, stamped, context);
  if (!decision.ok) return fail('refused', decision.code, decision.message);
  const application = parseDocumentOf('applications', stamped);
  if (!application.ok) return fail('refused', application.code, application.message);

  // The write carries its audit record (SPEC §5): no application without its entry.
  const write: WriteRecord = { id: randomId('w', 9), at: time, userId: account.id, action: 'create' };
  const written = await store.put(
    'applications',
    toStored('applications', stamped, { previous: existing, write }),
  );
  if (!written.ok) return alreadyApplied;
  return succeed(toPortalApplication(application.value, stored.title));
}

/**
 * The applications this account made (newest first), as the portal shows them: only what it applied
 * for itself, never what staff recorded for the candidate (the team decides what candidates hear).
 * Callers ask only for verified accounts.
 */
export async function listOwnApplications(
  store: CouchStore,
  account: PortalAccount,
): Promise<PortalApplication[]> {
  const candidate = await findLinkedCandidate(store, account.email);
  if (!candidate) return [];
  const docs = await store.find('applications', { selector: { candidateId: candidate.id }, limit: 10_000 });
  const applications = docs
    .map((doc) => liveContentOf('applications', doc))
    .filter(
      (application): application is Application =>
        application?.candidateId === candidate.id && application.createdBy === account.id,
    );
  const jobs = await store.getMany('jobs', [
    ...new Set(applications.map((application) => application.jobId)),
  ]);
  return applications
    .map((application) => {
      const job = liveContentOf('jobs', jobs.get(application.jobId) ?? null);
      return toPortalApplication(application, job?.title ?? 'A job that is no longer listed');
    })
    .sort((a, b) => b.appliedAt.localeCompare(a.appliedAt));
}

/** The application `applicationId` if it is the account's own, else a 404. */
export async function ownApplication(
  store: CouchStore,
  account: PortalAccount,
  id: string,
): Promise<Outcome<Application>> {
  const candidate = await findLinkedCandidate(store, account.email);
  const application = liveContentOf('applications', await store.get('applications', id));
  const isOwn =
    candidate !== null &&
    application !== null &&
    application.candidateId === candidate.id &&
    application.createdBy === account.id;
  return isOwn && application
    ? succeed(application)
    : fail('not_found', 'application_not_found', 'You have no application with this id.');
}

/**
 * The candidate record a portal account may attach a résumé to: only one the account created. A
 * record kept by the staff is theirs to change.
 */
export async function ownResumeCandidateId(
  store: CouchStore,
  account: PortalAccount,
  applicationId: string,
): Promise<Outcome<string>> {
  const application = await ownApplication(store, account, applicationId);
  if (!application.ok) return application;
  const candidate = liveContentOf('candidates', await store.get('candidates', application.value.candidateId));
  if (candidate?.createdBy !== account.id) {
    return fail(
      'forbidden',
      'profile_managed_by_staff',
      'Your profile is kept by our recruiters; please send your résumé to the recruiter you are in touch with.',
    );
  }
  return succeed(candidate.id);
}
