import type { Doc } from './sync-client';

const iso = (ms: number): string => new Date(ms).toISOString();

let counter = 0;
/** A unique id for test documents. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

export function jobDoc(overrides: Partial<Doc> = {}): Doc {
  return {
    id: uniqueId('job'),
    updatedAt: 0,
    title: 'Platform Engineer',
    department: 'Engineering',
    location: 'Remote',
    employmentType: 'full_time',
    description: 'Builds the platform.',
    requirements: ['TypeScript'],
    status: 'open',
    recruiterIds: [],
    createdBy: 'someone',
    createdAt: iso(Date.now() - 86_400_000),
    ...overrides,
  };
}

export function candidateDoc(overrides: Partial<Doc> = {}): Doc {
  const id = uniqueId('cand');
  return {
    id,
    updatedAt: 0,
    firstName: 'Robin',
    lastName: 'Fischer',
    email: `${id}@example.org`,
    phone: '+49 30 1234567',
    skills: ['Go'],
    source: 'linkedin',
    tags: [],
    notes: 'Strong systems background.',
    createdBy: 'someone',
    createdAt: iso(Date.now() - 86_400_000),
    ...overrides,
  };
}

export function applicationDoc(jobId: string, candidateId: string, overrides: Partial<Doc> = {}): Doc {
  return {
    id: `${jobId}__${candidateId}`,
    updatedAt: 0,
    jobId,
    candidateId,
    stage: 'applied',
    stageHistory: [
      { from: null, to: 'applied', by: 'someone', at: iso(Date.now() - 60_000), recordedAt: iso(Date.now()) },
    ],
    source: 'linkedin',
    createdBy: 'someone',
    createdAt: iso(Date.now() - 60_000),
    ...overrides,
  };
}

export function interviewDoc(application: Doc, interviewerIds: string[], overrides: Partial<Doc> = {}): Doc {
  return {
    id: uniqueId('int'),
    updatedAt: 0,
    applicationId: application.id,
    jobId: application['jobId'],
    candidateId: application['candidateId'],
    type: 'technical',
    scheduledAt: iso(Date.now() + 86_400_000),
    durationMinutes: 60,
    interviewerIds,
    status: 'scheduled',
    scorecards: [],
    createdBy: 'someone',
    createdAt: iso(Date.now()),
    ...overrides,
  };
}

/** The application moved one stage forward, with its history entry. */
export function advanced(application: Doc, to: string, extra: Partial<Doc> = {}): Doc {
  const history = application['stageHistory'] as Record<string, unknown>[];
  return {
    ...application,
    stage: to,
    stageHistory: [
      ...history,
      { from: application['stage'], to, by: 'me', at: iso(Date.now()), recordedAt: iso(Date.now()) },
    ],
    ...extra,
  };
}

export function scorecard(interviewerId: string, rating = 4): Record<string, unknown> {
  return {
    interviewerId,
    rating,
    recommendation: 'yes',
    notes: `Notes by ${interviewerId}`,
    submittedAt: iso(Date.now()),
  };
}
