import Type, { type Static } from 'typebox';
import { documentBase, Email, Id, IsoDateTime, StringEnum, Text } from '../common/schema-helpers';

export const CANDIDATE_SOURCES = [
  'linkedin',
  'referral',
  'career_page',
  'job_board',
  'agency',
  'other',
] as const;
export type CandidateSource = (typeof CANDIDATE_SOURCES)[number];

export const RESUME_CONTENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;

/** Reference to a résumé stored on the server (SPEC §6). Written only by the server's file endpoint. */
export const ResumeRefSchema = Type.Object(
  {
    fileName: Text(255, 1),
    contentType: StringEnum(RESUME_CONTENT_TYPES),
    size: Type.Integer({ minimum: 1, maximum: 10 * 1024 * 1024 }),
    sha256: Type.String({ pattern: '^[a-f0-9]{64}$', maxLength: 64 }),
    uploadedAt: IsoDateTime(),
  },
  { additionalProperties: false },
);
export type ResumeRef = Static<typeof ResumeRefSchema>;

/** A person being considered for jobs (SPEC §2). `email` is unique case-insensitively. */
export const CandidateSchema = Type.Object(
  {
    ...documentBase,
    firstName: Text(100, 1),
    lastName: Text(100, 1),
    email: Email(),
    phone: Type.Optional(Text(40)),
    location: Type.Optional(Text(200)),
    currentCompany: Type.Optional(Text(200)),
    currentTitle: Type.Optional(Text(200)),
    yearsExperience: Type.Optional(Type.Number({ minimum: 0, maximum: 70 })),
    skills: Type.Array(Text(100, 1), { maxItems: 100 }),
    source: StringEnum(CANDIDATE_SOURCES),
    referredBy: Type.Optional(Text(200)),
    agency: Type.Optional(Text(200)),
    tags: Type.Array(Text(50, 1), { maxItems: 50 }),
    notes: Type.Optional(Text(20_000)),
    /** The candidate's IANA time zone, for times in their messages (else the organisation's). */
    timeZone: Type.Optional(Text(64, 1)),
    resume: Type.Optional(ResumeRefSchema),
    /** Set by the server when the candidate's personal data was erased (SPEC §5, GDPR). */
    erasedAt: Type.Optional(IsoDateTime()),
    /**
     * Set when this record was merged into another as a duplicate: the survivor's id. A merged record
     * is kept (its history stays readable) and frozen; the survivor is chosen by `mergeSurvivor`.
     */
    mergedInto: Type.Optional(Id()),
    /** When the merge was made (the person's time, like a stage change's `at`). */
    mergedAt: Type.Optional(IsoDateTime()),
    createdBy: Id(),
    createdAt: IsoDateTime(),
  },
  { additionalProperties: false, title: 'Candidate' },
);

export type Candidate = Static<typeof CandidateSchema>;
