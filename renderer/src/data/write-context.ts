import type { WriteContext } from '#shared/domain/decide/write-context';
import type { CollectionName } from '#shared/domain/collections';
import { SETTINGS_ID } from '#shared/domain/settings/settings-schema';
import type { ShortlistDatabase } from './database';

/**
 * The context the shared write rules need, filled from the local database (the server fills it from
 * its store). Candidate email uniqueness is left to the server: the laptop may not hold every candidate.
 */
export async function buildWriteContext(
  db: ShortlistDatabase,
  collection: CollectionName,
  document: Readonly<Record<string, unknown>>,
): Promise<WriteContext> {
  const now = Date.now();
  if (collection === 'applications') {
    const mergedFrom = document['mergedFrom'];
    const [job, candidate, settings, source] = await Promise.all([
      db.jobs.findOne(String(document['jobId'])).exec(),
      db.candidates.findOne(String(document['candidateId'])).exec(),
      db.settings.findOne(SETTINGS_ID).exec(),
      typeof mergedFrom === 'string' ? db.applications.findOne(mergedFrom).exec() : null,
    ]);
    const sourceCandidate = source ? await db.candidates.findOne(source.candidateId).exec() : null;
    return {
      now,
      job: job?.toMutableJSON() ?? null,
      candidate: candidate?.toMutableJSON() ?? null,
      settings: settings?.toMutableJSON() ?? null,
      mergeSource: source?.toMutableJSON() ?? null,
      mergeSourceCandidate: sourceCandidate?.toMutableJSON() ?? null,
    };
  }
  if (collection === 'candidates') {
    const mergedInto = document['mergedInto'];
    const target = typeof mergedInto === 'string' ? await db.candidates.findOne(mergedInto).exec() : null;
    return { now, mergeTarget: target?.toMutableJSON() ?? null };
  }
  if (collection === 'interviews') {
    const [application, job, users] = await Promise.all([
      db.applications.findOne(String(document['applicationId'])).exec(),
      db.jobs.findOne(String(document['jobId'])).exec(),
      db.users.find().exec(),
    ]);
    return {
      now,
      application: (application?.toMutableJSON()) ?? null,
      job: job?.toMutableJSON() ?? null,
      users: new Map(users.map((user) => [user.id, user.toMutableJSON()])),
    };
  }
  if (collection === 'messages') {
    const candidate = await db.candidates.findOne(String(document['candidateId'])).exec();
    return { now, candidate: candidate?.toMutableJSON() ?? null };
  }
  if (collection === 'comments') {
    const users = await db.users.find().exec();
    return { now, users: new Map(users.map((user) => [user.id, user.toMutableJSON()])) };
  }
  return { now };
}
