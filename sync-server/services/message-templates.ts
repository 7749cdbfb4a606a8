import type { Message } from '#shared/domain/message/message-schema';
import { formatWhen } from '#shared/domain/user/time-zone';
import type { OutboxMessage } from './outbox-entry';

/** What every message may mention: who sends it and where candidates follow their applications. */
export interface MessageContext {
  /** The organisation's name as candidates know it. */
  readonly organisation: string;
  /** Public base URL of the server, for links (e.g. `https://jobs.example.com`); none when unset. */
  readonly publicUrl: string | null;
  /** The organisation's IANA time zone from the environment: for readers with none of their own. */
  readonly timeZone: string;
}

function signature(context: MessageContext): string {
  return `\nKind regards,\nThe ${context.organisation} hiring team\n`;
}

/**
 * A message a person on the team chose to send (or the server's acknowledgement), as it was written
 * and previewed: its subject and body exactly, to the candidate's address (SPEC §12).
 */
export function candidateMessage(
  message: Pick<Message, 'kind' | 'subject' | 'body'>,
  to: string,
): OutboxMessage {
  return {
    template: `candidate_${message.kind}`,
    to: [to],
    subject: message.subject,
    text: message.body.endsWith('\n') ? message.body : `${message.body}\n`,
  };
}

/** A recruiter of the job hears of a new application from the portal. */
export function newPortalApplicationMessage(
  input: { to: string; recruiterName: string; candidateName: string; jobTitle: string },
  context: MessageContext,
): OutboxMessage {
  return {
    template: 'new_portal_application',
    to: [input.to],
    subject: `New application for ${input.jobTitle}: ${input.candidateName}`,
    text:
      `Hello ${input.recruiterName},\n\n${input.candidateName} applied for ${input.jobTitle} through the careers page. ` +
      'The application is waiting at the "applied" stage of the pipeline in Shortlist.\n' +
      (context.publicUrl ? `\nOpen Shortlist: ${context.publicUrl}/app/\n` : ''),
  };
}

/** What an interviewer's message says about the interview. */
export interface InterviewDetails {
  readonly to: string;
  readonly interviewerName: string;
  readonly candidateName: string;
  readonly jobTitle: string;
  readonly type: string;
  readonly start: Date;
  readonly durationMinutes: number;
  readonly place: string | null;
  /** The interviewer's time zone: times are written in it, naming it. */
  readonly timeZone: string;
}

/** An interviewer's message: scheduled, rescheduled or cancelled (the invite is added by the caller). */
export function interviewerMessage(
  template: 'interview_scheduled' | 'interview_rescheduled' | 'interview_cancelled',
  details: InterviewDetails,
): Omit<OutboxMessage, 'invite'> {
  const what = `${details.type.replace('_', ' ')} interview with ${details.candidateName} for ${details.jobTitle}`;
  const when = formatWhen(details.start, details.timeZone);
  const where = details.place ? `\nWhere: ${details.place}` : '';
  const lead = {
    interview_scheduled: `You are invited to a ${what}.`,
    interview_rescheduled: `The ${what} has changed. The new details:`,
    interview_cancelled: `The ${what} was cancelled. It has been removed from your calendar invitation.`,
  }[template];
  const subject = {
    interview_scheduled: `Interview scheduled: ${details.candidateName}, ${when}`,
    interview_rescheduled: `Interview rescheduled: ${details.candidateName}, ${when}`,
    interview_cancelled: `Interview cancelled: ${details.candidateName}, ${when}`,
  }[template];
  const body =
    template === 'interview_cancelled'
      ? `Hello ${details.interviewerName},\n\n${lead}\n\nIt was planned for ${when}.\n`
      : `Hello ${details.interviewerName},\n\n${lead}\n\nWhen: ${when}, ${details.durationMinutes} minutes${where}\n\n` +
        'Your scorecard is waiting in Shortlist under "My interviews".\n';
  return { template, to: [details.to], subject, text: body };
}

/** What an account mail needs: the person, and the link(s) built from the server's public address. */
export interface AccountMailInput {
  readonly to: string;
  readonly name: string;
  /** The link the mail is about; it may carry a one-time token (see `redactLinkTokens`). */
  readonly link: string;
}

/** A new candidate account: confirm the address by opening the link (within a day). */
export function emailVerificationMessage(input: AccountMailInput, context: MessageContext): OutboxMessage {
  return {
    template: 'email_verification',
    to: [input.to],
    subject: `Confirm your email address for ${context.organisation}`,
    text:
      `Hello ${input.name},\n\nPlease confirm that this is your email address: open this link, and sign in if asked:\n\n${input.link}\n\n` +
      'The link works for 24 hours and only once. Until you confirm, you can sign in but not apply.\n\n' +
      `If you did not create an account with ${context.organisation}, someone else used your address: ignore this message, ` +
      'and nothing happens. (To take the account over, choose "Forgot your password?" on the sign-in page.)\n' +
      signature(context),
  };
}

/** A password reset someone asked for: choose a new password by opening the link (within an hour). */
export function passwordResetMessage(input: AccountMailInput, context: MessageContext): OutboxMessage {
  return {
    template: 'password_reset',
    to: [input.to],
    subject: `Reset your ${context.organisation} password`,
    text:
      `Hello ${input.name},\n\nSomeone, hopefully you, asked to reset the password of your ${context.organisation} account. ` +
      `Open this link to choose a new one:\n\n${input.link}\n\n` +
      'The link works for one hour and only once. Choosing a new password signs you out on every device.\n\n' +
      'If you did not ask for this, ignore this message: your password stays as it is.\n' +
      signature(context),
  };
}

/**
 * Someone tried to register with an address that already has an account: its owner hears of it (and
 * the one who tried learns nothing). `link` is where the owner signs in or resets the password.
 */
export function registrationAttemptMessage(input: AccountMailInput, context: MessageContext): OutboxMessage {
  return {
    template: 'registration_attempt',
    to: [input.to],
    subject: `Someone tried to register with your address at ${context.organisation}`,
    text:
      `Hello ${input.name},\n\nSomeone tried to create a new ${context.organisation} account with this email address, ` +
      'which already has an account. Nothing was changed.\n\n' +
      `If it was you, sign in, or reset your password if you forgot it:\n\n${input.link}\n\n` +
      'If it was not you, you can ignore this message.\n' +
      signature(context),
  };
}

/**
 * The one-time tokens of links in a message text, replaced by `[redacted]`: what the admin listing
 * shows. Account links carry their token as a `token=` parameter (in the fragment, so it never reaches
 * a server log either).
 */
export function redactLinkTokens(text: string): string {
  return text.replace(/([?&#]token=)[^\s&#]+/g, '$1[redacted]');
}
