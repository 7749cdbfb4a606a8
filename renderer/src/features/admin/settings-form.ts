import type { ComposedMessageKind, MessageKind } from '#shared/domain/message/message-schema';
import { MESSAGE_KINDS } from '#shared/domain/message/message-schema';
import { DEFAULT_MESSAGE_TEMPLATES, type MessageTemplate } from '#shared/domain/message/message-templates';
import { messageTemplateOf, type RejectionReason, type Settings } from '#shared/domain/settings/settings-schema';

/** The settings screen's fields: every template spelled out (the defaults where the organisation has none). */
export interface SettingsForm {
  rejectionReasons: RejectionReason[];
  templates: Record<MessageKind, MessageTemplate>;
  defaults: Record<ComposedMessageKind, boolean>;
  timeZone: string;
}

export function settingsToForm(settings: Settings): SettingsForm {
  return {
    rejectionReasons: settings.rejectionReasons.map((reason) => ({ ...reason })),
    templates: Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, { ...messageTemplateOf(settings, kind) }])) as Record<
      MessageKind,
      MessageTemplate
    >,
    defaults: {
      rejection: settings.messageDefaults?.rejection === true,
      offer: settings.messageDefaults?.offer === true,
      hired: settings.messageDefaults?.hired === true,
      interview_invite: settings.messageDefaults?.interview_invite === true,
    },
    timeZone: settings.timeZone ?? '',
  };
}

/**
 * The settings document the form describes. A template equal to the default is not stored (so a
 * better default reaches organisations that never changed it).
 */
export function formToSettings(before: Settings, form: SettingsForm): Settings {
  const custom = Object.fromEntries(
    MESSAGE_KINDS.flatMap((kind) => {
      const template = form.templates[kind];
      const fallback = DEFAULT_MESSAGE_TEMPLATES[kind];
      return template.subject === fallback.subject && template.body === fallback.body ? [] : [[kind, template]];
    }),
  );
  const { messageTemplates: _templates, timeZone: _zone, ...rest } = before;
  return {
    ...rest,
    rejectionReasons: form.rejectionReasons.map((reason) => ({ ...reason, label: reason.label.trim() })),
    ...(Object.keys(custom).length > 0 ? { messageTemplates: custom } : {}),
    messageDefaults: { ...form.defaults },
    ...(form.timeZone.trim() ? { timeZone: form.timeZone.trim() } : {}),
  };
}

/** A stable id for a new reason, from its words, unlike the ids already listed. */
export function reasonId(label: string, taken: readonly string[]): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'reason';
  let id = base;
  for (let n = 2; taken.includes(id); n += 1) id = `${base}-${n}`;
  return id;
}
