import Type, { type Static } from 'typebox';
import { CANDIDATE_SOURCES } from '../candidate/candidate-schema';
import {
  documentBase,
  Id,
  ID_MAX_LENGTH,
  ID_PATTERN,
  IsoDate,
  IsoDateTime,
  StringEnum,
  Text,
} from '../common/schema-helpers';

export const STAGES = ['applied', 'screening', 'interview', 'offer', 'hired', 'rejected'] as const;
export type Stage = (typeof STAGES)[number];

export const OFFER_STATUSES = ['draft', 'extended', 'accepted', 'declined'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/**
 * One accepted stage change. The first entry of every application records its creation
 * (`from: null, to: 'applied'`). `by` and `recordedAt` are set by the server; `at` is when the person
 * made the change, kept so offline work keeps its real time.
 */
export const StageHistoryEntrySchema = Type.Object(
  {
    from: Type.Union([StringEnum(STAGES), Type.Null()]),
    to: StringEnum(STAGES),
    by: Id(),
    at: IsoDateTime(),
    recordedAt: IsoDateTime(),
    note: Type.Optional(Text(2_000)),
  },
  { additionalProperties: false },
);
export type StageHistoryEntry = Static<typeof StageHistoryEntrySchema>;

export const RejectionSchema = Type.Object(
  {
    atStage: StringEnum(STAGES),
    reason: Text(200),
    note: Type.Optional(Text(2_000)),
  },
  { additionalProperties: false },
);
export type Rejection = Static<typeof RejectionSchema>;

export const OfferSchema = Type.Object(
  {
    baseSalary: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
    currency: Type.String({ pattern: '^[A-Z]{3}$', maxLength: 3 }),
    bonusPct: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000 })),
    equity: Type.Optional(Text(200)),
    startDate: Type.Optional(IsoDate()),
    deadline: Type.Optional(IsoDate()),
    status: StringEnum(OFFER_STATUSES),
  },
  { additionalProperties: false },
);
export type Offer = Static<typeof OfferSchema>;

/** An application id: `<jobId>__<candidateId>`, two ids and the separator. */
const ApplicationId = () =>
  Type.String({ minLength: 3, maxLength: ID_MAX_LENGTH * 2 + 2, pattern: ID_PATTERN });

/** Separator of the deterministic application id `<jobId>__<candidateId>`. */
export const APPLICATION_ID_SEPARATOR = '__';

/**
 * A candidate's application to a job (SPEC §2). The id is `<jobId>__<candidateId>`, so the same
 * candidate added to the same job on two offline laptops is one application, never two.
 */
export const ApplicationSchema = Type.Object(
  {
    ...documentBase,
    id: ApplicationId(),
    jobId: Id(),
    candidateId: Id(),
    stage: StringEnum(STAGES),
    stageHistory: Type.Array(StageHistoryEntrySchema, { minItems: 1, maxItems: 20 }),
    rejection: Type.Optional(RejectionSchema),
    offer: Type.Optional(OfferSchema),
    source: Type.Optional(StringEnum(CANDIDATE_SOURCES)),
    /**
     * Set when the candidate was merged into another: the id of the survivor's application to the same
     * job, which carries on. This one is kept, frozen, so both histories stay readable.
     */
    mergedInto: Type.Optional(ApplicationId()),
    /** On an application re-keyed to a merge's survivor: the merged application it was copied from. */
    mergedFrom: Type.Optional(ApplicationId()),
    createdBy: Id(),
    createdAt: IsoDateTime(),
  },
  { additionalProperties: false, title: 'Application' },
);

export type Application = Static<typeof ApplicationSchema>;

/** The deterministic id of the application of `candidateId` to `jobId`. */
export function applicationId(jobId: string, candidateId: string): string {
  return `${jobId}${APPLICATION_ID_SEPARATOR}${candidateId}`;
}
