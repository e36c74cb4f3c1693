/**
 * A pool of warm LibreOffice workers with a FIFO queue. Each job runs on one worker under a time
 * limit; a worker that times out or crashes is killed and replaced, and its job fails (timeout) or is
 * retried once elsewhere (crash), so one bad file never blocks the others.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ConvertError } from '../errors.js';
import { fontconfigXml, officialFontAliases, type FontAlias } from '../fonts/fontconfig.js';
import { profileRegistryXml } from '../profile.js';
import { UnoWorker, WorkerLostError, type UnoJob, type UnoReply } from './uno-worker.js';

export interface SofficePoolOptions {
  /** Number of soffice processes; default: one per core. */
  readonly workers?: number;
  /** Per-document time limit, from the moment a worker takes the job. Default 60 s. */
  readonly jobTimeoutMs?: number;
  readonly startTimeoutMs?: number;
  /** A worker is recycled after this many documents (bounds leaks in long-running soffice). Default 200. */
  readonly maxJobsPerWorker?: number;
  /** Jobs waiting beyond this are refused with CONVERT_ENGINE_UNAVAILABLE. Default 10 000. */
  readonly maxQueue?: number;
  readonly sofficePath?: string;
  /** Debian's python3 with python3-uno (not a pyenv/venv python without the uno module). */
  readonly pythonPath?: string;
  readonly tempDir?: string;
  readonly fontAliases?: readonly FontAlias[];
  /** Load every LibreOffice module once per worker start, so no document pays for it. Default false. */
  readonly warmUp?: boolean;
}

export interface PoolJob extends Omit<UnoJob, 'input' | 'output'> {
  readonly bytes: Uint8Array;
  readonly extension: string;
}

export interface PoolResult {
  readonly pdf: Uint8Array;
  readonly module: string;
  readonly workerIndex: number;
  readonly ms: number;
}

interface Queued {
  readonly job: PoolJob;
  readonly resolve: (r: PoolResult) => void;
  readonly reject: (e: Error) => void;
  attempts: number;
}

const run = promisify(execFile);

export class SofficePool {
  readonly size: number;
  readonly dir: string;
  readonly fontconfigFile: string;
  readonly #workers: UnoWorker[] = [];
  readonly #idle: UnoWorker[] = [];
  readonly #queue: Queued[] = [];
  readonly #options: Required<Omit<SofficePoolOptions, 'fontAliases' | 'workers' | 'tempDir'>>;
  #closed = false;
  #jobCounter = 0;
  readonly #replacing = new Set<Promise<void>>();
  restarts = 0;

  private constructor(options: SofficePoolOptions) {
    this.size = Math.max(1, options.workers ?? availableParallelism());
    this.#options = {
      jobTimeoutMs: options.jobTimeoutMs ?? 60_000,
      startTimeoutMs: options.startTimeoutMs ?? 60_000,
      maxJobsPerWorker: options.maxJobsPerWorker ?? 200,
      maxQueue: options.maxQueue ?? 10_000,
      sofficePath: options.sofficePath ?? '/usr/lib/libreoffice/program/soffice.bin',
      pythonPath: options.pythonPath ?? '/usr/bin/python3',
      warmUp: options.warmUp ?? false,
    };
    this.dir = mkdtempSync(join(options.tempDir ?? tmpdir(), 'openseal-soffice-'));
    this.fontconfigFile = join(this.dir, 'fonts.conf');
    writeFileSync(this.fontconfigFile, fontconfigXml(options.fontAliases ?? officialFontAliases()));
  }

  /** Starts every worker and resolves when all accept jobs. */
  static async start(options: SofficePoolOptions = {}): Promise<SofficePool> {
    const pool = new SofficePool(options);
    try {
      await pool.init();
    } catch (e) {
      await pool.close();
      throw e;
    }
    return pool;
  }

  get env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, FONTCONFIG_FILE: this.fontconfigFile, SAL_USE_VCLPLUGIN: 'svp' };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    return env;
  }

  /** Process ids of all running soffice and Python processes (for tests and monitoring). */
  get pids(): number[] {
    return this.#workers.flatMap((w) => w.pids);
  }

  get workers(): readonly UnoWorker[] {
    return this.#workers;
  }

  get queueLength(): number {
    return this.#queue.length;
  }

  private async init(): Promise<void> {
    for (const [path, what] of [
      [this.#options.sofficePath, 'LibreOffice (Debian: libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui)'],
      [this.#options.pythonPath, 'Python 3 with python3-uno'],
    ] as const) {
      if (!existsSync(path)) throw new ConvertError('CONVERT_ENGINE_UNAVAILABLE', { path }, { reason: `${path} not found: install ${what}` });
    }
    const template = join(this.dir, 'template');
    mkdirSync(join(template, 'user'), { recursive: true });
    writeFileSync(join(template, 'user', 'registrymodifications.xcu'), profileRegistryXml());
    try {
      await run(this.#options.sofficePath, ['--headless', '--nologo', '--nodefault', '--norestore', '--nofirststartwizard', `-env:UserInstallation=${pathToFileURL(template).href}`, '--terminate_after_init'], {
        env: this.env,
        timeout: this.#options.startTimeoutMs,
        killSignal: 'SIGKILL',
      });
    } catch (e) {
      throw new ConvertError('CONVERT_ENGINE_UNAVAILABLE', {}, { reason: 'LibreOffice could not initialise a profile', cause: e });
    }
    for (let i = 0; i < this.size; i++) {
      this.#workers.push(
        new UnoWorker(i, {
          sofficePath: this.#options.sofficePath,
          pythonPath: this.#options.pythonPath,
          dir: join(this.dir, `worker-${i}`),
          pipePrefix: basename(this.dir).replace(/[^A-Za-z0-9_-]/g, '_'),
          templateProfile: template,
          env: this.env,
          startTimeoutMs: this.#options.startTimeoutMs,
          warmUp: this.#options.warmUp,
        }),
      );
    }
    const started = await Promise.allSettled(this.#workers.map((w) => this.startWorker(w)));
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed !== undefined) throw new ConvertError('CONVERT_ENGINE_UNAVAILABLE', {}, { reason: String((failed.reason as Error).message), cause: failed.reason });
  }

  /** Converts one document on the next free worker. LibreOffice's own failures come back as ConvertError. */
  convert(job: PoolJob): Promise<PoolResult> {
    if (this.#closed) return Promise.reject(new ConvertError('CONVERT_CLOSED'));
    if (this.#queue.length >= this.#options.maxQueue) return Promise.reject(new ConvertError('CONVERT_ENGINE_UNAVAILABLE', { queue: this.#queue.length }, { reason: 'the conversion queue is full' }));
    return new Promise((resolve, reject) => {
      this.#queue.push({ job, resolve, reject, attempts: 0 });
      this.dispatch();
    });
  }

  /** Stops every worker, fails queued jobs with CONVERT_CLOSED and removes all temporary files. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const q of this.#queue.splice(0)) q.reject(new ConvertError('CONVERT_CLOSED'));
    await Promise.all(this.#workers.map((w) => w.stop()));
    await Promise.all([...this.#replacing]);
    await Promise.all(this.#workers.map((w) => w.stop()));
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async startWorker(w: UnoWorker): Promise<void> {
    await w.start();
    w.onLost(() => {
      const p = this.replace(w).finally(() => this.#replacing.delete(p));
      this.#replacing.add(p);
    });
    this.#idle.push(w);
    this.dispatch();
  }

  /** Restarts a lost worker (after a short pause if it keeps failing to start). */
  private async replace(w: UnoWorker): Promise<void> {
    const i = this.#idle.indexOf(w);
    if (i >= 0) this.#idle.splice(i, 1);
    w.kill();
    await w.exited();
    for (let attempt = 0; !this.#closed; attempt++) {
      this.restarts++;
      try {
        await this.startWorker(w);
        return;
      } catch (e) {
        if (attempt >= 4) {
          // The engine cannot start any more: fail what waits rather than hang.
          for (const q of this.#queue.splice(0)) q.reject(new ConvertError('CONVERT_ENGINE_UNAVAILABLE', {}, { reason: (e as Error).message, cause: e }));
          return;
        }
        await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
      }
    }
  }

  private dispatch(): void {
    while (!this.#closed && this.#idle.length > 0 && this.#queue.length > 0) {
      const w = this.#idle.shift() as UnoWorker;
      const q = this.#queue.shift() as Queued;
      void this.execute(w, q);
    }
  }

  private async execute(w: UnoWorker, q: Queued): Promise<void> {
    q.attempts++;
    const name = `job-${++this.#jobCounter}`;
    const input = join(w.jobDir, `${name}.${q.job.extension}`);
    const output = join(w.jobDir, `${name}.pdf`);
    let reply: UnoReply | undefined;
    let lost: WorkerLostError | undefined;
    try {
      writeFileSync(input, q.job.bytes);
      const { bytes: _bytes, extension: _ext, ...options } = q.job;
      reply = await w.run({ ...options, input, output }, this.#options.jobTimeoutMs);
      if (reply.ok) {
        q.resolve({ pdf: new Uint8Array(readFileSync(output)), module: reply.module, workerIndex: w.index, ms: reply.ms });
      } else if (reply.error === 'bridge') {
        lost = new WorkerLostError('crash', reply.message);
      } else {
        q.reject(new ConvertError('CONVERT_FAILED', { stage: reply.error }, { reason: reply.message }));
      }
    } catch (e) {
      if (!(e instanceof WorkerLostError)) {
        q.reject(e as Error);
      } else lost = e;
    } finally {
      rmSync(input, { force: true });
      rmSync(output, { force: true });
    }
    if (lost !== undefined) {
      if (lost.reason === 'timeout') q.reject(new ConvertError('CONVERT_TIMEOUT', { timeoutMs: this.#options.jobTimeoutMs }));
      else if (q.attempts < 2 && !this.#closed) this.#queue.unshift(q);
      else q.reject(new ConvertError('CONVERT_FAILED', { stage: 'crash' }, { reason: `LibreOffice crashed: ${lost.message}`, cause: lost }));
      return;
    }
    if (w.jobsDone >= this.#options.maxJobsPerWorker && !this.#closed) {
      await w.stop();
      const p = this.replace(w).finally(() => this.#replacing.delete(p));
      this.#replacing.add(p);
      return;
    }
    if (!this.#closed) {
      this.#idle.push(w);
      this.dispatch();
    }
  }
}
