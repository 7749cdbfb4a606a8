import type { Candidate, CandidateSource } from '#shared/domain/candidate/candidate-schema';
import type { Actor } from '#shared/domain/common/roles';

export interface CandidateFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  location: string;
  /** An IANA zone for the times in the candidate's messages; empty: the organisation's. */
  timeZone: string;
  currentCompany: string;
  currentTitle: string;
  yearsExperience: string;
  skills: string;
  source: CandidateSource;
  referredBy: string;
  agency: string;
  tags: string;
  notes: string;
}

export const CANDIDATE_FIELD_LABELS: Readonly<Record<string, string>> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  location: 'Location',
  timeZone: 'Time zone',
  currentCompany: 'Current company',
  currentTitle: 'Current title',
  yearsExperience: 'Years of experience',
  skills: 'Skills',
  source: 'Source',
  referredBy: 'Referred by',
  agency: 'Agency',
  tags: 'Tags',
  notes: 'Notes',
};

const TEXT_FIELDS = [
  'phone',
  'location',
  'timeZone',
  'currentCompany',
  'currentTitle',
  'referredBy',
  'agency',
  'notes',
] as const;

export function candidateToForm(candidate: Candidate | null): CandidateFormValues {
  const text = (field: (typeof TEXT_FIELDS)[number]) => candidate?.[field] ?? '';
  return {
    firstName: candidate?.firstName ?? '',
    lastName: candidate?.lastName ?? '',
    email: candidate?.email ?? '',
    phone: text('phone'),
    location: text('location'),
    timeZone: text('timeZone'),
    currentCompany: text('currentCompany'),
    currentTitle: text('currentTitle'),
    yearsExperience: candidate?.yearsExperience?.toString() ?? '',
    skills: candidate?.skills.join(', ') ?? '',
    source: candidate?.source ?? 'linkedin',
    referredBy: text('referredBy'),
    agency: text('agency'),
    tags: candidate?.tags.join(', ') ?? '',
    notes: text('notes'),
  };
}

function list(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

/** The candidate the form describes: new, or `before` with the form's fields. */
export function formToCandidate(
  values: CandidateFormValues,
  before: Candidate | null,
  actor: Actor,
  id: string,
  now: Date,
): Candidate {
  const base: Candidate = before ?? {
    id,
    updatedAt: 0,
    firstName: '',
    lastName: '',
    email: '',
    skills: [],
    source: values.source,
    tags: [],
    createdBy: actor.id,
    createdAt: now.toISOString(),
  };
  const result: Record<string, unknown> = {
    ...base,
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    email: values.email.trim(),
    skills: list(values.skills),
    tags: list(values.tags),
    source: values.source,
  };
  for (const field of TEXT_FIELDS) {
    const value = values[field].trim();
    if (value) result[field] = value;
    else delete result[field];
  }
  const years = values.yearsExperience.trim();
  if (years) result['yearsExperience'] = Number(years);
  else delete result['yearsExperience'];
  return result as Candidate;
}
