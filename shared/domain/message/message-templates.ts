import type { MessageKind } from './message-schema';

/** A template of the organisation's: subject and body with `{{variable}}` placeholders. */
export interface MessageTemplate {
  readonly subject: string;
  readonly body: string;
}

/** What every message may mention. */
const COMMON_VARIABLES = ['candidateFirstName', 'candidateName', 'jobTitle'] as const;

/** The variables each kind of template may use, with what each stands for (shown to admins). */
export const TEMPLATE_VARIABLES: Readonly<Record<MessageKind, readonly string[]>> = {
  acknowledgement: [...COMMON_VARIABLES, 'portalLink'],
  rejection: [...COMMON_VARIABLES, 'senderName'],
  offer: [...COMMON_VARIABLES, 'senderName', 'offerStartDate', 'offerDeadline'],
  hired: [...COMMON_VARIABLES, 'senderName', 'startDate'],
  interview_invite: [
    ...COMMON_VARIABLES,
    'senderName',
    'interviewType',
    'interviewWhen',
    'interviewDuration',
    'interviewPlace',
  ],
};

/** Words for each variable, for the template editor. */
export const VARIABLE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  candidateFirstName: 'the candidate’s first name',
  portalLink: 'where the candidate follows their applications (the careers page)',
  candidateName: 'the candidate’s full name',
  jobTitle: 'the job’s title',
  senderName: 'the name of the person sending it',
  offerStartDate: 'the start date of the offer',
  offerDeadline: 'the date the offer must be answered by',
  startDate: 'the agreed start date',
  interviewType: 'the kind of interview (e.g. technical)',
  interviewWhen: 'the date and time, in the candidate’s time zone, naming the zone',
  interviewDuration: 'how long it takes, e.g. 60 minutes',
  interviewPlace: 'the room or the meeting link',
};

/** Human names of the kinds. */
export const MESSAGE_KIND_LABELS: Readonly<Record<MessageKind, string>> = {
  acknowledgement: 'Application received',
  rejection: 'Rejection',
  offer: 'Offer',
  hired: 'Welcome (hired)',
  interview_invite: 'Interview invitation',
};

/** The templates of a new organisation (its admins change them). Kind words, no reasons, no internals. */
export const DEFAULT_MESSAGE_TEMPLATES: Readonly<Record<MessageKind, MessageTemplate>> = {
  acknowledgement: {
    subject: 'We received your application for {{jobTitle}}',
    body:
      'Dear {{candidateFirstName}},\n\nThank you for applying for {{jobTitle}}. We have received your application ' +
      'and will review it carefully. We will be in touch about the next steps.\n\n' +
      'You can follow your application at {{portalLink}}\n\nKind regards,\nThe hiring team',
  },
  rejection: {
    subject: 'Your application for {{jobTitle}}',
    body:
      'Dear {{candidateFirstName}},\n\nThank you for the time and interest you have given to the {{jobTitle}} position. ' +
      'After careful consideration, we have decided not to move forward with your application at this time.\n\n' +
      'This was not an easy decision, and it is not a judgement of your worth. We would be glad to see you apply ' +
      'for other roles with us in the future, and we wish you every success.\n\nKind regards,\n{{senderName}}',
  },
  offer: {
    subject: 'An offer for {{jobTitle}}',
    body:
      'Dear {{candidateFirstName}},\n\nWe are delighted to offer you the {{jobTitle}} position. The details are ' +
      'attached to this message and we will walk you through them personally. We would love to hear from you by ' +
      '{{offerDeadline}}.\n\nKind regards,\n{{senderName}}',
  },
  hired: {
    subject: 'Welcome aboard!',
    body:
      'Dear {{candidateFirstName}},\n\nCongratulations, and welcome! We are thrilled that you are joining us as ' +
      '{{jobTitle}}. We will be in touch about your first days.\n\nKind regards,\n{{senderName}}',
  },
  interview_invite: {
    subject: 'Your interview for {{jobTitle}}',
    body:
      'Dear {{candidateFirstName}},\n\nWe would like to invite you to a {{interviewType}} interview for the ' +
      '{{jobTitle}} position.\n\nWhen: {{interviewWhen}}\nDuration: {{interviewDuration}}\nWhere: {{interviewPlace}}\n\n' +
      'A calendar invitation is attached. If the time does not suit you, just reply to this message.\n\n' +
      'Kind regards,\n{{senderName}}',
  },
};

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** The variables a text uses. */
export function variablesIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))];
}

/** The variables of `template` that `kind` does not offer (a typo the editor points out). */
export function unknownVariables(kind: MessageKind, template: MessageTemplate): string[] {
  const allowed = TEMPLATE_VARIABLES[kind];
  return variablesIn(`${template.subject}\n${template.body}`).filter((name) => !allowed.includes(name));
}

/** `text` with each `{{variable}}` replaced by its value; one without a value is left for the person to fill. */
export function fillText(text: string, values: Readonly<Record<string, string | undefined>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value === undefined || value === '' ? whole : value;
  });
}

/** The template filled in: what the composer shows, ready to edit. */
export function fillTemplate(
  template: MessageTemplate,
  values: Readonly<Record<string, string | undefined>>,
): MessageTemplate {
  return { subject: fillText(template.subject, values).slice(0, 300), body: fillText(template.body, values) };
}

/** Whether a text still holds a placeholder nobody filled (the composer asks before sending it). */
export function hasUnfilledVariables(text: string): boolean {
  return variablesIn(text).length > 0;
}
