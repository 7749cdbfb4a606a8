import path from 'node:path';
import { FIRST_ORGANISATION_ID } from './organisation-ids';
import type { Organisation } from './organisations';

/**
 * Notification settings, from the environment:
 * - `SHORTLIST_SMTP_URL`: `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465`;
 *   add `?tls=insecure` to accept a self-signed certificate. Unset: messages are written as `.eml`
 *   files in `<SHORTLIST_DATA_DIR>/outbox-mail/` and listed at `GET /api/admin/notifications`.
 * - `SHORTLIST_MAIL_FROM`: the sender, e.g. `Acme Hiring <jobs@acme.example>` (default `Shortlist <no-reply@localhost>`).
 * - `SHORTLIST_NOTIFICATIONS_WORKER`: `1` (default) runs the outbox worker inside the server;
 *   `0` leaves it to `sync-server/worker.ts` running on its own.
 * - `SHORTLIST_TIME_ZONE`: IANA zone for times in messages and invites to people who chose none, when the
 *   organisation's settings name none either (default `UTC`).
 * - `SHORTLIST_PUBLIC_URL`: the server's public base URL, for links in messages (default none).
 * - `SHORTLIST_ORGANISATION`: the organisation's name in candidates' messages (default `Shortlist`).
 */
export interface NotificationSettings {
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** Folder of the `.eml` files when there is no SMTP. */
  readonly mailDirectory: string;
  readonly runWorker: boolean;
  readonly timeZone: string;
  readonly publicUrl: string | null;
  readonly organisation: string;
}

/** The sender when `SHORTLIST_MAIL_FROM` is unset. */
export const DEFAULT_MAIL_FROM = 'Shortlist <no-reply@localhost>';
/** The organisation's name when `SHORTLIST_ORGANISATION` is unset. */
export const DEFAULT_ORGANISATION = 'Shortlist';

/** Reads the settings; throws an Error naming every bad value. */
export function notificationSettingsFromEnv(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): NotificationSettings {
  const problems: string[] = [];
  const smtpUrl = env['SHORTLIST_SMTP_URL']?.trim() || null;
  if (smtpUrl) {
    try {
      const url = new URL(smtpUrl);
      if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('protocol');
    } catch {
      problems.push(
        'SHORTLIST_SMTP_URL must look like smtp://user:password@mail.example.com:587 or smtps://…:465.',
      );
    }
  }
  const mailFrom = env['SHORTLIST_MAIL_FROM']?.trim() || DEFAULT_MAIL_FROM;
  if (!/@/.test(mailFrom)) problems.push('SHORTLIST_MAIL_FROM must contain an email address.');
  const timeZone = env['SHORTLIST_TIME_ZONE']?.trim() || 'UTC';
  if (!isTimeZone(timeZone))
    problems.push(`SHORTLIST_TIME_ZONE must be an IANA time zone such as Europe/Berlin, not "${timeZone}".`);
  const worker = (env['SHORTLIST_NOTIFICATIONS_WORKER'] ?? '1').trim();
  if (!['0', '1'].includes(worker)) problems.push('SHORTLIST_NOTIFICATIONS_WORKER must be 1 or 0.');
  if (problems.length > 0) throw new Error(`Invalid notification settings:\n  - ${problems.join('\n  - ')}`);
  return {
    smtpUrl,
    mailFrom,
    mailDirectory: path.join(dataDir, 'outbox-mail'),
    runWorker: worker !== '0',
    timeZone,
    publicUrl: env['SHORTLIST_PUBLIC_URL']?.trim().replace(/\/+$/, '') || null,
    organisation: env['SHORTLIST_ORGANISATION']?.trim() || DEFAULT_ORGANISATION,
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The settings as one organisation's messages use them: the first organisation keeps the
 * deployment's name and mail folder, every other one is named by its own name, and its `.eml` files
 * go to a folder of its own (`<mailDirectory>/<organisation id>`).
 */
export function settingsOfOrganisation(
  settings: NotificationSettings,
  organisation: Pick<Organisation, 'id' | 'name'>,
): NotificationSettings {
  if (organisation.id === FIRST_ORGANISATION_ID) return settings;
  return {
    ...settings,
    organisation: organisation.name,
    mailDirectory: mailDirectoryOf(settings.mailDirectory, organisation),
  };
}

/** Where an organisation's `.eml` files go, under the deployment's mail folder `base`. */
export function mailDirectoryOf(base: string, organisation: Pick<Organisation, 'id'>): string {
  return organisation.id === FIRST_ORGANISATION_ID ? base : path.join(base, organisation.id);
}
