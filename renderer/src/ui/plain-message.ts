/**
 * A refusal message with its field path ("salaryMin: must not be above salaryMax.") in words
 * ("Minimum salary: must not be above salaryMax."), using the form's labels.
 */
export function plainMessage(message: string, labels: Readonly<Record<string, string>>): string {
  const match = /^([A-Za-z0-9_.]+): (.*)$/s.exec(message);
  if (!match) return message;
  const [, path = '', rest = ''] = match;
  const field = path.split('.')[0] ?? path;
  const label = labels[field];
  return label ? `${label}: ${rest}` : message;
}
