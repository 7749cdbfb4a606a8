import type { Application } from '../application/application-schema';
import type { Candidate } from '../candidate/candidate-schema';
import type { Job } from '../job/job-schema';
import type { User } from '../user/user-schema';

/**
 * What a write rule needs to know beyond the document itself. The server fills it from the store
 * (current versions, not what the client believes); the app fills it from its local database.
 * A lookup a rule needs but finds missing is a refusal (`not_found`), never a pass.
 */
export interface WriteContext {
  /** The deciding side's clock, in ms (the server's, for the server). */
  readonly now: number;
  /** Applications: the job applied to. */
  readonly job?: Job | null;
  /** Applications: the candidate applying (read only when an application is created). */
  readonly candidate?: Candidate | null;
  /** Interviews: the application interviewed for. */
  readonly application?: Application | null;
  /** Interviews: the staff directory, to check the assigned interviewers. */
  readonly users?: ReadonlyMap<string, User>;
  /** Candidates: the id of a candidate that already has this email (case-insensitive), if any. */
  readonly emailTakenBy?: string | null;
  /** A `candidate` actor (portal): the id of the candidate record linked to their account. */
  readonly actorCandidateId?: string | null;
}
