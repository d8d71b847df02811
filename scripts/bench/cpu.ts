import * as fs from 'node:fs';

/**
 * CPU time of process trees, from /proc (Linux): a load-independent measure of what each part of the
 * stack spends per unit of work, when other work on the machine makes rates noisy.
 */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  /** utime + stime + cutime + cstime, in clock ticks (reaped children included). */
  ticks: number;
}

function readStats(): Map<number, ProcStat> {
  const stats = new Map<number, ProcStat>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name in parentheses (which may contain spaces).
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: utime! + stime! + cutime! + cstime! });
    } catch {
      // the process ended meanwhile
    }
  }
  return stats;
}

/** CPU seconds used so far by each named process and its descendants. */
export function cpuSecondsOfTrees(roots: Record<string, number | undefined>): Record<string, number> {
  const stats = readStats();
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  const treeTicks = (pid: number): number =>
    (stats.get(pid)?.ticks ?? 0) +
    (children.get(pid) ?? []).reduce((sum, child) => sum + treeTicks(child), 0);
  return Object.fromEntries(
    Object.entries(roots).map(([name, pid]) => [name, pid ? treeTicks(pid) / TICKS_PER_SECOND : 0]),
  );
}
