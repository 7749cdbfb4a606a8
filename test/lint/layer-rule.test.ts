import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The dependency direction of STYLE.md is enforced by ESLint: this lints small virtual files placed
 * in each layer, importing real files of other layers, with the project's own configuration.
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

describe('the layer rule', () => {
  // Targets are real TypeScript files of each layer (the rule classifies resolved files).
  it.each([
    ['shared/domain/probe.ts', '../../sync-server/app', 'shared may not import sync-server'],
    ['shared/domain/probe.ts', '../../renderer/vite.config', 'shared may not import renderer'],
    ['shared/domain/probe.ts', '../../test/lint/layer-rule.test', 'shared may not import test'],
    ['sync-server/probe.ts', '../renderer/vite.config', 'sync-server may not import renderer'],
    ['renderer/src/probe.ts', '../../sync-server/app', 'renderer may not import sync-server'],
    ['electron/main/probe.ts', '../../renderer/vite.config', 'electron may not import renderer'],
    ['electron/main/probe.ts', '../../sync-server/app', 'electron may not import sync-server'],
  ])('fails %s importing %s', async (file, target, expected) => {
    const errors = await layerErrors(file, target);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(expected);
  });

  it.each([
    ['shared/domain/probe.ts', './common/roles'],
    ['sync-server/probe.ts', '../shared/domain/common/roles'],
    ['renderer/src/probe.ts', '../../shared/domain/common/roles'],
    ['electron/main/probe.ts', '../../shared/domain/common/roles'],
    ['test/probe.ts', '../sync-server/app'],
    ['sync-server/files/probe.ts', '../test/support/test-server'],
  ])('passes %s importing %s', async (file, target) => {
    expect(await layerErrors(file, target)).toEqual([]);
  });
});
