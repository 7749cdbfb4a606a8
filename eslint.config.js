// @ts-check
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of STYLE.md. A file's folder tells what it may import:
 * shared/ imports nothing of ours; sync-server/, renderer/ and electron/ import shared/ and never
 * each other; test/ (cross-part tests) may use any layer.
 */
const layers = ['shared', 'sync-server', 'renderer', 'electron', 'test', 'bench', 'scripts'].map((type) => ({
  type,
  pattern: type,
  // Anchored at the root: sync-server/test/ belongs to sync-server, not to the top-level test/ layer.
  partialMatch: false,
}));

/** Which layers each layer may import. */
const allowedImports = {
  shared: ['shared'],
  'sync-server': ['shared', 'sync-server'],
  renderer: ['shared', 'renderer'],
  electron: ['shared', 'electron'],
  test: layers.map(({ type }) => type),
  bench: layers.map(({ type }) => type),
  scripts: layers.map(({ type }) => type),
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
      'boundaries/elements': layers,
      'boundaries/include': ['**/*.ts', '**/*.tsx'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: '{{from.type}} may not import {{to.type}} (STYLE.md: dependency direction is one way)',
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
