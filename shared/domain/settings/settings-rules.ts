import { ALLOWED, refuse, type Decision } from '../common/refusal';
import type { Actor } from '../common/roles';
import { roleMay } from '../access/write-matrix';
import { isTimeZone } from '../user/time-zone';
import { MESSAGE_KINDS } from '../message/message-schema';
import { unknownVariables } from '../message/message-templates';
import { SETTINGS_ID, type Settings } from './settings-schema';

/**
 * Whether `actor` may write the organisation's settings: admins only, one document, reason ids unique,
 * a reason once listed never removed (applications name it; retire it instead), a known time zone,
 * and message templates that use only their kind's variables.
 */
export function decideSettingsWrite(actor: Actor, before: Settings | null, after: Settings): Decision {
  if (!roleMay(actor.role, 'settings.edit')) {
    return refuse('forbidden_role', 'Only admins may change the organisation’s settings.');
  }
  if (after.id !== SETTINGS_ID) return refuse('id_mismatch', `The settings document is "${SETTINGS_ID}".`);
  const ids = after.rejectionReasons.map((reason) => reason.id);
  if (new Set(ids).size !== ids.length) {
    return refuse('validation_failed', 'rejectionReasons: each reason is listed once.');
  }
  const removed = (before?.rejectionReasons ?? []).find((reason) => !ids.includes(reason.id));
  if (removed) {
    return refuse(
      'immutable_field',
      `The reason "${removed.label}" may be in use: retire it instead of removing it.`,
    );
  }
  if (!after.rejectionReasons.some((reason) => reason.retired !== true)) {
    return refuse('validation_failed', 'rejectionReasons: at least one reason stays in use.');
  }
  if (after.timeZone !== undefined && !isTimeZone(after.timeZone)) {
    return refuse(
      'validation_failed',
      `timeZone: "${after.timeZone}" is not a time zone such as Europe/Berlin.`,
    );
  }
  return decideTemplates(after);
}

/** Every template uses only the variables its kind offers (a typo would reach candidates as it is). */
function decideTemplates(settings: Settings): Decision {
  for (const kind of MESSAGE_KINDS) {
    const template = settings.messageTemplates?.[kind];
    const unknown = template ? unknownVariables(kind, template) : [];
    if (unknown.length > 0) {
      return refuse(
        'validation_failed',
        `messageTemplates.${kind}: {{${unknown.join('}}, {{')}}} is not a variable of this template.`,
      );
    }
  }
  return ALLOWED;
}
