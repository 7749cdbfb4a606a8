import Type, { type Static } from 'typebox';
import { documentBase, Text } from '../common/schema-helpers';
import { DEFAULT_MESSAGE_TEMPLATES, type MessageTemplate } from '../message/message-templates';
import type { ComposedMessageKind, MessageKind } from '../message/message-schema';

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

/** One message template: subject and body with `{{variable}}` placeholders (SPEC §12). */
export const MessageTemplateSchema = Type.Object(
  { subject: Text(300, 1), body: Text(20_000, 1) },
  { additionalProperties: false },
);

/** The organisation's templates per kind; a kind left out uses the default template. */
export const MessageTemplatesSchema = Type.Object(
  {
    acknowledgement: Type.Optional(MessageTemplateSchema),
    rejection: Type.Optional(MessageTemplateSchema),
    offer: Type.Optional(MessageTemplateSchema),
    hired: Type.Optional(MessageTemplateSchema),
    interview_invite: Type.Optional(MessageTemplateSchema),
  },
  { additionalProperties: false },
);

/** Per composed kind: whether "send a message" starts ticked in the dialog (default: not). */
export const MessageDefaultsSchema = Type.Object(
  {
    rejection: Type.Optional(Type.Boolean()),
    offer: Type.Optional(Type.Boolean()),
    hired: Type.Optional(Type.Boolean()),
    interview_invite: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** What an organisation's admins decide for everyone (replicated to every laptop, read-only but for admins). */
export const SettingsSchema = Type.Object(
  {
    ...documentBase,
    rejectionReasons: Type.Array(RejectionReasonSchema, { minItems: 1, maxItems: 100 }),
    messageTemplates: Type.Optional(MessageTemplatesSchema),
    messageDefaults: Type.Optional(MessageDefaultsSchema),
    /** The organisation's IANA time zone: for candidates who have none, and people who chose none. */
    timeZone: Type.Optional(Text(64, 1)),
  },
  { additionalProperties: false, title: 'Settings' },
);
export type Settings = Static<typeof SettingsSchema>;

/** The organisation's template of `kind` (its own, else the default). */
export function messageTemplateOf(
  settings: Pick<Settings, 'messageTemplates'> | null,
  kind: MessageKind,
): MessageTemplate {
  return settings?.messageTemplates?.[kind] ?? DEFAULT_MESSAGE_TEMPLATES[kind];
}

/** Whether the dialog offers to send a message of `kind` ticked (the organisation's choice). */
export function sendsMessageByDefault(
  settings: Pick<Settings, 'messageDefaults'> | null,
  kind: ComposedMessageKind,
): boolean {
  return settings?.messageDefaults?.[kind] === true;
}

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
