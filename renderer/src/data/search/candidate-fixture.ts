import type { Candidate } from '#shared/domain/candidate/candidate-schema';

/** A valid candidate for tests: Ada Lovelace from LinkedIn, with `overrides`. */
export function candidate(id: string, overrides: Partial<Candidate> = {}): Candidate {
  return {
    id,
    updatedAt: 1,
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: `${id}@example.com`,
    skills: [],
    source: 'linkedin',
    tags: [],
    createdBy: 'u1',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
