import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is in scripts/). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the bundled main and preload scripts go (electron-builder packs this folder). */
export const ELECTRON_BUNDLE_DIR = path.join(PROJECT_ROOT, 'dist', 'electron');

/**
 * Bundles the main process (`dist/electron/main.cjs`) and the preload script
 * (`dist/electron/preload.cjs`) with esbuild. Both are CommonJS: a sandboxed preload cannot load
 * ES modules or other files, so it must be one self-contained file that only requires `electron`.
 */
export async function buildElectronBundles(options: { production: boolean }): Promise<void> {
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node22',
    external: ['electron'],
    sourcemap: options.production ? false : ('inline' as const),
    minify: options.production,
    logLevel: 'warning' as const,
    define: { 'process.env.NODE_ENV': JSON.stringify(options.production ? 'production' : 'development') },
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(PROJECT_ROOT, 'electron/main/main.ts')],
      outfile: path.join(ELECTRON_BUNDLE_DIR, 'main.cjs'),
    }),
    build({
      ...common,
      entryPoints: [path.join(PROJECT_ROOT, 'electron/preload/preload.ts')],
      outfile: path.join(ELECTRON_BUNDLE_DIR, 'preload.cjs'),
    }),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildElectronBundles({ production: process.argv.includes('--production') });
  console.log(`Electron bundles written to ${path.relative(PROJECT_ROOT, ELECTRON_BUNDLE_DIR)}/`);
}
