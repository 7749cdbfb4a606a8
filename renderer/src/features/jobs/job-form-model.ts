import type { Actor } from '#shared/domain/common/roles';
import type { EmploymentType, Job } from '#shared/domain/job/job-schema';

/** The job form's fields, as typed (strings until saved). */
export interface JobFormValues {
  title: string;
  department: string;
  location: string;
  employmentType: EmploymentType;
  description: string;
  requirements: string;
  salaryMin: string;
  salaryMax: string;
  currency: string;
  openings: string;
  hiringManagerId: string;
}

export const JOB_FIELD_LABELS: Readonly<Record<string, string>> = {
  title: 'Title',
  department: 'Department',
  location: 'Location',
  employmentType: 'Employment type',
  description: 'Description',
  requirements: 'Requirements',
  salaryMin: 'Minimum salary',
  salaryMax: 'Maximum salary',
  currency: 'Currency',
  openings: 'Openings',
  hiringManagerId: 'Hiring manager',
};

export function jobToForm(job: Job | null): JobFormValues {
  return {
    title: job?.title ?? '',
    department: job?.department ?? '',
    location: job?.location ?? '',
    employmentType: job?.employmentType ?? 'full_time',
    description: job?.description ?? '',
    requirements: job?.requirements.join('\n') ?? '',
    salaryMin: job?.salaryMin?.toString() ?? '',
    salaryMax: job?.salaryMax?.toString() ?? '',
    currency: job?.currency ?? '',
    openings: job?.openings?.toString() ?? '',
    hiringManagerId: job?.hiringManagerId ?? '',
  };
}

function optionalNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/** The job document the form describes: a new draft, or `before` with the form's fields. */
export function formToJob(
  values: JobFormValues,
  before: Job | null,
  actor: Actor,
  id: string,
  now: Date,
): Job {
  return withoutUndefined<Job>({
    ...(before ?? {
      id,
      updatedAt: 0,
      status: 'draft',
      recruiterIds: actor.role === 'recruiter' ? [actor.id] : [],
      createdBy: actor.id,
      createdAt: now.toISOString(),
    }),
    title: values.title.trim(),
    department: values.department.trim(),
    location: values.location.trim(),
    employmentType: values.employmentType,
    description: values.description,
    requirements: values.requirements
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    salaryMin: optionalNumber(values.salaryMin),
    salaryMax: optionalNumber(values.salaryMax),
    currency: values.currency.trim().toUpperCase() || undefined,
    openings: optionalNumber(values.openings),
    hiringManagerId: values.hiringManagerId || undefined,
  });
}
