import { addRxPlugin, createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import type { Interview } from '#shared/domain/interview/interview-schema';
import type { Job } from '#shared/domain/job/job-schema';
import { toRxJsonSchema } from '#shared/sync/rx-schemas';
import { scorecardDraftMigrations, scorecardDraftSchema } from './local-schemas';
import { MIGRATION_STRATEGIES } from './migrations';

addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);
disableWarnings();

type Schema = RxJsonSchema<Record<string, unknown>>;

/** Removes `fields` from the properties of the (plain JSON) schema node at `path`. */
function dropProperties(schema: object, path: readonly string[], fields: readonly string[]): void {
  let node: unknown = schema;
  for (const key of path) node = typeof node === 'object' && node !== null ? (Reflect.get(node, key) as unknown) : null;
  const properties: unknown = typeof node === 'object' && node !== null ? Reflect.get(node, 'properties') : null;
  if (typeof properties !== 'object' || properties === null) throw new Error(`No properties at ${path.join('.')}`);
  for (const field of fields) Reflect.deleteProperty(properties, field);
}

/** A schema as version 0 had it: without the fields of issue 19. */
function versionZero(schema: object, drops: readonly (readonly [readonly string[], readonly string[]])[]): Schema {
  const copy = JSON.parse(JSON.stringify(schema)) as Schema;
  for (const [path, fields] of drops) dropProperties(copy, path, fields);
  return { ...copy, version: 0 };
}

const JOBS_V0 = versionZero(toRxJsonSchema('jobs'), [[[], ['interviewPlan']]]);
const INTERVIEWS_V0 = versionZero(toRxJsonSchema('interviews'), [
  [[], ['kitId', 'declines', 'withheldScorecardAuthors']],
  [['properties', 'scorecards', 'items'], ['attributeRatings']],
]);
const DRAFTS_V0 = versionZero(scorecardDraftSchema, [[[], ['attributeRatings']]]);

type Plain = Record<string, unknown>;
type Collections = {
  jobs: RxCollection<Plain>;
  interviews: RxCollection<Plain>;
  scorecarddrafts: RxCollection<Plain>;
};

const oldJob: Job = {
  id: 'job-1',
  updatedAt: 1,
  title: 'Senior Backend Engineer',
  department: 'Engineering',
  location: 'Berlin',
  employmentType: 'full_time',
  description: 'Build the services.',
  requirements: ['Go'],
  status: 'open',
  recruiterIds: ['recruiter-1'],
  createdBy: 'recruiter-1',
  createdAt: '2026-01-01T09:00:00.000Z',
};

const oldInterview: Interview = {
  id: 'int-1',
  updatedAt: 1,
  applicationId: 'job-1__cand-1',
  jobId: 'job-1',
  candidateId: 'cand-1',
  type: 'technical',
  scheduledAt: '2026-01-10T09:00:00.000Z',
  durationMinutes: 60,
  interviewerIds: ['interviewer-1'],
  status: 'completed',
  scorecards: [
    { interviewerId: 'interviewer-1', rating: 4, recommendation: 'yes', notes: 'Good.', submittedAt: '2026-01-10T11:00:00.000Z' },
  ],
  createdBy: 'recruiter-1',
  createdAt: '2026-01-05T09:00:00.000Z',
};

const storage = () => wrappedValidateAjvStorage({ storage: getRxStorageMemory() });

describe('laptops with data from before structured interviews', () => {
  it('keep every job, interview and scorecard draft when the schemas move to version 1', async () => {
    const name = `migration-${Date.now()}`;
    const oldDraft = {
      id: 'int-1:interviewer-1',
      interviewId: 'int-1',
      interviewerId: 'interviewer-1',
      rating: 3,
      recommendation: 'yes',
      notes: 'typed offline last week',
      savedAt: 1,
    };
    const before = await createRxDatabase<Collections>({ name, storage: storage(), ignoreDuplicate: true });
    await before.addCollections({
      jobs: { schema: JOBS_V0 },
      interviews: { schema: INTERVIEWS_V0 },
      scorecarddrafts: { schema: DRAFTS_V0 },
    });
    await before.jobs.insert(oldJob);
    await before.interviews.insert(oldInterview);
    await before.scorecarddrafts.insert(oldDraft);
    await before.close();

    const after = await createRxDatabase<Collections>({ name, storage: storage(), ignoreDuplicate: true });
    try {
      await after.addCollections({
        jobs: { schema: toRxJsonSchema('jobs') as Schema, migrationStrategies: MIGRATION_STRATEGIES.jobs },
        interviews: {
          schema: toRxJsonSchema('interviews') as Schema,
          migrationStrategies: MIGRATION_STRATEGIES.interviews,
        },
        scorecarddrafts: { schema: { ...scorecardDraftSchema } as Schema, migrationStrategies: scorecardDraftMigrations },
      });
      expect((await after.jobs.findOne(oldJob.id).exec())?.toJSON()).toEqual(oldJob);
      expect((await after.interviews.findOne(oldInterview.id).exec())?.toJSON()).toEqual(oldInterview);
      expect((await after.scorecarddrafts.findOne(oldDraft.id).exec())?.toJSON()).toEqual(oldDraft);
      // And new documents take the new fields.
      await after.interviews.insert({ ...oldInterview, id: 'int-2', kitId: 'kit-technical' });
    } finally {
      await after.remove();
    }
  });
});
