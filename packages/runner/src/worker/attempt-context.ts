import type {
  JobContext,
  LockHandle,
  LockOptions,
  Logger,
  OutputFile,
  ProgressCounts,
  ServiceResolver,
  TranslatableString,
} from '@hangar/core';

/** What the context of one attempt reaches of its execution. */
export interface AttemptHost {
  readonly signal: AbortSignal;
  readonly stopError: Error | undefined;
  readonly logger: Logger;
  write(
    level: 'progress' | 'info' | 'warning' | 'error',
    message: TranslatableString,
    counts?: ProgressCounts,
  ): void;
  warned(message: TranslatableString): void;
  addOutputFile(file: OutputFile): void;
  lock(name: string, options?: LockOptions): Promise<LockHandle>;
}

type Level = 'progress' | 'info' | 'warning' | 'error';

/**
 * The `JobContext` of one attempt. Its functions are made the first time they are read, each
 * bound to this attempt, so a job may still take them apart (`const { progress } = ctx`): a
 * context object of closures cost a no-op job about fifteen closures it never called.
 */
export class AttemptContext implements JobContext {
  private childLog: Logger | undefined;
  private bound: Partial<Record<keyof JobContext, unknown>> | undefined;

  constructor(
    private readonly host: AttemptHost,
    readonly jobId: string,
    readonly type: string,
    readonly attempt: number,
    readonly customerId: string | undefined,
    readonly userId: string | undefined,
    readonly services: ServiceResolver,
  ) {}

  get signal(): AbortSignal {
    return this.host.signal;
  }

  get log(): Logger {
    this.childLog ??= this.host.logger.child({ jobId: this.jobId, type: this.type, attempt: this.attempt });
    return this.childLog;
  }

  get progress(): JobContext['progress'] {
    return this.once('progress', () => (message, counts) => this.host.write('progress', message, counts));
  }

  get info(): JobContext['info'] {
    return this.once('info', () => this.writer('info'));
  }

  get warn(): JobContext['warn'] {
    return this.once('warn', () => (message) => {
      this.host.warned(message);
      this.host.write('warning', message);
    });
  }

  get error(): JobContext['error'] {
    return this.once('error', () => this.writer('error'));
  }

  get addOutputFile(): JobContext['addOutputFile'] {
    return this.once('addOutputFile', () => (file) => this.host.addOutputFile(file));
  }

  get checkpoint(): JobContext['checkpoint'] {
    return this.once('checkpoint', () => () => {
      const stop = this.host.stopError;
      if (stop) throw stop;
    });
  }

  get lock(): JobContext['lock'] {
    return this.once('lock', () => (name, options) => this.host.lock(name, options));
  }

  private writer(level: Level): (message: TranslatableString) => void {
    return (message) => this.host.write(level, message);
  }

  private once<K extends keyof JobContext>(name: K, make: () => JobContext[K]): JobContext[K] {
    this.bound ??= {};
    let fn = this.bound[name] as JobContext[K] | undefined;
    if (fn === undefined) {
      fn = make();
      this.bound[name] = fn;
    }
    return fn;
  }
}
