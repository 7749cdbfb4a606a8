import { describe, expect, it, vi } from 'vitest';
import { Notifier, type NotificationLike } from './notifications';

function fakeNotification(): NotificationLike & {
  emit: (event: 'click' | 'close') => void;
  isShown: boolean;
} {
  const listeners = new Map<string, () => void>();
  const notification = {
    isShown: false,
    on: (event: 'click' | 'close', listener: () => void) => listeners.set(event, listener),
    show: () => {
      notification.isShown = true;
    },
    emit: (event: 'click' | 'close') => listeners.get(event)?.(),
  };
  return notification;
}

describe('native notifications', () => {
  it('show the title and body and open the route on click', () => {
    const native = fakeNotification();
    const create = vi.fn(() => native);
    const openRoute = vi.fn();
    const notifier = new Notifier({ isSupported: () => true, create, openRoute });
    expect(notifier.show({ title: 'Interview soon', body: 'Ada at 10:00', route: '/interviews/int-1' })).toBe(
      true,
    );
    expect(create).toHaveBeenCalledWith({ title: 'Interview soon', body: 'Ada at 10:00', silent: false });
    expect(native.isShown).toBe(true);
    native.emit('click');
    expect(openRoute).toHaveBeenCalledWith('/interviews/int-1');
  });

  it('do nothing where the system has no notifications', () => {
    const create = vi.fn(fakeNotification);
    const notifier = new Notifier({ isSupported: () => false, create, openRoute: vi.fn() });
    expect(notifier.show({ title: 't', body: 'b' })).toBe(false);
    expect(create).not.toHaveBeenCalled();
  });
});
