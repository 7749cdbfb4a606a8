/** How far in the server's future a person's `at` may be (SPEC §3): clocks drift. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

export function parseIso(iso: string): number {
  return Date.parse(iso);
}
