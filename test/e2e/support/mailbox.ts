import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { headerOf, partsOf } from '../../../sync-server/test/support/smtp-sink';

/**
 * Reading the mail the server sent, as the person would: the suite's server has no SMTP settings, so
 * every message is an `.eml` file in the data dir's `outbox-mail/` folder (or a folder of its
 * organisation's in it).
 */
function mailDirectory(): string {
  const dataDir = process.env['E2E_DATA_DIR'];
  if (!dataDir) throw new Error('E2E_DATA_DIR is not set (playwright.config.ts sets it)');
  return path.join(dataDir, 'outbox-mail');
}

/** The plain-text bodies of the mails to `address` whose subject matches, in no particular order. */
export function mailsTo(address: string, subject: RegExp): string[] {
  let names: string[];
  try {
    // Each organisation but the first has a folder of its own in it.
    names = readdirSync(mailDirectory(), { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.eml'),
    );
  } catch {
    return [];
  }
  return names
    .map((name) => readFileSync(path.join(mailDirectory(), name), 'utf8'))
    .filter(
      (raw) =>
        (headerOf(raw, 'To') ?? '').toLowerCase().includes(address.toLowerCase()) &&
        subject.test(headerOf(raw, 'Subject') ?? ''),
    )
    .map((raw) => partsOf(raw, 'text/plain')[0] ?? '');
}

/** Waits for a mail to `address` with a matching subject and answers the one-time link in it. */
export async function linkMailedTo(address: string, subject: RegExp): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      () => {
        link = mailsTo(address, subject)
          .map((text) => /https?:\/\/\S*[?#&]token=[A-Za-z0-9_-]+/.exec(text)?.[0])
          .find((found) => found !== undefined);
        return link !== undefined;
      },
      { message: `a mail to ${address} matching ${String(subject)}`, timeout: 20_000 },
    )
    .toBe(true);
  return link ?? '';
}

/** Waits for mails to `address` with a matching subject and answers their plain-text bodies. */
export async function textsMailedTo(address: string, subject: RegExp): Promise<string[]> {
  await expect
    .poll(() => mailsTo(address, subject).length, {
      message: `a mail to ${address} matching ${String(subject)}`,
      timeout: 20_000,
    })
    .toBeGreaterThan(0);
  return mailsTo(address, subject);
}
