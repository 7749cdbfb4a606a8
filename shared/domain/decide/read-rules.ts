import type { Application } from '../application/application-schema';
import { FULL_READ_ROLES, isStaffRole, type Actor } from '../common/roles';
import { hasSubmittedScorecard, isAssigned } from '../interview/interview-people';
import type { Interview } from '../interview/interview-schema';
import type { AnyDocument, CollectionName } from '../collections';

/**
 * What an interviewer may see (SPEC §3): the interviews they are assigned to, and the application,
 * job and candidate of each. Built from the interviews that list them.
 */
export interface InterviewerScope {
  readonly interviewIds: ReadonlySet<string>;
  readonly applicationIds: ReadonlySet<string>;
  readonly jobIds: ReadonlySet<string>;
  readonly candidateIds: ReadonlySet<string>;
}

export { hasSubmittedScorecard, isAssigned };

/** The fields of an interview that decide who sees what. */
export type InterviewAssignment = Pick<
  Interview,
  'id' | 'applicationId' | 'jobId' | 'candidateId' | 'interviewerIds'
>;

export function interviewerScope(
  userId: string,
  interviews: Iterable<InterviewAssignment>,
): InterviewerScope {
  const scope = {
    interviewIds: new Set<string>(),
    applicationIds: new Set<string>(),
    jobIds: new Set<string>(),
    candidateIds: new Set<string>(),
  };
  for (const interview of interviews) {
    if (!isAssigned(interview, userId)) continue;
    scope.interviewIds.add(interview.id);
    scope.applicationIds.add(interview.applicationId);
    scope.jobIds.add(interview.jobId);
    scope.candidateIds.add(interview.candidateId);
  }
  return scope;
}

/** Whether the person reads every replicated document (admins, hiring managers, recruiters). */
export function readsEverything(actor: Actor): boolean {
  return FULL_READ_ROLES.includes(actor.role);
}

/**
 * Whether `actor` may pull `document` of `collection`. Interviewers need their `scope`; candidates
 * never replicate (they use the portal).
 */
export function canRead(
  actor: Actor,
  collection: CollectionName,
  document: { id: string; role?: unknown },
  scope: InterviewerScope | null,
): boolean {
  // The users directory lists staff; portal (candidate) accounts are nobody's business.
  if (collection === 'users') return isStaffRole(actor.role) && isStaffDirectoryEntry(document);
  // Everyone on the staff works by the organisation's settings.
  if (collection === 'settings') return isStaffRole(actor.role);
  if (readsEverything(actor)) return true;
  if (actor.role !== 'interviewer' || !scope) return false;
  switch (collection) {
    // What the team tells a candidate (offers among it) is not an interviewer's business.
    case 'messages':
      return false;
    case 'interviews':
      return scope.interviewIds.has(document.id);
    case 'applications':
      return scope.applicationIds.has(document.id);
    case 'jobs':
      return scope.jobIds.has(document.id);
    case 'candidates':
      return scope.candidateIds.has(document.id);
    case 'comments':
      // The team's comments are for those who run the hiring; interviewers judge on their own.
      return false;
  }
}

function isStaffDirectoryEntry(document: { id: string; role?: unknown }): boolean {
  return typeof document.role !== 'string' || isStaffRole(document.role);
}

/**
 * The form of `document` that `actor` gets: interviewers get applications without `offer`, and on an
 * interview only their own scorecard until they have submitted it (no anchoring): the withheld
 * scorecards, attribute ratings and all, are replaced by their authors' ids
 * (`withheldScorecardAuthors`), so the interviewer's page can say that they exist.
 */
export function redactForReader(
  actor: Actor,
  collection: CollectionName,
  document: AnyDocument,
): AnyDocument {
  if (actor.role !== 'interviewer') return document;
  if (collection === 'applications') {
    const { offer: _offer, ...withoutOffer } = document as Application;
    return withoutOffer;
  }
  if (collection === 'interviews') {
    const interview = document as Interview;
    if (hasSubmittedScorecard(interview, actor.id)) return document;
    const authors = interview.scorecards.map((card) => card.interviewerId);
    return {
      ...interview,
      scorecards: [],
      ...(authors.length > 0 ? { withheldScorecardAuthors: authors } : {}),
    };
  }
  return document;
}

/**
 * The inverse for writes: `clientDocument` was edited from a redacted copy, so put back what was
 * withheld from `stored` (and drop the server's note of it) before judging the change. Without
 * this, every interviewer's scorecard would look like it deleted the others'.
 */
export function restoreWithheld(
  actor: Actor,
  collection: CollectionName,
  stored: AnyDocument,
  clientDocument: Record<string, unknown>,
): Record<string, unknown> {
  if (actor.role !== 'interviewer') return clientDocument;
  if (collection === 'applications') {
    const { offer } = stored as Application;
    return offer === undefined ? clientDocument : { ...clientDocument, offer };
  }
  if (collection === 'interviews') {
    const interview = stored as Interview;
    const { withheldScorecardAuthors: _authors, ...sentContent } = clientDocument;
    if (hasSubmittedScorecard(interview, actor.id)) return sentContent;
    const sent = Array.isArray(sentContent['scorecards']) ? (sentContent['scorecards'] as unknown[]) : [];
    const withheld = interview.scorecards.filter((card) => card.interviewerId !== actor.id);
    return { ...sentContent, scorecards: [...withheld, ...sent] };
  }
  return clientDocument;
}
