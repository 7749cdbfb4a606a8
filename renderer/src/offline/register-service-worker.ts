/**
 * Registers the app-shell service worker of the browser build (emitted by vite.config.ts), so the
 * app reopens with no network. Not in development, and not in the desktop build (app:// serves the
 * files locally there).
 */
export function registerServiceWorker(): void {
  const base = import.meta.env.BASE_URL;
  if (!import.meta.env.PROD || !base.startsWith('/') || !('serviceWorker' in navigator)) return;
  if (window.location.protocol !== 'http:' && window.location.protocol !== 'https:') return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {
      // Not fatal: without it the app only needs the network to reopen.
    });
  });
}
