import { defineConfig } from 'vitest/config';

/** Unit and server tests. End-to-end browser tests live in test/e2e and run under Playwright. */
export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'sync-server/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.ts',
      'test/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'test/e2e/**'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
