import Type, { type Static } from 'typebox';
import { documentBase, Text } from '../common/schema-helpers';

/** The id of an organisation's one settings document. */
export const SETTINGS_ID = 'organisation';

/**
 * A rejection reason of the organisation's list (SPEC §3), so reasons can be counted in reports. A
 * reason that was used stays in the list once retired: applications name it by its id.
 */
export const RejectionReasonSchema = Type.Object(
  {
    /** Stable: a slug for reasons made in the app, the old text itself for reasons of older stores. */
    id: Text(200, 1),
    label: Text(200, 1),
    retired: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RejectionReason = Static<typeof RejectionReasonSchema>;

/** What an organisation's admins decide for everyone (replicated to every laptop, read-only but for admins). */
export const SettingsSchema = Type.Object(
  {
    ...documentBase,
    rejectionReasons: Type.Array(RejectionReasonSchema, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false, title: 'Settings' },
);
export type Settings = Static<typeof SettingsSchema>;

/** The reasons a new rejection may give. */
export function activeRejectionReasons(settings: Pick<Settings, 'rejectionReasons'>): RejectionReason[] {
  return settings.rejectionReasons.filter((reason) => reason.retired !== true);
}

/** The words for a reason id; an id the list does not know is shown as it is (an older store's text). */
export function rejectionReasonLabel(
  settings: Pick<Settings, 'rejectionReasons'> | null,
  id: string,
): string {
  return settings?.rejectionReasons.find((reason) => reason.id === id)?.label ?? id;
}

/** The reasons a new organisation starts with (its admins change them). */
export const DEFAULT_REJECTION_REASONS: readonly RejectionReason[] = [
  { id: 'not-enough-experience', label: 'Not enough relevant experience' },
  { id: 'stronger-candidate', label: 'Went with a stronger candidate' },
  { id: 'below-technical-bar', label: 'Technical interview below the bar' },
  { id: 'salary-expectations', label: 'Salary expectations too far apart' },
  { id: 'wrong-role', label: 'Looking for a different role' },
  { id: 'candidate-withdrew', label: 'Candidate withdrew' },
  { id: 'offer-declined', label: 'Offer declined' },
  { id: 'position-cancelled', label: 'Position cancelled or filled' },
  { id: 'no-response', label: 'No response from the candidate' },
];

/** The settings of a new organisation. */
export function defaultSettings(now: number): Settings {
  return { id: SETTINGS_ID, updatedAt: now, rejectionReasons: [...DEFAULT_REJECTION_REASONS] };
}
