import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import {
  type AnyJobDefinition,
  ConfigurationError,
  type Job,
  type JobContext,
  type JobRecord,
  JobThreadExitedError,
  type LockHandle,
  type Logger,
  type ServiceResolver,
} from '@hangar/core';
import {
  deserializeError,
  type FromThread,
  serializeError,
  type ThreadStart,
  type ToThread,
} from './thread-messages.js';
import type { ThreadPool } from './thread-pool.js';

/**
 * The runner's side of an isolated job (`isolation: 'worker'`): each attempt runs in a worker
 * thread. It looks like any job to `JobExecution`: `execute` hands the attempt to a thread of the
 * pool and relays progress, messages, output files and locks through the context; the attempt's
 * signal is forwarded as a stop. `dispose` gives a thread whose attempt ended by itself back to
 * the pool and terminates any other (a stop not honoured within `abortGraceMs`, an exit, a
 * crash), so once the attempt is over no code of it runs any more and its slot can be reused.
 */
export class WorkerThreadJob implements Job {
  private worker: Worker | undefined;
  /** The thread reported the attempt's end itself: it is idle and clean. */
  private clean = false;
  private detach: (() => void) | undefined;
  private readonly locks = new Map<number, LockHandle>();
  private readonly module: string;

  constructor(
    private readonly record: JobRecord,
    private readonly definition: AnyJobDefinition,
    private readonly services: ServiceResolver,
    private readonly logger: Logger,
    private readonly threads: ThreadPool,
  ) {
    const module = definition.module;
    if (module === undefined) {
      throw new ConfigurationError(
        `jobs[${record.type}].module`,
        'set `module: import.meta.url` to isolate it',
      );
    }
    // A URL as is; a path as a file URL, which `import()` takes on every platform.
    this.module =
      module instanceof URL || /^[a-z][a-z\d+.-]+:/i.test(module)
        ? String(module)
        : pathToFileURL(module).href;
  }

  execute(params: unknown, ctx: JobContext): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const worker = this.threads.acquire(this.module);
      this.worker = worker;
      const send = (message: ToThread) => worker.postMessage(message);
      const onStop = () => send({ kind: 'stop', error: serializeError(ctx.signal.reason, this.record.type) });
      const onMessage = (message: FromThread) => {
        if (message.kind === 'done' || message.kind === 'failed') {
          this.clean = true;
          if (message.kind === 'done') resolve(message.value);
          else reject(deserializeError(message.error));
        } else this.relay(message, ctx, send);
      };
      // An uncaught exception in the thread, then its exit: either fails the attempt, not the runner.
      const onExit = (code: number) => reject(new JobThreadExitedError(this.record.id, code));
      worker.on('message', onMessage);
      worker.on('error', reject);
      worker.on('exit', onExit);
      this.detach = () => {
        ctx.signal.removeEventListener('abort', onStop);
        worker.off('message', onMessage);
        worker.off('error', reject);
        worker.off('exit', onExit);
      };
      try {
        send({ kind: 'run', start: this.threadStart(params, ctx) });
      } catch (cause) {
        this.clean = true; // nothing was sent: the thread is still idle
        reject(this.cloneError(cause));
        return;
      }
      if (ctx.signal.aborted) onStop();
      else ctx.signal.addEventListener('abort', onStop, { once: true });
    });
  }

  /** Always called by the execution: a clean thread goes back to the pool, any other is terminated. */
  async dispose(): Promise<void> {
    this.detach?.();
    const worker = this.worker;
    this.worker = undefined;
    if (worker && this.clean) this.threads.release(this.module, worker);
    else await worker?.terminate();
    await Promise.all([...this.locks.values()].map((lock) => lock.release()));
    this.locks.clear();
  }

  private threadStart(params: unknown, ctx: JobContext): ThreadStart {
    const { record, definition } = this;
    return {
      module: this.module,
      type: record.type,
      params,
      job: { jobId: ctx.jobId, attempt: ctx.attempt, customerId: ctx.customerId, userId: ctx.userId },
      shared: (definition.shareWithWorker ?? []).map((token) => [token.name, this.services.get(token)]),
    };
  }

  private cloneError(cause: unknown): unknown {
    if ((cause as Error | null)?.name !== 'DataCloneError') return cause;
    return new ConfigurationError(
      `jobs[${this.record.type}].shareWithWorker`,
      'lists a service that cannot be copied to a worker thread (a live object such as a pool): share its settings and build it in `workerServices`',
    );
  }
  private relay(message: FromThread, ctx: JobContext, send: (message: ToThread) => void): void {
    switch (message.kind) {
      case 'log': {
        const { level, message: text, counts } = message;
        if (level === 'progress') ctx.progress(text, counts);
        else if (level === 'warning') ctx.warn(text);
        else ctx[level](text);
        return;
      }
      case 'logger':
        this.logger[message.level]({ jobId: this.record.id, ...message.fields }, message.msg);
        return;
      case 'output-file':
        ctx.addOutputFile(message.file);
        return;
      case 'lock':
        ctx.lock(message.name, message.options).then(
          (handle) => {
            this.locks.set(message.id, handle);
            send({ kind: 'lock-result', id: message.id, error: undefined });
          },
          (error: unknown) =>
            send({ kind: 'lock-result', id: message.id, error: serializeError(error, this.record.type) }),
        );
        return;
      case 'unlock': {
        const handle = this.locks.get(message.id);
        this.locks.delete(message.id);
        void handle?.release();
        return;
      }
    }
  }
}
