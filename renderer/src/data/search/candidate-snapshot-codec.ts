import {
  CANDIDATE_SOURCES,
  type Candidate,
  type CandidateSource,
} from '#shared/domain/candidate/candidate-schema';
import { toSearchEntry, type CandidateSearchEntry } from './candidate-search';

/**
 * Bump when the row layout below changes. A change to what `toSearchEntry` makes is caught without
 * it: the format carries the entry of a probe candidate, so a snapshot made by other code is ignored.
 */
const ROW_LAYOUT = 1;

/** Search entries in stored form, with the revision height of the document each was made from. */
export interface VersionedEntries {
  readonly entries: CandidateSearchEntry[];
  readonly heights: number[];
}

type Row = [
  height: number,
  id: string,
  firstName: string,
  lastName: string,
  name: string,
  email: string,
  phone: string,
  location: string,
  currentCompany: string,
  currentTitle: string,
  source: CandidateSource,
  skills: readonly string[],
  tags: readonly string[],
  createdAt: string,
  mergedInto: string,
  words: readonly string[],
  misspellable: readonly string[],
];

function toRow(entry: CandidateSearchEntry, height: number): Row {
  return [
    height,
    entry.id,
    entry.firstName,
    entry.lastName,
    entry.name,
    entry.email,
    entry.phone,
    entry.location,
    entry.currentCompany,
    entry.currentTitle,
    entry.source,
    entry.skills,
    entry.tags,
    entry.createdAt,
    entry.mergedInto ?? '',
    entry.words,
    entry.misspellable,
  ];
}

/** Entries `from`..`to` of `entries` (heights alongside) as one JSON text. */
export function encodeRows(
  entries: readonly CandidateSearchEntry[],
  heights: readonly number[],
  from: number,
  to: number,
): string {
  const rows: Row[] = [];
  for (let index = from; index < Math.min(to, entries.length); index += 1) {
    rows.push(toRow(entries[index] as CandidateSearchEntry, heights[index] ?? 0));
  }
  return JSON.stringify(rows);
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isTexts = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);
const isHeight = (value: unknown) => Number.isInteger(value) && Number(value) >= 1;
const isId = (value: unknown) => isText(value) && value !== '';
const isSource = (value: unknown) => CANDIDATE_SOURCES.some((source) => source === value);

/** The check of each field of a `Row`, in its order. */
const ROW_CHECKS: readonly ((value: unknown) => boolean)[] = [
  isHeight,
  isId,
  ...Array.from({ length: 8 }, () => isText),
  isSource,
  isTexts,
  isTexts,
  isText,
  isText,
  isTexts,
  isTexts,
];

function isRow(value: unknown): value is Row {
  if (!Array.isArray(value) || value.length !== ROW_CHECKS.length) return false;
  const fields: readonly unknown[] = value;
  return ROW_CHECKS.every((check, at) => check(fields[at]));
}

/** The entry of one stored row, or null when it is not one `encodeRows` writes. */
function fromRow(row: unknown): { entry: CandidateSearchEntry; height: number } | null {
  if (!isRow(row)) return null;
  const [
    height,
    id,
    firstName,
    lastName,
    name,
    email,
    phone,
    location,
    currentCompany,
    currentTitle,
    ...rest
  ] = row;
  const [source, skills, tags, createdAt, mergedInto, words, misspellable] = rest;
  const entry: CandidateSearchEntry = {
    id,
    firstName,
    lastName,
    name,
    email,
    phone,
    location,
    currentCompany,
    currentTitle,
    source,
    skills,
    tags,
    createdAt,
    ...(mergedInto ? { mergedInto } : {}),
    words,
    misspellable,
  };
  return { entry, height };
}

/** The entries of a text `encodeRows` made, or null when any part of it is not (a corrupt store). */
export function decodeRows(text: string): VersionedEntries | null {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(rows)) return null;
  const entries: CandidateSearchEntry[] = [];
  const heights: number[] = [];
  for (const row of rows) {
    const decoded = fromRow(row);
    if (!decoded) return null;
    entries.push(decoded.entry);
    heights.push(decoded.height);
  }
  return { entries, heights };
}

/** A candidate using every field an entry reads, with accents, a final sigma and digits. */
const PROBE: Candidate = {
  id: 'probe',
  updatedAt: 1,
  firstName: 'Zoë Ἀλέξανδρος',
  lastName: "O'Brien-Åström",
  email: 'Zoe.OBrien+1@Example.com',
  phone: '+44 (20) 7946-0958',
  location: 'São Paulo',
  currentCompany: 'Ünïcode GmbH & Co. KG',
  currentTitle: 'Staff Engineer, Platform',
  skills: ['C++', 'Node.js', 'Kubernetes'],
  source: 'referral',
  tags: ['Top-10', 'Relocation OK'],
  createdBy: 'u1',
  createdAt: '2026-01-01T00:00:00.000Z',
  mergedInto: 'survivor',
};

let format: string | null = null;

/**
 * What a stored snapshot must have been made with to be used: the row layout and the entry
 * `toSearchEntry` makes of a probe candidate today.
 */
export function snapshotFormat(): string {
  format ??= `${ROW_LAYOUT}:${encodeRows([toSearchEntry(PROBE)], [1], 0, 1)}`;
  return format;
}
