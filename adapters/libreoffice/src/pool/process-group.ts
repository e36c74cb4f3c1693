import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * A child started in its own process group, so that kill() takes down everything it forked (soffice
 * may start helpers) with one signal, and nothing outlives the pool.
 */
export class ProcessGroup {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  #alive = true;
  #stderr = '';

  constructor(command: string, args: readonly string[], options: SpawnOptions) {
    this.child = spawn(command, args, { ...options, detached: true });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.#alive = false;
        LIVE.delete(this);
        resolve({ code, signal });
      });
      this.child.once('error', () => {
        this.#alive = false;
        LIVE.delete(this);
        resolve({ code: null, signal: null });
      });
    });
    // A worker that dies closes its stdin: a write racing that death fails with EPIPE. The death
    // itself is reported through 'exit'; keep the pipe error for diagnostics instead of crashing.
    this.child.stdin?.on('error', (e: Error) => {
      this.#stderr = (this.#stderr + `\n[stdin: ${e.message}]`).slice(-4096);
    });
    // Keep the last few KB of stderr for error reports.
    this.child.stderr?.on('data', (d: Buffer) => {
      this.#stderr = (this.#stderr + d.toString('utf8')).slice(-4096);
    });
    LIVE.add(this);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.#alive;
  }

  get stderrTail(): string {
    return this.#stderr;
  }

  /** SIGKILL to the whole group (falls back to the child alone if the group is already gone). */
  kill(): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
    }
  }
}

const LIVE = new Set<ProcessGroup>();

// If the host exits without close(), take the LibreOffice processes with it.
process.once('exit', () => {
  for (const g of LIVE) g.kill();
});
