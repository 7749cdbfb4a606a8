// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of STYLE.md and docs/architecture.md, read off a file's folder as VS Code's layer rule
 * does. Between the parts: shared/ imports nothing of ours; sync-server/, renderer/ and electron/
 * import shared/ and never each other. Inside each part, one direction:
 * - shared/: domain/common → domain/access → domain/<aggregate> → domain/decide → sync
 * - sync-server/: infra → services → plugins → modules/<area> (never another area) → app.ts
 * - renderer/src/: data → ui → features/<feature> (never another feature) → shell → app
 */
const foldersOf = (path) =>
  readdirSync(new URL(path, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
const serverModules = foldersOf('./sync-server/modules/');
const rendererFeatures = foldersOf('./renderer/src/features/');

/** Element types, most specific first (the first whose folder holds the file names it). */
const element = (type, pattern) => ({ type, pattern, partialMatch: false });
const elements = [
  element('shared-common', 'shared/domain/common'),
  element('shared-access', 'shared/domain/access'),
  element('shared-decide', 'shared/domain/decide'),
  element('shared-aggregate', 'shared/domain'),
  element('shared-sync', 'shared/sync'),
  element('shared-bridge', 'shared/bridge'),
  element('shared-test', 'shared/test-support'),
  element('server-infra', 'sync-server/infra'),
  element('server-services', 'sync-server/services'),
  element('server-plugins', 'sync-server/plugins'),
  ...serverModules.map((name) => element(`server-module-${name}`, `sync-server/modules/${name}`)),
  element('server-demo', 'sync-server/demo'),
  element('server-test', 'sync-server/test'),
  element('server-app', 'sync-server'),
  element('renderer-data', 'renderer/src/data'),
  element('renderer-ui', 'renderer/src/ui'),
  ...rendererFeatures.map((name) => element(`renderer-feature-${name}`, `renderer/src/features/${name}`)),
  element('renderer-shell', 'renderer/src/shell'),
  element('renderer-app', 'renderer/src/app'),
  element('renderer-entry', 'renderer'),
  element('electron', 'electron'),
  element('test', 'test'),
  element('bench', 'bench'),
  element('scripts', 'scripts'),
];
const typesOf = (prefix) => elements.map(({ type }) => type).filter((type) => type.startsWith(prefix));
const SHARED = typesOf('shared-').filter((type) => type !== 'shared-test');
const SERVER_BELOW_MODULES = ['server-infra', 'server-services', 'server-plugins'];

/** Which element types each element type may import. */
const allowedImports = {
  'shared-common': ['shared-common'],
  'shared-access': ['shared-common', 'shared-access'],
  'shared-aggregate': ['shared-common', 'shared-access', 'shared-aggregate'],
  'shared-decide': ['shared-common', 'shared-access', 'shared-aggregate', 'shared-decide'],
  'shared-sync': ['shared-common', 'shared-access', 'shared-aggregate', 'shared-decide', 'shared-sync'],
  'shared-bridge': ['shared-common', 'shared-bridge'],
  'shared-test': typesOf('shared-'),
  'server-infra': [...SHARED, 'server-infra'],
  'server-services': [...SHARED, 'server-infra', 'server-services'],
  'server-plugins': [...SHARED, 'server-infra', 'server-services', 'server-plugins'],
  ...Object.fromEntries(
    serverModules.map((name) => [
      `server-module-${name}`,
      [...SHARED, ...SERVER_BELOW_MODULES, `server-module-${name}`],
    ]),
  ),
  'server-demo': [...SHARED, 'server-infra', 'server-services', 'server-demo'],
  'server-app': [...SHARED, ...typesOf('server-')],
  'server-test': [...typesOf('shared-'), ...typesOf('server-')],
  'renderer-data': [...SHARED, 'renderer-data'],
  'renderer-ui': [...SHARED, 'renderer-data', 'renderer-ui'],
  ...Object.fromEntries(
    rendererFeatures.map((name) => [
      `renderer-feature-${name}`,
      [...SHARED, 'renderer-data', 'renderer-ui', `renderer-feature-${name}`],
    ]),
  ),
  'renderer-shell': [
    ...SHARED,
    'renderer-data',
    'renderer-ui',
    ...typesOf('renderer-feature-'),
    'renderer-shell',
  ],
  'renderer-app': [...SHARED, 'renderer-data', 'renderer-ui', 'renderer-shell', 'renderer-app'],
  'renderer-entry': [...SHARED, ...typesOf('renderer-')],
  electron: [...SHARED, 'electron'],
  test: elements.map(({ type }) => type),
  bench: elements.map(({ type }) => type),
  scripts: elements.map(({ type }) => type),
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.tsbuild/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      'build/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.es2022 },
    },
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': ['**/*.ts', '**/*.tsx'],
      // Resolves the #shared/* alias (package.json imports) as TypeScript does.
      'import/resolver': { typescript: { alwaysTryTypes: true } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: '{{from.type}} may not import {{to.type}} (docs/architecture.md: dependency direction)',
          policies: [
            { allow: { to: { module: { origin: 'external' } } } },
            { allow: { to: { module: { origin: 'core' } } } },
            ...Object.entries(allowedImports).map(([from, to]) => ({
              from: { element: { type: from } },
              allow: { to: { element: { types: { anyOf: to } } } },
            })),
          ],
        },
      ],
      // A file outside every layer is a file nobody placed deliberately.
      'boundaries/no-unknown-files': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-nocheck': true, 'ts-expect-error': 'allow-with-description' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (STYLE.md).' },
      ],
    },
  },
  {
    // A test beside the code it tests may use anything of its own part (fixtures, test support), but
    // still nothing of another part.
    files: ['**/*.test.ts'],
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: '{{from.type}} may not import {{to.type}} (docs/architecture.md: dependency direction)',
          policies: [
            { allow: { to: { module: { origin: 'external' } } } },
            { allow: { to: { module: { origin: 'core' } } } },
            ...[
              ['shared-', ['shared-']],
              ['server-', ['shared-', 'server-']],
              ['renderer-', ['shared-', 'renderer-']],
              ['electron', ['shared-', 'electron']],
            ].map(([from, to]) => ({
              from: { element: { types: { anyOf: typesOf(from) } } },
              allow: { to: { element: { types: { anyOf: to.flatMap(typesOf) } } } },
            })),
            ...['test', 'bench', 'scripts'].map((from) => ({
              from: { element: { type: from } },
              allow: { to: { element: { types: { anyOf: elements.map(({ type }) => type) } } } },
            })),
          ],
        },
      ],
    },
  },
  {
    // SPEC §10: a request reads and writes its own organisation's store, `storeOf(request)`, and no
    // other. The first organisation's store on the app is for start-up work (the demo) and tests.
    files: ['sync-server/modules/**/*.ts', 'sync-server/plugins/**/*.ts', 'sync-server/services/**/*.ts'],
    ignores: ['**/*.test.ts', 'sync-server/plugins/store.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (STYLE.md).' },
        {
          selector: "MemberExpression[property.name='store'][object.name=/^(app|root|fastify|instance|server)$/]",
          message: 'Use storeOf(request): a request may use its own organisation’s store only (SPEC §10).',
        },
        {
          selector: "MemberExpression[property.name='store'][object.property.name='server']",
          message: 'Use storeOf(request): a request may use its own organisation’s store only (SPEC §10).',
        },
      ],
    },
  },
  {
    files: ['eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // shared/ runs in the renderer, the main process and the server: no Node and no DOM.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'react', 'react-dom'],
              message: 'shared/ is pure TypeScript: no Node, no DOM, no React.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.config.ts', 'eslint.config.js', '*.config.*'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
