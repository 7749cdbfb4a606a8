import type { DesktopNotification } from '#shared/bridge/desktop-bridge';

/** The part of Electron's `Notification` class used here. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}

/** How notifications are created and what a click does, injected for tests. */
export interface NotificationDeps {
  isSupported(): boolean;
  create(options: { title: string; body: string; silent: boolean }): NotificationLike;
  /** Brings the main window forward and shows `route` in it (if given). */
  openRoute(route: string | undefined): void;
}

/**
 * Shows a native notification (newly refused changes, interviews starting soon). The notification
 * object is kept referenced until clicked, or a garbage-collected notification loses its handler.
 */
export class Notifier {
  private readonly shown = new Set<NotificationLike>();

  constructor(private readonly deps: NotificationDeps) {}

  /** Shows `notification` (already validated); returns false where the OS has no notifications. */
  show(notification: DesktopNotification): boolean {
    if (!this.deps.isSupported()) return false;
    const native = this.deps.create({ title: notification.title, body: notification.body, silent: false });
    this.shown.add(native);
    native.on('close', () => this.shown.delete(native));
    native.on('click', () => {
      this.shown.delete(native);
      this.deps.openRoute(notification.route);
    });
    native.show();
    return true;
  }
}
