import { normalizeEmail } from '#shared/domain/common/schema-helpers';
import { textOf, waitFor } from './notification-fixture';
import { headerOf, type ReceivedMail, type SmtpSink } from './smtp-sink';

/**
 * Reading mail as a person would: what reached an address on the SMTP sink, and the link in it.
 */

/** The mails the sink received for `address` whose subject matches `subject`, oldest first. */
export function mailsFor(sink: SmtpSink, address: string, subject: RegExp = /./): ReceivedMail[] {
  const wanted = normalizeEmail(address);
  return sink.received.filter(
    (mail) =>
      mail.recipients.some((recipient) => normalizeEmail(recipient) === wanted) &&
      subject.test(headerOf(mail.raw, 'Subject') ?? ''),
  );
}

/** Waits for mail number `count` (1-based) to `address` with a matching subject, and answers it. */
export async function waitForMail(
  sink: SmtpSink,
  address: string,
  subject: RegExp,
  count = 1,
): Promise<ReceivedMail> {
  const mails = await waitFor(
    `mail ${count} to ${address} (${String(subject)})`,
    () => mailsFor(sink, address, subject).length >= count && mailsFor(sink, address, subject),
  );
  const mail = mails[count - 1];
  if (!mail) throw new Error(`no mail ${count} to ${address}`);
  return mail;
}

/** The one-time link in a mail's text (the first URL carrying a `token`). */
export function linkIn(mail: ReceivedMail): string {
  const link = /https?:\/\/\S*[?#&]token=[A-Za-z0-9_-]+/.exec(textOf(mail))?.[0];
  if (!link) throw new Error(`no link in: ${textOf(mail)}`);
  return link;
}

/** The token of a mailed link. */
export function tokenIn(link: string): string {
  const token = /[?#&]token=([A-Za-z0-9_-]+)/.exec(link)?.[1];
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

export const VERIFICATION_SUBJECT = /^Confirm your email address/;
export const RESET_SUBJECT = /^Reset your .* password$/;
export const ATTEMPT_SUBJECT = /^Someone tried to register with your address/;
