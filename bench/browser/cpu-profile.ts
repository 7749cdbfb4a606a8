import { writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';

/** Ends a profile started by `startCpuProfile` and writes it out. */
export type StopCpuProfile = () => Promise<void>;

/**
 * When the environment variable `variable` names a file: starts a Chromium CPU profile of `page`
 * (sampled every `intervalMicros`, 200 µs unless said); the returned function stops it and writes it
 * there, to open in Chromium's DevTools. Otherwise does nothing: a profile slows what it measures, so
 * it is never on by default.
 */
export async function startCpuProfile(
  context: BrowserContext,
  page: Page,
  variable: string,
  log: (line: string) => void,
  intervalMicros = 200,
): Promise<StopCpuProfile> {
  const path = process.env[variable];
  if (!path) return () => Promise.resolve();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalMicros });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(path, JSON.stringify(profile));
    log(`CPU profile written to ${path} (${variable})`);
  };
}

/**
 * When the environment variable `variable` names a file: starts Chromium's sampling heap profiler on
 * `page`; the returned function collects the garbage, then writes what is still held, by the stack
 * that allocated it (a `.heapprofile` for DevTools' Memory panel). Otherwise does nothing.
 */
export async function startHeapProfile(
  context: BrowserContext,
  page: Page,
  variable: string,
  log: (line: string) => void,
): Promise<StopCpuProfile> {
  const path = process.env[variable];
  if (!path) return () => Promise.resolve();
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 64 * 1024 });
  return async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { profile } = await cdp.send('HeapProfiler.stopSampling');
    writeFileSync(path, JSON.stringify(profile));
    log(`heap profile written to ${path} (${variable})`);
  };
}
