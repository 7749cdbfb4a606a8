import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Emits `sw.js`, a service worker that keeps the app shell (index.html and every built asset) so the
 * browser build reopens with no network, on the person's local data. Navigations go to the network
 * first and fall back to the cached page, so client-side routes work offline too. Assets are cached
 * under a name derived from the build, and older caches are dropped when a new build activates.
 */
function offlineAppShell(): Plugin {
  return {
    name: 'shortlist-offline-app-shell',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((file) => !file.endsWith('.map'));
      const version = files
        .filter((file) => file.startsWith('assets/'))
        .sort()
        .join('|');
      let hash = 0;
      for (const char of version) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
      const source = `
const CACHE = 'shortlist-app-${(hash >>> 0).toString(36)}';
const SCOPE = new URL('./', self.location).pathname;
const FILES = ${JSON.stringify(['./', ...files])};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('shortlist-app-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  if (event.request.mode === 'navigate') {
    event.respondWith(fetch(event.request).catch(() => caches.match(SCOPE, { ignoreVary: true }).then((page) => page || Response.error())));
    return;
  }
  event.respondWith(caches.match(event.request, { ignoreVary: true }).then((cached) => cached || fetch(event.request)));
});
`;
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

/**
 * The renderer's build. The browser build is served by the sync server under `/app/`; the desktop
 * build sets `SHORTLIST_BASE=./` so its assets resolve relative to the app:// page (and uses hash routes),
 * and may set `SHORTLIST_OUT_DIR` (relative to the working directory) to build somewhere else.
 */
export default defineConfig({
  root: rendererRoot,
  base: process.env['SHORTLIST_BASE'] ?? '/app/',
  plugins: [react(), offlineAppShell()],
  build: {
    outDir: process.env['SHORTLIST_OUT_DIR']
      ? path.resolve(process.env['SHORTLIST_OUT_DIR'])
      : fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2_000,
  },
  server: {
    proxy: { '/api': process.env['SHORTLIST_SERVER'] ?? 'http://127.0.0.1:4000' },
  },
});
