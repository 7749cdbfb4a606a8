import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isRecord } from './json-values';

/** Size and position of a window, as remembered between runs. */
export interface WindowBounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly isMaximized: boolean;
}

/** Remembered bounds per kind of window (`main`, `pipeline`). */
export type WindowStateFile = Partial<Record<WindowKind, WindowBounds>>;

/** The kinds of windows the app opens. */
export type WindowKind = 'main' | 'pipeline';

/** A display's usable area (Electron's `Display.workArea`). */
export interface DisplayArea {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const MIN_WINDOW_WIDTH = 640;
export const MIN_WINDOW_HEIGHT = 480;
const MAX_WINDOW_SIDE = 16_384;
const MAX_COORDINATE = 100_000;

/** The defaults when nothing (valid) is remembered. */
export const DEFAULT_WINDOW_SIZE: Readonly<Record<WindowKind, { width: number; height: number }>> = {
  main: { width: 1280, height: 800 },
  pipeline: { width: 1440, height: 860 },
};

/**
 * Validates one remembered entry read from disk: finite integers within sane limits, or null. The
 * file is user-writable, so nothing in it is trusted.
 */
export function parseWindowBounds(value: unknown): WindowBounds | null {
  if (!isRecord(value)) return null;
  const { x, y, width, height, isMaximized } = value;
  if (!isIntegerIn(x, -MAX_COORDINATE, MAX_COORDINATE) || !isIntegerIn(y, -MAX_COORDINATE, MAX_COORDINATE))
    return null;
  if (
    !isIntegerIn(width, MIN_WINDOW_WIDTH, MAX_WINDOW_SIDE) ||
    !isIntegerIn(height, MIN_WINDOW_HEIGHT, MAX_WINDOW_SIDE)
  )
    return null;
  return { x, y, width, height, isMaximized: isMaximized === true };
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Validates the whole file; unknown kinds and invalid entries are dropped. */
export function parseWindowStateFile(value: unknown): WindowStateFile {
  if (!isRecord(value)) return {};
  const state: { -readonly [K in WindowKind]?: WindowBounds } = {};
  for (const kind of ['main', 'pipeline'] as const) {
    const bounds = parseWindowBounds(value[kind]);
    if (bounds) state[kind] = bounds;
  }
  return state;
}

/**
 * Remembered bounds are only used if the window's title bar area is still on a display (a
 * monitor may have been unplugged); it is shrunk to fit that display's work area.
 */
export function fitToDisplays(bounds: WindowBounds, displays: readonly DisplayArea[]): WindowBounds | null {
  const display = displays.find((area) => {
    const titleBarX = bounds.x + Math.min(bounds.width, 100) / 2;
    const titleBarY = bounds.y + 10;
    return (
      titleBarX >= area.x &&
      titleBarX < area.x + area.width &&
      titleBarY >= area.y &&
      titleBarY < area.y + area.height
    );
  });
  if (!display) return null;
  return {
    ...bounds,
    width: Math.max(MIN_WINDOW_WIDTH, Math.min(bounds.width, display.width)),
    height: Math.max(MIN_WINDOW_HEIGHT, Math.min(bounds.height, display.height)),
  };
}

/** Reads and writes `window-state.json` in the app's userData directory. */
export class WindowStateStore {
  private state: WindowStateFile | null = null;
  /** Writes and removals run one at a time, in call order (a wipe must not be undone by a late write). */
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly filePath: string) {}

  /** The remembered bounds of a kind of window, validated. */
  async get(kind: WindowKind): Promise<WindowBounds | null> {
    return (await this.load())[kind] ?? null;
  }

  /** Remembers the bounds of a kind of window (invalid bounds are ignored). */
  async set(kind: WindowKind, bounds: WindowBounds): Promise<void> {
    const valid = parseWindowBounds(bounds);
    if (!valid) return;
    const next: WindowStateFile = { ...(await this.load()), [kind]: valid };
    this.state = next;
    await this.serialised(async () => {
      await mkdir(path.dirname(this.filePath), { recursive: true });
      const temporary = `${this.filePath}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(next, null, 2), { mode: 0o600 });
      await rename(temporary, this.filePath);
    });
  }

  /** Forgets everything (remote wipe). */
  async clear(): Promise<void> {
    this.state = {};
    await this.serialised(() => rm(this.filePath, { force: true }));
  }

  private serialised(write: () => Promise<void>): Promise<void> {
    const next = this.writes.then(write);
    this.writes = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<WindowStateFile> {
    if (this.state) return this.state;
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(this.filePath, 'utf8')) as unknown;
    } catch {
      raw = null;
    }
    this.state = parseWindowStateFile(raw);
    return this.state;
  }
}
