import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { access, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { OutboxEntry } from '../../services/outbox-entry';

/**
 * Where messages go. `wasDelivered` answers, for an entry whose worker died mid-send, whether the
 * message left: true, false, or null when the transport cannot know (SMTP).
 */
export interface MailTransport {
  readonly kind: 'smtp' | 'file';
  /** Sends one entry; answers where it went (the file, for the file transport). */
  send(entry: OutboxEntry): Promise<{ file?: string }>;
  wasDelivered(entry: OutboxEntry): Promise<boolean | null>;
  close(): void;
}

/** The nodemailer message of an entry: the same Message-ID on every attempt. */
export function mailOptions(entry: OutboxEntry, from: string): SendMailOptions {
  return {
    from,
    to: entry.to,
    subject: entry.subject,
    text: entry.text,
    messageId: entry.messageId,
    headers: { 'X-Shortlist-Notification': entry._id },
    ...(entry.invite
      ? {
          icalEvent: {
            method: entry.invite.method,
            filename: entry.invite.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
            content: entry.invite.ics,
          },
        }
      : {}),
  };
}

/** SMTP through nodemailer (`smtp://user:pass@host:587`, `smtps://…:465`), with bounded timeouts. */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const url = new URL(smtpUrl);
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    ...(url.searchParams.get('tls') === 'insecure' ? { tls: { rejectUnauthorized: false } } : {}),
    ignoreTLS: url.searchParams.get('starttls') === 'off',
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    kind: 'smtp',
    send: async (entry) => {
      await transporter.sendMail(mailOptions(entry, from));
      return {};
    },
    // An SMTP server cannot be asked whether it accepted a message.
    wasDelivered: () => Promise.resolve(null),
    close: () => transporter.close(),
  };
}

/** The .eml file of an entry (a readable prefix and a hash of the id, so any id makes a safe name). */
export function emlFileName(entryId: string): string {
  const readable = entryId.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 80);
  const hash = createHash('sha256').update(entryId).digest('hex').slice(0, 12);
  return `${readable}-${hash}.eml`;
}

/**
 * Without SMTP settings: each message is written, complete (MIME, invite and all), as an `.eml`
 * file in `directory` (written to a temporary name, then renamed: a file is there whole or not at all,
 * which lets a restarted worker know for sure whether a message went out). Mail is private: the
 * folder is made owner-only (0700) and every file is created owner-only (0600).
 */
export function fileTransport(directory: string, from: string): MailTransport {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const fileOf = (entry: OutboxEntry): string => path.join(directory, emlFileName(entry._id));
  return {
    kind: 'file',
    send: async (entry) => {
      const info = (await transporter.sendMail(mailOptions(entry, from))) as { message: Buffer };
      const file = fileOf(entry);
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, info.message, { mode: 0o600 });
      await rename(temporary, file);
      return { file };
    },
    wasDelivered: async (entry) =>
      access(fileOf(entry)).then(
        () => true,
        () => false,
      ),
    close: () => transporter.close(),
  };
}
