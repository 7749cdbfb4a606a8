import type { Candidate, CandidateSource } from '#shared/domain/candidate/candidate-schema';

/** What the candidate list shows and searches, precomputed once per document. */
export interface CandidateSearchEntry {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly currentCompany: string;
  readonly currentTitle: string;
  readonly source: CandidateSource;
  readonly skills: readonly string[];
  /** Name, email, skills, company and title, lowercased, for substring search. */
  readonly haystack: string;
}

export function toSearchEntry(candidate: Candidate): CandidateSearchEntry {
  const name = `${candidate.firstName} ${candidate.lastName}`;
  const company = candidate.currentCompany ?? '';
  const title = candidate.currentTitle ?? '';
  return {
    id: candidate.id,
    name,
    email: candidate.email,
    currentCompany: company,
    currentTitle: title,
    source: candidate.source,
    skills: candidate.skills,
    haystack: [name, candidate.email, company, title, ...candidate.skills].join('\n').toLowerCase(),
  };
}

/** The words of a search, lowercased. */
export function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Entries containing every term (in any field), in the given order. A linear scan: 50,000 entries take a few ms. */
export function searchCandidates(
  entries: readonly CandidateSearchEntry[],
  query: string,
  source?: CandidateSource | null,
): readonly CandidateSearchEntry[] {
  const terms = searchTerms(query);
  if (terms.length === 0 && !source) return entries;
  return entries.filter(
    (entry) => (!source || entry.source === source) && terms.every((term) => entry.haystack.includes(term)),
  );
}

/** Alphabetical by name, then id (stable across updates). */
export function compareEntries(a: CandidateSearchEntry, b: CandidateSearchEntry): number {
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}
