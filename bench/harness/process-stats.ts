import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of `/proc/<pid>/stat` times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in seconds, or null where `/proc` cannot tell. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const user = Number(fields[11]);
    const system = Number(fields[12]);
    return Number.isFinite(user) && Number.isFinite(system) ? (user + system) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

/** Resident memory of a process in MiB, or null where `/proc` cannot tell. */
export function residentMemoryMiB(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** The pid of a child of `parentPid` whose command line contains `marker`, or null. */
export function childProcessId(parentPid: number, marker: string): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== parentPid) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) return Number(entry);
    } catch {
      // the process ended meanwhile
    }
  }
  return null;
}

/** CPU use of some processes over a window, as percent of one core each. */
export class CpuMeter {
  private readonly startedAt = performance.now();
  private readonly before: Map<string, number | null>;

  constructor(private readonly pids: Readonly<Record<string, number | null>>) {
    this.before = new Map(
      Object.entries(pids).map(([name, pid]) => [name, pid === null ? null : cpuSeconds(pid)]),
    );
  }

  /** Percent of one core each process used since the meter started (null where unknown). */
  read(): Record<string, number | null> {
    const seconds = (performance.now() - this.startedAt) / 1_000;
    return Object.fromEntries(
      Object.entries(this.pids).map(([name, pid]) => {
        const start = this.before.get(name);
        const end = pid === null ? null : cpuSeconds(pid);
        return [
          name,
          start == null || end === null || seconds <= 0 ? null : Math.round(((end - start) / seconds) * 100),
        ];
      }),
    );
  }
}
