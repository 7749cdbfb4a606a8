import type { Application, Stage } from '../application/application-schema';
import type { EmploymentType, Job } from '../job/job-schema';

/**
 * What the public careers page shows of a job (SPEC §5 portal): the advert, never who works on it.
 * Only open jobs are shown at all (`isPublicJob`).
 */
export interface PortalJob {
  id: string;
  title: string;
  department: string;
  location: string;
  employmentType: EmploymentType;
  description: string;
  requirements: string[];
  salaryMin?: number;
  salaryMax?: number;
  currency?: string;
}

export function isPublicJob(job: Pick<Job, 'status'>): boolean {
  return job.status === 'open';
}

export function toPortalJob(job: Job): PortalJob {
  return {
    id: job.id,
    title: job.title,
    department: job.department,
    location: job.location,
    employmentType: job.employmentType,
    description: job.description,
    requirements: [...job.requirements],
    ...(job.salaryMin !== undefined ? { salaryMin: job.salaryMin } : {}),
    ...(job.salaryMax !== undefined ? { salaryMax: job.salaryMax } : {}),
    ...(job.currency !== undefined ? { currency: job.currency } : {}),
  };
}

/**
 * What a candidate sees of their own application: the job's title, the stage and the date each
 * stage was reached. Never notes, who moved it, rejection details, scorecards or the offer's internals.
 */
export interface PortalApplication {
  id: string;
  jobId: string;
  jobTitle: string;
  stage: Stage;
  appliedAt: string;
  stageHistory: { stage: Stage; at: string }[];
}

export function toPortalApplication(application: Application, jobTitle: string): PortalApplication {
  return {
    id: application.id,
    jobId: application.jobId,
    jobTitle,
    stage: application.stage,
    appliedAt: application.stageHistory[0]?.at ?? application.createdAt,
    stageHistory: application.stageHistory.map((entry) => ({ stage: entry.to, at: entry.at })),
  };
}
