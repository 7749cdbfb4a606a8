import { defaultSettings } from '../domain/settings/settings-schema';
import { addRxPlugin, createRxDatabase, type RxJsonSchema } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import { application, candidate, interview, job, user } from '../test-support/fixtures';
import { COLLECTIONS } from '../domain/collections';
import { SCHEMA_VERSIONS, toRxJsonSchema } from './rx-schemas';

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
              // The renderer's strategies live in the renderer; any will do to create fresh collections.
              migrationStrategies: Object.fromEntries(
                Array.from({ length: SCHEMA_VERSIONS[name] }, (_, step) => [step + 1, (doc: unknown) => doc]),
              ),
            },
          ]),
        ),
      );
      await collections['jobs']!.insert(job());
      await collections['candidates']!.insert(candidate());
      await collections['applications']!.insert(application('offer'));
      await collections['interviews']!.insert(interview());
      await collections['users']!.insert(user('admin-1', 'admin'));
      await collections['settings']!.insert(defaultSettings(1));
      await collections['comments']!.insert({
        id: 'comment-1',
        updatedAt: 1,
        candidateId: 'cand-1',
        body: 'Strong on systems design.',
        mentions: [],
        createdBy: 'recruiter-1',
        createdAt: '2026-03-01T10:00:00.000Z',
      });
      for (const name of COLLECTIONS) expect(await collections[name]!.count().exec()).toBe(1);
      await expect(collections['jobs']!.insert({ ...job({ id: 'job-2' }), title: '' })).rejects.toThrow();
    } finally {
      await database.remove();
    }
  });
});
