import { Worker } from 'node:worker_threads';
import { threadEntry } from './thread-entry.js';

/** How long an idle job thread is kept for the next attempt of its module, in ms. */
const IDLE_MS = 30_000;

interface IdleThread {
  worker: Worker;
  timer: NodeJS.Timeout;
  /** Drops the thread from the pool: it ended (a late crash of the job's code) or idled out. */
  gone: () => void;
}

/**
 * Idle worker threads of isolated jobs, by job module, kept for the next attempt. Starting a
 * thread and importing a job module again (with zod, its dependencies) cost about 100 ms of CPU
 * per attempt; a thread whose attempt ended by itself is clean and takes the next one. A thread
 * that was given up on (a stop not honoured), exited or crashed is terminated, never reused.
 */
export class ThreadPool {
  private readonly idle = new Map<string, IdleThread[]>();
  private closed = false;

  /** An idle thread of `module`, or a new one. */
  acquire(module: string): Worker {
    const entry = this.idle.get(module)?.pop();
    if (entry) {
      this.forget(entry);
      entry.worker.ref();
      return entry.worker;
    }
    const { script, eval: isEval } = threadEntry();
    return new Worker(script, { eval: isEval });
  }

  /** Keeps a thread whose attempt ended by itself for the next attempt of its module. */
  release(module: string, worker: Worker): void {
    if (this.closed) {
      void worker.terminate();
      return;
    }
    const list = this.idle.get(module) ?? [];
    this.idle.set(module, list);
    const entry: IdleThread = {
      worker,
      timer: setTimeout(() => entry.gone(), IDLE_MS).unref(),
      gone: () => {
        const at = list.indexOf(entry);
        if (at >= 0) list.splice(at, 1);
        this.forget(entry);
        void worker.terminate();
      },
    };
    // Code the job left running may still crash the idle thread: that only drops it (an 'error'
    // event without a listener would throw in the runner).
    worker.on('error', entry.gone);
    worker.on('exit', entry.gone);
    // An idle thread does not keep the runner's process alive.
    worker.unref();
    list.push(entry);
  }

  /** Terminates every idle thread; later releases terminate their thread. */
  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.idle.values()].flat();
    this.idle.clear();
    for (const entry of all) this.forget(entry);
    await Promise.all(all.map(({ worker }) => worker.terminate()));
  }

  private forget(entry: IdleThread): void {
    clearTimeout(entry.timer);
    entry.worker.off('error', entry.gone);
    entry.worker.off('exit', entry.gone);
  }
}
