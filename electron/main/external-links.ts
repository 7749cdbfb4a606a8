/** Longest URL handed to the operating system. */
const MAX_EXTERNAL_URL_LENGTH = 2_048;

/**
 * The policy of `shell.openExternal`: only absolute http(s) URLs with a host, no credentials, of a
 * sane length. Everything else (`file:`, `javascript:`, custom schemes that launch other programs,
 * `smb:` shares…) is refused. Returns the normalised URL to open, or null.
 */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}
