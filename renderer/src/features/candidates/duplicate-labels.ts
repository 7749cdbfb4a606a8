import type { DuplicateReason } from '#shared/domain/candidate/candidate-duplicates';

/** Why two records look like one person, in the person's words. */
export const DUPLICATE_REASON_LABELS: Readonly<Record<DuplicateReason, string>> = {
  email: 'same email',
  phone: 'same phone number',
  name_and_company: 'same name and company',
  name_and_location: 'same name and place',
  similar_name: 'similar name, same company or place',
};

export function reasonsText(reasons: readonly DuplicateReason[]): string {
  return reasons.map((reason) => DUPLICATE_REASON_LABELS[reason]).join(', ');
}
