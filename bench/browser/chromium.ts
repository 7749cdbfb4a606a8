import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The Debian Chromium of this machine (Playwright's own browsers cannot be downloaded here). */
export const CHROMIUM_PATH = process.env['SHORTLIST_CHROMIUM'] ?? '/usr/bin/chromium';

/** Where the renderer's web build is (`npm run build:renderer`). */
export const RENDERER_INDEX = path.join(REPO_ROOT, 'renderer', 'dist', 'index.html');

/** Why the browser benchmarks cannot run here, or null when they can. */
export function browserUnavailableReason(): string | null {
  if (!existsSync(CHROMIUM_PATH)) return `no Chromium at ${CHROMIUM_PATH} (set SHORTLIST_CHROMIUM)`;
  if (!existsSync(RENDERER_INDEX)) return 'the renderer is not built: run `npm run build:renderer` first';
  return null;
}

/** Headless Chromium with the flags this machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}
