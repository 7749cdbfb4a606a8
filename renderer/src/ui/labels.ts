/** Codes whose words are not simply the code spaced out (brand names keep their spelling). */
const SPELLED: Readonly<Record<string, string>> = { linkedin: 'LinkedIn' };

/** Words for the domain's codes, as people read them on screen. */
export function humanize(code: string): string {
  const spelled = SPELLED[code];
  if (spelled) return spelled;
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A person's display name from the users directory, or the id when unknown here. */
export function nameOf(users: ReadonlyMap<string, { name: string }>, id: string | undefined): string {
  if (!id) return '—';
  return users.get(id)?.name ?? id;
}
