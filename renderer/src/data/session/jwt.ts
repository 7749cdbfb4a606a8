/** The `exp` of a JWT in ms, or null when it cannot be read (the server still decides). */
export function jwtExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/** Whether the access token expires within `marginMs`: refresh before using it. */
export function isExpiring(token: string, now: number, marginMs = 30_000): boolean {
  const expiry = jwtExpiry(token);
  return expiry !== null && expiry - marginMs <= now;
}
