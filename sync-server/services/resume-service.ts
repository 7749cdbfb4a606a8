import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DocumentScope } from 'nano';
import { fileTypeFromBuffer } from 'file-type';
import {
  CandidateSchema,
  RESUME_CONTENT_TYPES,
  type Candidate,
  type ResumeRef,
} from '#shared/domain/candidate/candidate-schema';
import type { Actor } from '#shared/domain/common/roles';
import { toIso } from '#shared/domain/common/time';
import { validateAgainst } from '#shared/domain/common/validate';
import { fail, succeed, type Outcome } from './outcome';
import { randomId } from './tokens';
import { statusOf, type CouchStore, type StoredDoc, type WriteRecord } from '../infra/couch-store';
import { liveContentOf, toStored } from '../infra/stored-document';

/** Largest résumé accepted (SPEC §6). */
export const MAX_RESUME_BYTES = 10 * 1024 * 1024;

export type ResumeContentType = (typeof RESUME_CONTENT_TYPES)[number];

const EXTENSIONS: Readonly<Record<ResumeContentType, string>> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** The server database holding résumé attachments (`<prefix>files`; created by `fileRoutes`). */
export const FILES_DATABASE = 'files';

/** The `files` database of `store` (it must exist: `fileRoutes` creates it on start). */
export function filesDatabase(store: CouchStore): DocumentScope<StoredDoc> {
  return store.server.use<StoredDoc>(`${store.prefix}${FILES_DATABASE}`);
}

/** The id of the `files` document holding a candidate's résumé attachments. */
export function resumeFileId(candidateId: string): string {
  return `candidate-${candidateId}`;
}

/** Attachments are content-addressed, so the candidate's reference always names the right bytes. */
function attachmentName(sha256: string): string {
  return `resume-${sha256}`;
}

/**
 * The résumé's type, judged by its content (never by the client's Content-Type or file name):
 * PDF or DOCX, else a 415.
 */
export async function detectResumeType(content: Buffer): Promise<Outcome<ResumeContentType>> {
  const detected = await fileTypeFromBuffer(content);
  const allowed = RESUME_CONTENT_TYPES.find((type) => type === detected?.mime);
  return allowed
    ? succeed(allowed)
    : fail('unsupported', 'unsupported_file_type', 'A résumé must be a PDF or a Word (.docx) document.');
}

/** A file name safe for headers and screens: no paths, no control characters, the right extension. */
export function cleanFileName(requested: string | undefined, contentType: ResumeContentType): string {
  const extension = EXTENSIONS[contentType];
  const base = (requested ?? '')
    .split(/[\\/]/)
    .pop()
    ?.replace(/[\p{Cc}"]/gu, '')
    .trim()
    .slice(0, 200);
  if (!base) return `resume.${extension}`;
  return base.toLowerCase().endsWith(`.${extension}`)
    ? base
    : `${base.replace(/\.[A-Za-z0-9]{1,5}$/, '')}.${extension}`;
}

/**
 * Stores a résumé for `candidateId` (content already size-limited by the route): checks its type by
 * content, adds it as an attachment of the candidate's `files` document, then sets the candidate's
 * `resume` reference (with the `_rev` just read, `updatedAt` bumped so replication carries it), and
 * finally drops the attachments no reference names any more. Audited as an update of the candidate.
 */
export async function storeResume(
  store: CouchStore,
  files: DocumentScope<StoredDoc>,
  actor: Actor,
  input: { candidateId: string; content: Buffer; fileName?: string },
  now: () => number,
): Promise<Outcome<ResumeRef>> {
  if (input.content.length === 0) return fail('invalid', 'empty_file', 'The résumé file is empty.');
  const detected = await detectResumeType(input.content);
  if (!detected.ok) return detected;
  const contentType = detected.value;
  const candidate = liveContentOf('candidates', await store.get('candidates', input.candidateId));
  if (!candidate) return fail('not_found', 'not_found', 'No such candidate.');
  if (candidate.erasedAt) {
    return fail('refused', 'candidate_erased', 'This candidate was erased and cannot be changed.');
  }

  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const fileId = resumeFileId(candidate.id);
  const attached = await putAttachment(files, fileId, attachmentName(sha256), input.content, contentType);
  if (!attached.ok) return attached;

  const time = now();
  const resume: ResumeRef = {
    fileName: cleanFileName(input.fileName, contentType),
    contentType,
    size: input.content.length,
    sha256,
    uploadedAt: toIso(time),
  };
  const referenced = await setResumeRef(store, candidate.id, resume, {
    id: randomId('w', 9),
    at: time,
    userId: actor.id,
    action: 'update',
  });
  if (!referenced.ok) return referenced;
  // Best effort: an attachment left behind is harmless, and the next upload prunes it.
  await pruneAttachments(files, fileId, attachmentName(sha256)).catch(() => undefined);
  return succeed(resume);
}

async function putAttachment(
  files: DocumentScope<StoredDoc>,
  fileId: string,
  name: string,
  content: Buffer,
  contentType: string,
): Promise<Outcome<true>> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const rev = await currentRev(files, fileId);
    try {
      await files.attachment.insert(fileId, name, content, contentType, rev ? { rev } : {});
      return succeed(true);
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
  }
  return fail(
    'conflict',
    'conflict',
    'The résumé was uploaded at the same moment by someone else; try again.',
  );
}

async function currentRev(files: DocumentScope<StoredDoc>, id: string): Promise<string | undefined> {
  try {
    return (await files.get(id))._rev;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** Sets the candidate's résumé reference; the write's audit record goes with it. */
async function setResumeRef(
  store: CouchStore,
  candidateId: string,
  resume: ResumeRef,
  write: WriteRecord,
): Promise<Outcome<true>> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const stored = await store.get('candidates', candidateId);
    const candidate = liveContentOf('candidates', stored);
    if (!stored || !candidate) return fail('not_found', 'not_found', 'No such candidate.');
    const next: Candidate = { ...candidate, resume, updatedAt: Math.max(write.at, candidate.updatedAt + 1) };
    const validation = validateAgainst(CandidateSchema, next, 'candidate');
    if (!validation.ok) return fail('refused', validation.code, validation.message);
    const written = await store.put('candidates', toStored('candidates', next, { previous: stored, write }));
    if (written.ok) return succeed(true);
  }
  return fail('conflict', 'conflict', 'The candidate was changed at the same moment; try again.');
}

/** Removes every résumé attachment of `fileId` except `keep` (best effort: a leftover is harmless). */
async function pruneAttachments(
  files: DocumentScope<StoredDoc>,
  fileId: string,
  keep: string,
): Promise<void> {
  const doc = await files.get(fileId);
  const names = Object.keys((doc['_attachments'] as Record<string, unknown> | undefined) ?? {});
  let rev: string | undefined = doc._rev;
  for (const name of names) {
    if (name === keep || !rev) continue;
    const removed = (await files.attachment.destroy(fileId, name, { rev })) as unknown as { rev?: unknown };
    rev = typeof removed.rev === 'string' ? removed.rev : undefined;
  }
}

/** A résumé ready to stream. */
export interface ResumeDownload {
  readonly resume: ResumeRef;
  readonly stream: Readable;
}

/** The candidate's current résumé (the caller has checked read access), or a 404. */
export async function openResume(
  store: CouchStore,
  files: DocumentScope<StoredDoc>,
  candidateId: string,
): Promise<Outcome<ResumeDownload>> {
  const missing = fail('not_found', 'no_resume', 'The résumé file is missing.');
  const candidate = liveContentOf('candidates', await store.get('candidates', candidateId));
  const resume = candidate && !candidate.erasedAt ? candidate.resume : undefined;
  if (!resume) return fail('not_found', 'no_resume', 'This candidate has no résumé.');
  const fileId = resumeFileId(candidateId);
  const name = attachmentName(resume.sha256);
  let doc: StoredDoc;
  try {
    doc = await files.get(fileId);
  } catch (error) {
    if (statusOf(error) === 404) return missing;
    throw error;
  }
  const attachments = (doc['_attachments'] as Record<string, unknown> | undefined) ?? {};
  if (!(name in attachments)) return missing;
  return succeed({ resume, stream: files.attachment.getAsStream(fileId, name) });
}

/**
 * Deletes every stored résumé of a candidate (GDPR erasure, SPEC §5): the admin erasure should call
 * this after clearing the candidate's personal data.
 */
export async function eraseResumeFiles(store: CouchStore, candidateId: string): Promise<void> {
  const files = filesDatabase(store);
  const fileId = resumeFileId(candidateId);
  try {
    const doc = await files.get(fileId);
    if (doc._rev) await files.destroy(fileId, doc._rev);
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
}
