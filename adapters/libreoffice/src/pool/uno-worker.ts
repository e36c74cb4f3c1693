/**
 * One warm LibreOffice: a headless soffice.bin listening on a private UNO pipe, driven by a resident
 * Python (python3-uno) script that converts one document per JSON line. Both run in their own process
 * groups; a timeout or crash kills both, and the pool starts a fresh pair.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ProcessGroup } from './process-group.js';

export const WORKER_SCRIPT = fileURLToPath(new URL('../../worker/uno_worker.py', import.meta.url));

export interface UnoWorkerConfig {
  readonly sofficePath: string;
  readonly pythonPath: string;
  /** Folder this worker owns (profile, jobs); removed by the pool on close. */
  readonly dir: string;
  /** Unique per pool; the UNO pipe is named after it (so `pgrep -f` finds a pool's processes). */
  readonly pipePrefix: string;
  /** An initialised profile to copy (so each start is warm and clean). */
  readonly templateProfile: string;
  readonly env: NodeJS.ProcessEnv;
  readonly startTimeoutMs: number;
  /** Load Writer, Calc and Impress once after start (about 0.5 s) so first documents are fast. */
  readonly warmUp: boolean;
}

export interface UnoJob {
  readonly op?: 'convert' | 'warmup';
  readonly input: string;
  readonly output: string;
  readonly filter?: string;
  readonly filterOptions?: string;
  readonly password?: string;
  readonly pdfa?: boolean;
}

export type UnoReply =
  | { ok: true; module: string; ms: number }
  | { ok: false; error: 'load' | 'export' | 'bridge'; message: string };

/** Why a job did not get a reply: the time limit passed, or a process died under it. */
export class WorkerLostError extends Error {
  constructor(
    readonly reason: 'timeout' | 'crash',
    message: string,
  ) {
    super(message);
  }
}

let pipeCounter = 0;

export class UnoWorker {
  #soffice: ProcessGroup | undefined;
  #python: ProcessGroup | undefined;
  #pending: { id: number; resolve: (r: UnoReply) => void; reject: (e: Error) => void } | undefined;
  #nextId = 1;
  #lost: ((e: WorkerLostError) => void) | undefined;
  jobsDone = 0;

  constructor(
    readonly index: number,
    private readonly config: UnoWorkerConfig,
  ) {}

  get alive(): boolean {
    return this.#soffice?.alive === true && this.#python?.alive === true;
  }

  get pids(): number[] {
    return [this.#soffice?.pid, this.#python?.pid].filter((p): p is number => p !== undefined);
  }

  /** The soffice.bin process id (tests kill it to simulate a crash). */
  get sofficePid(): number | undefined {
    return this.#soffice?.pid;
  }

  get jobDir(): string {
    return join(this.config.dir, 'jobs');
  }

  async start(): Promise<void> {
    const profile = join(this.config.dir, 'profile');
    rmSync(profile, { recursive: true, force: true });
    cpSync(this.config.templateProfile, profile, { recursive: true });
    mkdirSync(this.jobDir, { recursive: true });
    const pipe = `${this.config.pipePrefix}_${this.index}_${++pipeCounter}`;
    this.jobsDone = 0;
    this.#soffice = new ProcessGroup(this.config.sofficePath, sofficeArgs(profile, pipe), { env: this.config.env, stdio: ['ignore', 'ignore', 'pipe'] });
    const python = new ProcessGroup(this.config.pythonPath, [WORKER_SCRIPT, pipe, String(this.config.startTimeoutMs / 1000), ...(this.#soffice.pid === undefined ? [] : [String(this.#soffice.pid)])], { env: this.config.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.#python = python;
    const lines = createInterface({ input: python.child.stdout as NodeJS.ReadableStream });
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`LibreOffice did not start within ${this.config.startTimeoutMs} ms`)), this.config.startTimeoutMs);
      lines.once('line', (line) => {
        clearTimeout(timer);
        const msg = parseLine(line);
        if (msg?.ready === true) resolve();
        else reject(new Error(`LibreOffice worker failed to connect: ${String(msg?.message ?? line)}`));
      });
      void python.exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`LibreOffice worker exited during start: ${python.stderrTail.trim().slice(-500)}`));
      });
    });
    lines.on('line', (line) => this.onLine(line));
    const onExit = (what: string, g: ProcessGroup) => () => {
      this.fail(new WorkerLostError('crash', `${what} exited unexpectedly${g.stderrTail ? `: ${g.stderrTail.trim().slice(-300)}` : ''}`));
    };
    void this.#soffice.exited.then(onExit('soffice', this.#soffice));
    // soffice leaves its pipe socket behind when killed (osl creates /tmp/OSL_PIPE_<uid>_<name>).
    void this.#soffice.exited.then(() => rmSync(`/tmp/OSL_PIPE_${process.getuid?.() ?? 0}_${pipe}`, { force: true }));
    void python.exited.then(onExit('the UNO worker', python));
    try {
      await ready;
      if (this.config.warmUp) {
        const reply = await this.run({ op: 'warmup', input: '', output: join(this.jobDir, 'warmup.pdf') }, this.config.startTimeoutMs);
        this.jobsDone = 0;
        if (!reply.ok) throw new Error(`LibreOffice warm-up failed: ${reply.message}`);
        rmSync(join(this.jobDir, 'warmup.pdf'), { force: true });
      }
    } catch (e) {
      this.kill();
      throw e;
    }
  }

  /** Sends one job; rejects with WorkerLostError('timeout') after `timeoutMs` (having killed the worker). */
  run(job: UnoJob, timeoutMs: number): Promise<UnoReply> {
    if (this.#pending !== undefined) throw new Error('worker is busy');
    if (!this.alive) return Promise.reject(new WorkerLostError('crash', 'worker is not running'));
    const id = this.#nextId++;
    return new Promise<UnoReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new WorkerLostError('timeout', `no result within ${timeoutMs} ms`));
        this.kill();
      }, timeoutMs);
      this.#pending = {
        id,
        resolve: (r) => {
          clearTimeout(timer);
          this.jobsDone++;
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.#python?.child.stdin?.write(`${JSON.stringify({ id, ...job })}\n`);
    });
  }

  /** Called once when the worker is lost (crash or timeout), after the pending job was rejected. */
  onLost(handler: (e: WorkerLostError) => void): void {
    this.#lost = handler;
  }

  /** Asks LibreOffice to terminate, then kills whatever is left after `graceMs`. */
  async stop(graceMs = 3000): Promise<void> {
    const groups = [this.#soffice, this.#python].filter((g): g is ProcessGroup => g !== undefined && g.alive);
    this.#lost = undefined;
    if (groups.length === 0) return;
    if (this.#python?.alive) this.#python.child.stdin?.write(`${JSON.stringify({ op: 'quit' })}\n`);
    const all = Promise.all(groups.map((g) => g.exited));
    const timer = new Promise<'late'>((r) => setTimeout(() => r('late'), graceMs).unref());
    if ((await Promise.race([all, timer])) === 'late') this.kill();
    await all;
  }

  kill(): void {
    this.#soffice?.kill();
    this.#python?.kill();
  }

  /** Resolves once both processes have exited. */
  async exited(): Promise<void> {
    await Promise.all([this.#soffice?.exited, this.#python?.exited]);
  }

  private onLine(line: string): void {
    const msg = parseLine(line);
    const pending = this.#pending;
    if (msg === undefined || pending === undefined || msg.id !== pending.id) return;
    this.#pending = undefined;
    if (msg.ok === true) pending.resolve({ ok: true, module: String(msg.module), ms: Number(msg.ms) });
    else {
      const error = msg.error === 'export' || msg.error === 'bridge' ? msg.error : 'load';
      pending.resolve({ ok: false, error, message: String(msg.message ?? '') });
      if (error === 'bridge') this.kill();
    }
  }

  private fail(e: WorkerLostError): void {
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(e);
    const lost = this.#lost;
    this.#lost = undefined;
    lost?.(e);
  }
}

export function sofficeArgs(profile: string, pipe: string): string[] {
  return [
    '--headless',
    '--invisible',
    '--nocrashreport',
    '--nodefault',
    '--nologo',
    '--nofirststartwizard',
    '--norestore',
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    `--accept=pipe,name=${pipe};urp;StarOffice.ComponentContext`,
  ];
}

function parseLine(line: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(line);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch (e) {
    if (e instanceof SyntaxError) return undefined;
    throw e;
  }
}
