import { isCollectionName } from '#shared/domain/collections';
import type { IdentityMail } from '../../services/identity-mail';
import { settingsOfOrganisation, type NotificationSettings } from '../../services/notifications-config';
import type { OrganisationWorker, OrganisationWorkerFactory } from '../../services/organisation-workers';
import type { MailTransport } from './mail-transport';
import { NotificationWorker, type WorkerTiming } from './notification-worker';

/** What every organisation's outbox worker shares. */
export interface NotificationWorkersOptions {
  readonly settings: NotificationSettings;
  readonly timing?: Partial<WorkerTiming>;
  /** Overrides the transport chosen from the settings (tests). */
  readonly transport?: MailTransport;
  /** The account mails, sent as soon as they are queued. */
  readonly identityMail?: IdentityMail;
  readonly log: (message: string, error?: unknown) => void;
}

/**
 * An outbox worker per organisation, on its own outbox and with its own name in its messages. The
 * change feed wakes it when the organisation's collections change, account mails when they are
 * queued; it also runs on its timer (retries, reminders, requeued entries).
 */
export function notificationWorkers(options: NotificationWorkersOptions): OrganisationWorkerFactory {
  return async (organisation, store): Promise<OrganisationWorker> => {
    const worker = await NotificationWorker.create(store, {
      settings: settingsOfOrganisation(options.settings, organisation),
      ...(options.timing ? { timing: options.timing } : {}),
      ...(options.transport ? { transport: options.transport } : {}),
      log: options.log,
    });
    let detach = (): void => undefined;
    return {
      start: async () => {
        await worker.start();
        if (options.identityMail) detach = options.identityMail.attach(store.prefix, worker);
      },
      stop: async () => {
        detach();
        await worker.stop();
      },
      // Not on outbox changes: the worker's own writes there would wake it again and again.
      databasesChanged: (keys) => {
        if ([...keys].some(isCollectionName)) worker.wake();
      },
      resync: () => worker.wake(),
    };
  };
}
