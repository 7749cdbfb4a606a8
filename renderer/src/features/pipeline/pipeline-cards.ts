import { differenceInCalendarDays } from 'date-fns';
import type { Application, OfferStatus, Stage } from '#shared/domain/application/application-schema';
import type { Candidate, CandidateSource } from '#shared/domain/candidate/candidate-schema';
import type { Interview } from '#shared/domain/interview/interview-schema';

/** What one card of the board shows, computed once per application (cards render only this). */
export interface PipelineCard {
  /** The application's id; also the card's drag id and React key. */
  readonly id: string;
  readonly candidateId: string;
  readonly name: string;
  readonly currentCompany: string;
  readonly currentTitle: string;
  readonly source: CandidateSource | null;
  readonly tags: readonly string[];
  readonly stage: Stage;
  /** When the application entered its current stage (ms), from its last history entry. */
  readonly enteredStageAt: number;
  readonly daysInStage: number;
  /** The earliest scheduled interview from now on, as ISO time; null when none. */
  readonly nextInterviewAt: string | null;
  /** The application has a local change the server has not accepted yet. */
  readonly isPending: boolean;
  /** The offer's status, when one is written (hiring needs it accepted). */
  readonly offerStatus?: OfferStatus;
  /** Name, company, title and tags, lowercased, for the text filter. */
  readonly searchText: string;
}

export interface CardInputs {
  readonly applications: readonly Application[];
  readonly candidates: ReadonlyMap<string, Candidate>;
  /** The job's interviews (any status; only upcoming scheduled ones count). */
  readonly interviews: readonly Interview[];
  /** Ids of applications with a pending local change. */
  readonly pendingIds: ReadonlySet<string>;
  readonly now: number;
  /** The name a card shows for a candidate not on this device (`missingNames`). */
  readonly missingCandidateName: string;
}

/** The next scheduled interview of each application, from `now` on. One pass over the interviews. */
export function nextInterviews(interviews: readonly Interview[], now: number): Map<string, string> {
  const next = new Map<string, string>();
  for (const interview of interviews) {
    if (interview.status !== 'scheduled' || Date.parse(interview.scheduledAt) < now) continue;
    const current = next.get(interview.applicationId);
    if (!current || interview.scheduledAt < current) next.set(interview.applicationId, interview.scheduledAt);
  }
  return next;
}

function toCard(
  application: Application,
  candidate: Candidate | undefined,
  nextInterviewAt: string | null,
  isPending: boolean,
  inputs: CardInputs,
): PipelineCard {
  const { now } = inputs;
  const name = candidate ? `${candidate.firstName} ${candidate.lastName}` : inputs.missingCandidateName;
  const currentCompany = candidate?.currentCompany ?? '';
  const currentTitle = candidate?.currentTitle ?? '';
  const tags = candidate?.tags ?? [];
  const enteredStageAt = Date.parse(application.stageHistory.at(-1)?.at ?? application.createdAt);
  return {
    id: application.id,
    candidateId: application.candidateId,
    name,
    currentCompany,
    currentTitle,
    source: application.source ?? candidate?.source ?? null,
    tags,
    stage: application.stage,
    enteredStageAt,
    daysInStage: Math.max(0, differenceInCalendarDays(now, enteredStageAt)),
    nextInterviewAt,
    isPending,
    ...(application.offer ? { offerStatus: application.offer.status } : {}),
    searchText: [name, currentCompany, currentTitle, ...tags].join('\n').toLowerCase(),
  };
}

function isSameCard(a: PipelineCard, b: PipelineCard): boolean {
  return (
    a.id === b.id &&
    a.candidateId === b.candidateId &&
    a.name === b.name &&
    a.currentCompany === b.currentCompany &&
    a.currentTitle === b.currentTitle &&
    a.source === b.source &&
    a.stage === b.stage &&
    a.enteredStageAt === b.enteredStageAt &&
    a.daysInStage === b.daysInStage &&
    a.nextInterviewAt === b.nextInterviewAt &&
    a.isPending === b.isPending &&
    a.offerStatus === b.offerStatus &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, index) => tag === b.tags[index])
  );
}

/**
 * Every card of the board in one pass. A card equal to its `previous` version is that same object,
 * so memoised card components skip re-rendering when another application changed.
 */
export function buildCards(
  inputs: CardInputs,
  previous: ReadonlyMap<string, PipelineCard> = new Map(),
): Map<string, PipelineCard> {
  const upcoming = nextInterviews(inputs.interviews, inputs.now);
  const cards = new Map<string, PipelineCard>();
  for (const application of inputs.applications) {
    // A merged application carries on as its survivor's; only that one is on the board.
    if (application.mergedInto) continue;
    const card = toCard(
      application,
      inputs.candidates.get(application.candidateId),
      upcoming.get(application.id) ?? null,
      inputs.pendingIds.has(application.id),
      inputs,
    );
    const before = previous.get(card.id);
    cards.set(card.id, before && isSameCard(before, card) ? before : card);
  }
  return cards;
}
