import { defaultSettings } from '../domain/settings/settings-schema';
import { addRxPlugin, createRxDatabase, type RxJsonSchema } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import {
  application,
  candidate,
  interview,
  interviewPlan,
  job,
  message,
  scorecard,
  user,
} from '../test-support/fixtures';
import { COLLECTIONS } from '../domain/collections';
import { SCHEMA_VERSIONS, toRxJsonSchema } from './rx-schemas';

/** Strategies that keep documents as they are, one per version (the renderer has the real ones). */
const keepEveryVersion = (version: number) =>
  Object.fromEntries(Array.from({ length: version }, (_unused, index) => [index + 1, (doc: unknown) => doc]));

addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);
disableWarnings();

describe('RxDB collections from the shared JSON Schemas', () => {
  it('are accepted by RxDB in dev-mode and store valid documents', async () => {
    const database = await createRxDatabase({
      name: `schema-check-${Date.now()}`,
      storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
      ignoreDuplicate: true,
    });
    try {
      const collections = await database.addCollections(
        Object.fromEntries(
          COLLECTIONS.map((name) => [
            name,
            {
              schema: toRxJsonSchema(name) as RxJsonSchema<unknown>,
              migrationStrategies: keepEveryVersion(SCHEMA_VERSIONS[name]),
            },
          ]),
        ),
      );
      await collections['jobs']!.insert(job());
      await collections['candidates']!.insert(candidate());
      await collections['applications']!.insert(application('offer'));
      await collections['interviews']!.insert(interview());
      await collections['users']!.insert(user('admin-1', 'admin'));
      // The fields of structured interviews (issue 19).
      await collections['jobs']!.insert(job({ id: 'job-planned', interviewPlan: interviewPlan() }));
      await collections['interviews']!.insert(
        interview({
          id: 'int-kit',
          kitId: 'kit-technical',
          scorecards: [
            scorecard('interviewer-1', {
              attributeRatings: [{ attributeId: 'design', rating: 4, note: 'n' }],
            }),
          ],
          declines: [
            {
              interviewerId: 'interviewer-2',
              reason: 'Away',
              at: interview().createdAt,
              scheduledAt: interview().scheduledAt,
            },
          ],
          withheldScorecardAuthors: ['interviewer-3'],
        }),
      );
      await collections['settings']!.insert(defaultSettings(1));
      await collections['messages']!.insert(message());
      await collections['comments']!.insert({
        id: 'comment-1',
        updatedAt: 1,
        candidateId: 'cand-1',
        body: 'Strong on systems design.',
        mentions: [],
        createdBy: 'recruiter-1',
        createdAt: '2026-03-01T10:00:00.000Z',
      });
      const counts: Record<string, number> = {};
      for (const name of COLLECTIONS) counts[name] = await collections[name]!.count().exec();
      expect(counts).toEqual({
        jobs: 2,
        candidates: 1,
        applications: 1,
        interviews: 2,
        users: 1,
        settings: 1,
        messages: 1,
        comments: 1,
      });
      await expect(collections['jobs']!.insert({ ...job({ id: 'job-2' }), title: '' })).rejects.toThrow();
    } finally {
      await database.remove();
    }
  });
});
