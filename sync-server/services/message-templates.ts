import type { Stage } from '#shared/domain/application/application-schema';
import type { OutboxMessage } from './outbox-entry';

/** What every message may mention: who sends it and where candidates follow their applications. */
export interface MessageContext {
  /** The organisation's name as candidates know it. */
  readonly organisation: string;
  /** Public base URL of the server, for links (e.g. `https://jobs.example.com`); none when unset. */
  readonly publicUrl: string | null;
  /** IANA time zone in which times are written in message bodies (invites carry UTC times). */
  readonly timeZone: string;
}

function portalLine(context: MessageContext): string {
  return context.publicUrl
    ? `\nYou can follow your application at ${context.publicUrl}/careers/#/applications\n`
    : '';
}

function signature(context: MessageContext): string {
  return `\nKind regards,\nThe ${context.organisation} hiring team\n`;
}

/** Per stage: subject and the paragraph a candidate reads. No internal notes or reasons, ever. */
const STAGE_COPY: Readonly<Record<Exclude<Stage, 'applied'>, { subject: string; body: string }>> = {
  screening: {
    subject: 'Your application for {job} is being reviewed',
    body: 'Good news: our team has started reviewing your application for {job}. We will be in touch about the next steps.',
  },
  interview: {
    subject: 'Interviews for {job}',
    body: 'We would like to get to know you better: your application for {job} has moved to the interview stage. We will contact you shortly to find times that suit you.',
  },
  offer: {
    subject: 'An offer for {job}',
    body: 'We are delighted to tell you that we are preparing an offer for the {job} position. Someone from our team will share the details with you personally.',
  },
  hired: {
    subject: 'Welcome aboard!',
    body: 'Congratulations, and welcome! We are thrilled that you are joining us as {job}. We will be in touch about your first days.',
  },
  rejected: {
    subject: 'Your application for {job}',
    body:
      'Thank you for the time and interest you have given to the {job} position. After careful consideration, we have decided not to move forward with your application at this time.\n\n' +
      'This was not an easy decision, and it is not a judgement of your worth. We would be glad to see you apply for other roles with us in the future, and we wish you every success.',
  },
};

/** The candidate's message for reaching `stage` (`applied`: the application was received). */
export function candidateStageMessage(
  stage: Stage,
  input: { to: string; firstName: string; jobTitle: string },
  context: MessageContext,
): OutboxMessage {
  const greeting = `Dear ${input.firstName},\n\n`;
  if (stage === 'applied') {
    return {
      template: 'application_received',
      to: [input.to],
      subject: `We received your application for ${input.jobTitle}`,
      text: `${greeting}Thank you for applying for ${input.jobTitle}. We have received your application and will review it carefully.\n${portalLine(context)}${signature(context)}`,
    };
  }
  const copy = STAGE_COPY[stage];
  const fill = (text: string): string => text.replaceAll('{job}', input.jobTitle);
  return {
    template: `stage_${stage}`,
    to: [input.to],
    subject: fill(copy.subject),
    text: `${greeting}${fill(copy.body)}\n${portalLine(context)}${signature(context)}`,
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
}

/** Written in the context's time zone, with the zone named, e.g. "Tuesday 3 March 2026, 14:00 (Europe/Berlin)". */
export function formatWhen(start: Date, context: MessageContext): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: context.timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(start);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} (${context.timeZone})`;
}

/** An interviewer's message: scheduled, rescheduled or cancelled (the invite is added by the caller). */
export function interviewerMessage(
  template: 'interview_scheduled' | 'interview_rescheduled' | 'interview_cancelled',
  details: InterviewDetails,
  context: MessageContext,
): Omit<OutboxMessage, 'invite'> {
  const what = `${details.type.replace('_', ' ')} interview with ${details.candidateName} for ${details.jobTitle}`;
  const when = formatWhen(details.start, context);
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
