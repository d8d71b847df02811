import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';

/** A server child process with its output sent to a log file, stopped gracefully then forcibly. */
export class ManagedProcess {
  private exited: Promise<number | null>;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static start(
    name: string,
    command: string,
    args: string[],
    logFile: string,
    options: SpawnOptions = {},
  ): ManagedProcess {
    const log = fs.openSync(logFile, 'a');
    const child = spawn(command, args, { ...options, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    return new ManagedProcess(name, child);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async waitForPort(port: number, host = '127.0.0.1', timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running)
        throw new Error(`${this.name} exited with code ${this.child.exitCode} before listening on ${port}`);
      if (await isPortOpen(port, host)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.name} did not listen on ${host}:${port} within ${timeoutMs} ms`);
  }

  /** SIGTERM (or the given signal), then SIGKILL after the grace period. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<void> {
    if (!this.running) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

export function isPortOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
