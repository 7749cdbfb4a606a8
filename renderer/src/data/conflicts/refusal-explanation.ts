import { format, isSameDay } from 'date-fns';
import { changedFields } from '#shared/domain/common/equality';
import type { CollectionName } from '#shared/domain/collections';
import type { Application, StageHistoryEntry } from '#shared/domain/application/application-schema';

type Doc = Readonly<Record<string, unknown>>;

/** Names and titles the explanation reads, from the local copy (the server's version by now). */
export interface ExplanationLookups {
  readonly personName: (userId: string) => string | null;
  /** The job an application belongs to, as this device has it now. */
  readonly job?: { readonly title: string; readonly status: string } | null;
  readonly now: number;
}

/** One field that differs between what the person wrote and what stands now, in words. */
export interface FieldDifference {
  readonly field: string;
  readonly label: string;
  readonly yours: string;
  readonly current: string;
}

/** What happened to a refused change: a headline in the person's words and the fields that differ. */
export interface RefusalExplanation {
  readonly headline: string;
  readonly differences: readonly FieldDifference[];
}

const LABELS: Readonly<Record<string, string>> = {
  stage: 'Stage',
  stageHistory: 'Last stage change',
  rejection: 'Rejection',
  offer: 'Offer',
  status: 'Status',
  closedReason: 'Closed because',
  title: 'Title',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  location: 'Location',
  currentCompany: 'Company',
  currentTitle: 'Title',
  tags: 'Tags',
  skills: 'Skills',
  notes: 'Notes',
  scheduledAt: 'Time',
  durationMinutes: 'Duration (minutes)',
  interviewerIds: 'Interviewers',
  scorecards: 'Scorecards',
  salaryMin: 'Minimum salary',
  salaryMax: 'Maximum salary',
  openings: 'Openings',
};

/** Fields that say nothing to a person (bookkeeping), left out of the differences. */
const HIDDEN = ['updatedAt', '_deleted', '_rev', '_meta', '_attachments', 'id', 'createdAt', 'createdBy'];

function words(code: string): string {
  const spaced = code.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function when(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return isSameDay(at, now) ? `at ${format(at, 'HH:mm')}` : `on ${format(at, 'd MMM yyyy')} at ${format(at, 'HH:mm')}`;
}

function isRecord(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHistory(value: unknown): value is StageHistoryEntry[] {
  return Array.isArray(value) && value.every((entry) => isRecord(entry) && typeof entry['to'] === 'string');
}

/** A value as a person reads it: stages and codes in words, times as times, people by name. */
function shown(field: string, value: unknown, lookups: ExplanationLookups): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field === 'stageHistory' && isHistory(value)) {
    const last = value.at(-1);
    if (!last) return '—';
    const move = last.from ? `${words(last.from)} → ${words(last.to)}` : words(last.to);
    return `${move}, ${when(last.at, lookups.now)} by ${lookups.personName(last.by) ?? 'someone'}`;
  }
  if (field === 'interviewerIds' && Array.isArray(value)) {
    return value.map((id) => lookups.personName(String(id)) ?? String(id)).join(', ');
  }
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return format(Date.parse(value), 'd MMM yyyy, HH:mm');
    return ['stage', 'atStage', 'status', 'closedReason'].includes(field) ? words(value) : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((item) => (isRecord(item) ? '…' : String(item))).join(', ') || '—';
  if (isRecord(value)) {
    return Object.entries(value)
      .map(([key, inner]) => `${words(key.replace(/([A-Z])/g, '_$1').toLowerCase())}: ${shown(key, inner, lookups)}`)
      .join(' · ');
  }
  return JSON.stringify(value);
}

/** The fields that differ between the person's version and the current one, in words. */
export function fieldDifferences(yours: Doc, current: Doc, lookups: ExplanationLookups): FieldDifference[] {
  return changedFields(yours, current, HIDDEN).map((field) => ({
    field,
    label: LABELS[field] ?? words(field.replace(/([A-Z])/g, '_$1').toLowerCase()),
    yours: shown(field, yours[field], lookups),
    current: shown(field, current[field], lookups),
  }));
}

const STAGE_VERBS: Readonly<Record<string, string>> = {
  rejected: 'rejected this application',
  hired: 'hired this candidate',
};

/** "Priya Raman rejected this application at 14:02", from the entries the server has and you did not. */
function applicationHeadline(yours: Doc, current: Doc, lookups: ExplanationLookups): string | null {
  const mine = isHistory(yours['stageHistory']) ? yours['stageHistory'] : [];
  const theirs = isHistory(current['stageHistory']) ? current['stageHistory'] : [];
  const shared = theirs.findIndex((entry, index) => JSON.stringify(entry) !== JSON.stringify(mine[index]));
  const news = shared === -1 ? [] : theirs.slice(shared);
  const last = news.at(-1);
  if (!last) return null;
  const who = lookups.personName(last.by) ?? 'Someone';
  const what = STAGE_VERBS[last.to] ?? `moved this application to ${words(last.to)}`;
  return `${who} ${what} ${when(last.at, lookups.now)}, while your change was waiting to be sent.`;
}

const JOB_STATUS_WORDS: Readonly<Record<string, string>> = {
  on_hold: 'The job was put on hold',
  closed: 'The job was closed',
  draft: 'The job is still a draft',
};

/**
 * What happened to a refused change, for the person who made it: who did what meanwhile (another
 * stage change, the job put on hold or closed), else the rule's own words; and the fields where their
 * version differs from the one that stands now.
 */
export function explainRefusal(
  collection: CollectionName,
  code: string,
  message: string,
  yours: Doc,
  current: Doc | null,
  lookups: ExplanationLookups,
): RefusalExplanation {
  const differences = current ? fieldDifferences(yours, current, lookups) : [];
  if (!current) return { headline: `${message} It was not saved.`, differences };
  if (collection === 'applications') {
    const headline = applicationHeadline(yours, current, lookups);
    if (headline) return { headline, differences };
    if (lookups.job && (code === 'job_not_open' || code === 'job_closed')) {
      const jobWords = JOB_STATUS_WORDS[lookups.job.status];
      return {
        headline: jobWords
          ? `${jobWords} (${lookups.job.title}), so your change could not be made.`
          : `The job (${lookups.job.title}) was not open when your change arrived; it is open again now.`,
        differences,
      };
    }
  }
  if (code === 'conflict') {
    return { headline: 'Someone else changed this while your change was waiting to be sent.', differences };
  }
  return { headline: message, differences };
}

/**
 * The person's change made again on the version that stands now, or null when there is nothing to
 * redo. A stage move is made again as a move from the current stage, now; other documents take back the
 * person's fields that differ. Whether the rules allow it now is for `decideWrite` to say.
 */
export function changeAgain(collection: CollectionName, yours: Doc, current: Doc, now: number): Doc | null {
  const fields = changedFields(yours, current, HIDDEN);
  if (fields.length === 0) return null;
  if (collection === 'applications') {
    const mine = isHistory(yours['stageHistory']) ? yours['stageHistory'] : [];
    const last = mine.at(-1);
    if (!last || yours['stage'] === current['stage'] || typeof current['stage'] !== 'string') return null;
    const theirs = isHistory(current['stageHistory']) ? current['stageHistory'] : [];
    const application = current as Partial<Application>;
    return {
      ...current,
      stage: last.to,
      stageHistory: [...theirs, { ...last, from: application.stage ?? last.from, at: new Date(now).toISOString() }],
      ...(last.to === 'rejected' && isRecord(yours['rejection'])
        ? { rejection: { ...yours['rejection'], atStage: application.stage } }
        : {}),
    };
  }
  return { ...current, ...Object.fromEntries(fields.map((field) => [field, yours[field]])) };
}
