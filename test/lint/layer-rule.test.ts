import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The dependency directions of docs/architecture.md are enforced by ESLint: this lints small virtual
 * files placed in each layer, importing real files of other layers, with the project's own
 * configuration, and checks that each rule refuses what it should and allows what it should.
 */
const eslint = new ESLint({
  cwd: process.cwd(),
  // Type information is irrelevant to the layer rule and unavailable for virtual files.
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

async function layerErrors(filePath: string, importPath: string): Promise<string[]> {
  const [result] = await eslint.lintText(`export { type Probe } from '${importPath}';\n`, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'boundaries/dependencies')
    .map((message) => message.message);
}

describe('the layer rule refuses', () => {
  // Targets are real TypeScript files of each layer (the rule classifies resolved files).
  it.each([
    // between the parts
    ['shared/domain/probe.ts', '../../sync-server/app', 'may not import server-app'],
    ['shared/domain/probe.ts', '../../renderer/vite.config', 'may not import renderer-entry'],
    ['shared/domain/probe.ts', '../../test/lint/layer-rule.test', 'may not import test'],
    ['sync-server/probe.ts', '../renderer/vite.config', 'server-app may not import renderer-entry'],
    ['renderer/src/probe.ts', '../../sync-server/app', 'renderer-entry may not import server-app'],
    ['electron/main/probe.ts', '../../renderer/vite.config', 'electron may not import renderer-entry'],
    ['electron/main/probe.ts', '../../sync-server/app', 'electron may not import server-app'],
    // inside shared/: common → access → aggregates → decide → sync
    ['shared/domain/common/probe.ts', '../access/write-matrix', 'shared-common may not import shared-access'],
    ['shared/domain/access/probe.ts', '../job/job-schema', 'shared-access may not import shared-aggregate'],
    ['shared/domain/job/probe.ts', '../decide/decide-write', 'shared-aggregate may not import shared-decide'],
    ['shared/domain/decide/probe.ts', '../../sync/protocol', 'shared-decide may not import shared-sync'],
    // inside sync-server/: infra → services → plugins → modules, never another module
    ['sync-server/infra/probe.ts', '../services/reservations', 'server-infra may not import server-services'],
    ['sync-server/services/probe.ts', '../plugins/auth', 'server-services may not import server-plugins'],
    [
      'sync-server/plugins/probe.ts',
      '../modules/sync/routes',
      'server-plugins may not import server-module-sync',
    ],
    [
      'sync-server/modules/sync/probe.ts',
      '../admin/erasure-service',
      'server-module-sync may not import server-module-admin',
    ],
    // inside renderer/src/: data → ui → features, never another feature → shell → app
    ['renderer/src/data/probe.ts', '../ui/StatusChip', 'renderer-data may not import renderer-ui'],
    [
      'renderer/src/data/probe.ts',
      '../features/jobs/JobsPage',
      'renderer-data may not import renderer-feature-jobs',
    ],
    [
      'renderer/src/ui/probe.ts',
      '../features/jobs/JobsPage',
      'renderer-ui may not import renderer-feature-jobs',
    ],
    [
      'renderer/src/features/jobs/probe.ts',
      '../candidates/CandidatesPage',
      'renderer-feature-jobs may not import renderer-feature-candidates',
    ],
    [
      'renderer/src/features/jobs/probe.ts',
      '../../shell/AppShell',
      'renderer-feature-jobs may not import renderer-shell',
    ],
  ])('%s importing %s', async (file, target, expected) => {
    const errors = await layerErrors(file, target);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(expected);
  });
});

describe('the layer rule allows', () => {
  it.each([
    ['shared/domain/probe.ts', './common/roles'],
    ['shared/domain/decide/probe.ts', '../application/application-rules'],
    ['shared/sync/probe.ts', '../domain/decide/decide-write'],
    ['sync-server/probe.ts', '#shared/domain/common/roles'],
    ['renderer/src/probe.ts', '#shared/domain/common/roles'],
    ['electron/main/probe.ts', '#shared/domain/common/roles'],
    ['sync-server/modules/sync/probe.ts', './pull-service'],
    ['sync-server/modules/sync/probe.ts', '../../plugins/auth'],
    ['sync-server/modules/sync/probe.ts', '../../services/reservations'],
    ['sync-server/plugins/probe.ts', '../services/user-service'],
    ['sync-server/app-probe.ts', './modules/admin/routes'],
    ['renderer/src/features/jobs/probe.ts', '../../ui/StatusChip'],
    ['renderer/src/features/jobs/probe.ts', '../../data/database'],
    ['renderer/src/shell/probe.ts', '../features/jobs/JobsPage'],
    ['test/probe.ts', '../sync-server/app'],
    ['sync-server/modules/files/probe.test.ts', '../../test/support/test-server'],
  ])('%s importing %s', async (file, target) => {
    expect(await layerErrors(file, target)).toEqual([]);
  });
});

describe('the organisation rule (SPEC §10)', () => {
  async function storeErrors(filePath: string, code: string): Promise<number> {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((message) => message.message.includes('storeOf(request)')).length;
  }

  it.each([
    ['sync-server/modules/admin/probe.ts', 'export const probe = (app: { store: unknown }) => app.store;\n'],
    [
      'sync-server/plugins/probe.ts',
      'export const probe = (request: { server: { store: unknown } }) => request.server.store;\n',
    ],
    ['sync-server/services/probe.ts', 'export const probe = (root: { store: unknown }) => root.store;\n'],
  ])('refuses the app’s store in %s', async (filePath, code) => {
    expect(await storeErrors(filePath, code)).toBe(1);
  });

  it.each([
    [
      'sync-server/modules/admin/probe.ts',
      'export const probe = (home: { store: unknown }) => home.store;\n',
    ],
    ['sync-server/test/probe.test.ts', 'export const probe = (app: { store: unknown }) => app.store;\n'],
    ['sync-server/demo/probe.ts', 'export const probe = (app: { store: unknown }) => app.store;\n'],
  ])('allows a store that is not the app’s, and tests and start-up code, in %s', async (filePath, code) => {
    expect(await storeErrors(filePath, code)).toBe(0);
  });
});
