import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../../libs/config/src';

/** Every process below `root`, from the process table. */
export function descendants(root: number): number[] {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const [pid, ppid] of table) {
      if (ppid !== parent) continue;
      found.push(pid);
      queue.push(pid);
    }
  }
  return found;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function killHard(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** An `npm start` / `npm run cluster` process of a test, with everything it printed. */
export interface Launcher {
  child: ChildProcess;
  output: string;
}

/**
 * Spawns `npm <args>` in its own process group (as a terminal would give it), without the variables
 * that would point it at the servers the tests share, with `env` on top.
 */
export function spawnLauncher(args: string[], env: NodeJS.ProcessEnv): Launcher {
  const {
    DATABASE_URL: _db,
    TEMPORAL_ADDRESS: _t,
    MIGRATION_DATABASE_URL: _m,
    WORKFLOW_BUNDLE_PATH: _w,
    TEMPORAL_TASK_QUEUE: _q,
    TEMPORAL_PORT: _p,
    ...inherited
  } = process.env;
  const child = spawn('npm', args, {
    cwd: PROJECT_ROOT,
    detached: true,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const launcher: Launcher = { child, output: '' };
  child.stdout!.on('data', (chunk) => (launcher.output += chunk));
  child.stderr!.on('data', (chunk) => (launcher.output += chunk));
  return launcher;
}

/** Ctrl-C (the terminal signals the foreground process group); answers the processes of its tree still alive after `graceMs`. */
export async function interruptLauncher(child: ChildProcess, graceMs: number): Promise<number[]> {
  const tree = descendants(child.pid!);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGINT');
  await exited;
  const deadline = Date.now() + graceMs;
  while (tree.some(isAlive) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 200));
  return tree.filter(isAlive);
}
