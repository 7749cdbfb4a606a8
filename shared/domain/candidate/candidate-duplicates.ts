import { normalizeEmail } from '../common/schema-helpers';
import { foldText, isWithinEdits } from '../common/text-match';
import type { Candidate } from './candidate-schema';

/** Why two records look like one person. */
export type DuplicateReason = 'email' | 'phone' | 'name_and_company' | 'name_and_location' | 'similar_name';

/** The fields duplicates are found by. */
export type DuplicateFields = Pick<
  Candidate,
  'firstName' | 'lastName' | 'email' | 'phone' | 'currentCompany' | 'location'
>;

/** A record that looks like the one being checked, and why. */
export interface LikelyDuplicate<T> {
  readonly candidate: T;
  readonly reasons: readonly DuplicateReason[];
}

/** The digits of a phone number, its last nine (so +49 30 … and 030 … match); null when too short. */
export function phoneKey(phone: string | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(-9) : null;
}

/** "ada lovelace", folded. */
export function nameKey(candidate: Pick<Candidate, 'firstName' | 'lastName'>): string {
  return foldText(`${candidate.firstName} ${candidate.lastName}`);
}

/**
 * Why `other` looks like `candidate` (empty when it does not): the same email (case-insensitive),
 * the same phone number, the same name at the same company or place, or a name one typo away (or
 * the first and last name swapped) at the same company or place.
 */
export function duplicateReasons(candidate: DuplicateFields, other: DuplicateFields): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (normalizeEmail(candidate.email) === normalizeEmail(other.email)) reasons.push('email');
  const phone = phoneKey(candidate.phone);
  if (phone && phone === phoneKey(other.phone)) reasons.push('phone');
  const sameCompany = sameText(candidate.currentCompany, other.currentCompany);
  const samePlace = sameText(candidate.location, other.location);
  const name = nameKey(candidate);
  const otherName = nameKey(other);
  if (name === otherName) {
    if (sameCompany) reasons.push('name_and_company');
    else if (samePlace) reasons.push('name_and_location');
  } else if ((sameCompany || samePlace) && isSimilarName(candidate, other)) {
    reasons.push('similar_name');
  }
  return reasons;
}

function sameText(a: string | undefined, b: string | undefined): boolean {
  const folded = foldText(a ?? '');
  return folded.length > 0 && folded === foldText(b ?? '');
}

function isSimilarName(a: DuplicateFields, b: DuplicateFields): boolean {
  const swapped = nameKey({ firstName: b.lastName, lastName: b.firstName });
  return nameKey(a) === swapped || isWithinEdits(nameKey(a), nameKey(b), 1);
}

/**
 * The records among `others` that look like `candidate` (not itself, not merged ones), most reasons
 * first. Runs on the laptop's own copy, offline; a linear scan of 50,000 records takes a few ms.
 */
export function likelyDuplicates<T extends DuplicateFields & Pick<Candidate, 'id' | 'mergedInto'>>(
  candidate: DuplicateFields & { readonly id?: string },
  others: readonly T[],
): LikelyDuplicate<T>[] {
  const found: LikelyDuplicate<T>[] = [];
  for (const other of others) {
    if (other.id === candidate.id || other.mergedInto) continue;
    const reasons = duplicateReasons(candidate, other);
    if (reasons.length > 0) found.push({ candidate: other, reasons });
  }
  return found.sort((a, b) => b.reasons.length - a.reasons.length);
}

/** Two records that look like one person. */
export interface DuplicatePair<T> {
  readonly first: T;
  readonly second: T;
  readonly reasons: readonly DuplicateReason[];
}

/**
 * Every pair of records among `candidates` that look like one person (merged ones left out): records
 * are grouped by email, phone, first name, last name and both names in either order, and only records sharing a group are compared,
 * so 50,000 records are checked without comparing every pair.
 */
export function duplicatePairs<T extends DuplicateFields & Pick<Candidate, 'id' | 'mergedInto'>>(
  candidates: readonly T[],
): DuplicatePair<T>[] {
  const groups = new Map<string, T[]>();
  const add = (key: string | null, candidate: T) => {
    if (!key) return;
    const group = groups.get(key);
    if (group) group.push(candidate);
    else groups.set(key, [candidate]);
  };
  for (const candidate of candidates) {
    if (candidate.mergedInto) continue;
    add(`e:${normalizeEmail(candidate.email)}`, candidate);
    add(phoneKey(candidate.phone) && `p:${phoneKey(candidate.phone) ?? ''}`, candidate);
    add(`l:${foldText(candidate.lastName)}`, candidate);
    add(`f:${foldText(candidate.firstName)}`, candidate);
    add(`s:${[foldText(candidate.firstName), foldText(candidate.lastName)].sort().join(' ')}`, candidate);
  }
  const pairs = new Map<string, DuplicatePair<T>>();
  for (const group of groups.values()) {
    // A very common name is not evidence by itself; such groups are too large to compare pairwise.
    if (group.length < 2 || group.length > 200) continue;
    for (let i = 0; i < group.length; i += 1) {
      for (let j = i + 1; j < group.length; j += 1) {
        const [first, second] = [group[i], group[j]] as [T, T];
        const id = first.id < second.id ? `${first.id}|${second.id}` : `${second.id}|${first.id}`;
        if (pairs.has(id)) continue;
        const reasons = duplicateReasons(first, second);
        if (reasons.length > 0) pairs.set(id, { first, second, reasons });
      }
    }
  }
  return [...pairs.values()].sort((a, b) => b.reasons.length - a.reasons.length);
}
