import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./local-insert-page.ts', import.meta.url));

/**
 * The P2 baseline script for the page: `local-insert-page.ts` with RxDB, Dexie, the shared schemas
 * and the generator, bundled into one script to add to the app's page.
 */
export async function localInsertBundle(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
    absWorkingDir: path.dirname(ENTRY),
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('the local-insert bundle is empty');
  return output.text;
}
