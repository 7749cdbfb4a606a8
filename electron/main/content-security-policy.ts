/**
 * The Content-Security-Policy sent with every `app://` response. Scripts only from the app itself
 * (no inline scripts, no eval); inline styles are allowed because the UI library (MUI/Emotion)
 * injects `<style>` elements at run time. Network connections go to the app itself and to the
 * configured sync server origin only (its REST API and its Server-Sent Events stream). Frames show
 * only `blob:` documents: the résumé preview, made in the page from a downloaded or cached file.
 */
export function contentSecurityPolicy(syncServerOrigins: readonly string[]): string {
  const connect = ["'self'", ...new Set(syncServerOrigins.map(toOrigin))].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "worker-src 'self' blob:",
    'frame-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The origin (`scheme://host:port`) of an http(s) URL; throws on anything else. */
export function toOrigin(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`The sync server must be an http(s) URL, not ${parsed.protocol}`);
  }
  return parsed.origin;
}
