import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
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
import { threadEntry } from './thread-entry.js';
import {
  deserializeError,
  type FromThread,
  serializeError,
  type ThreadStart,
  type ToThread,
} from './thread-messages.js';

/**
 * The runner's side of an isolated job (`isolation: 'worker'`): one worker thread per attempt.
 * It looks like any job to `JobExecution`: `execute` runs the attempt in the thread and relays
 * progress, messages, output files and locks through the context; the attempt's signal is
 * forwarded as a stop; `dispose` terminates the thread, so once the attempt is over (honoured or
 * given up after `abortGraceMs`) no code of the job runs any more and its slot can be reused.
 */
export class WorkerThreadJob implements Job {
  private worker: Worker | undefined;
  private readonly locks = new Map<number, LockHandle>();

  constructor(
    private readonly record: JobRecord,
    private readonly definition: AnyJobDefinition,
    private readonly services: ServiceResolver,
    private readonly logger: Logger,
  ) {}

  execute(params: unknown, ctx: JobContext): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const worker = this.start(params, ctx);
      this.worker = worker;
      const send = (message: ToThread) => worker.postMessage(message);
      const onStop = () => send({ kind: 'stop', error: serializeError(ctx.signal.reason, this.record.type) });
      if (ctx.signal.aborted) onStop();
      else ctx.signal.addEventListener('abort', onStop, { once: true });
      worker.on('message', (message: FromThread) => {
        switch (message.kind) {
          case 'done':
            return resolve(message.value);
          case 'failed':
            return reject(deserializeError(message.error));
          default:
            return this.relay(message, ctx, send);
        }
      });
      // An uncaught exception in the thread, then its exit: either fails the attempt, not the runner.
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new JobThreadExitedError(this.record.id, code)));
    });
  }

  /** Always called by the execution: stops the thread whatever it is doing, and frees its locks. */
  async dispose(): Promise<void> {
    await this.worker?.terminate();
    await Promise.all([...this.locks.values()].map((lock) => lock.release()));
    this.locks.clear();
  }

  private start(params: unknown, ctx: JobContext): Worker {
    const { record, definition } = this;
    const module = definition.module;
    if (module === undefined) {
      throw new ConfigurationError(
        `jobs[${record.type}].module`,
        'set `module: import.meta.url` to isolate it',
      );
    }
    const start: ThreadStart = {
      // A URL as is; a path as a file URL, which `import()` takes on every platform.
      module:
        module instanceof URL || /^[a-z][a-z\d+.-]+:/i.test(module)
          ? String(module)
          : pathToFileURL(module).href,
      type: record.type,
      params,
      job: { jobId: ctx.jobId, attempt: ctx.attempt, customerId: ctx.customerId, userId: ctx.userId },
      shared: (definition.shareWithWorker ?? []).map((token) => [token.name, this.services.get(token)]),
    };
    const entry = threadEntry();
    try {
      return new Worker(entry.script, { workerData: start, eval: entry.eval });
    } catch (cause) {
      if ((cause as Error).name === 'DataCloneError') {
        throw new ConfigurationError(
          `jobs[${record.type}].shareWithWorker`,
          'lists a service that cannot be copied to a worker thread (a live object such as a pool): share its settings and build it in `workerServices`',
        );
      }
      throw cause;
    }
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
