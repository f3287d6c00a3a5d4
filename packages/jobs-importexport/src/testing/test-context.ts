import {
  JobCancelledError,
  type JobContext,
  type LogFields,
  type Logger,
  type OutputFile,
  type ServiceResolver,
  type TranslatableString,
} from '@hangar/core';

/** A log entry the job wrote. */
export interface RecordedLog {
  level: 'debug' | 'info' | 'warn' | 'error';
  fields: LogFields;
  msg: string | undefined;
}

/** A job context for running a job without a runner, recording what the job reported. */
export interface RecordingContext extends JobContext {
  readonly messages: { level: string; message: TranslatableString; current?: number; total?: number }[];
  readonly outputFiles: OutputFile[];
  /** Entries of its logger, debug level included. */
  readonly logs: RecordedLog[];
  /** Fires the signal, as a cancellation would. */
  cancel(): void;
}

/** Builds a {@link RecordingContext} over `services`. */
export function recordingContext(services: ServiceResolver, jobId = 'test-job'): RecordingContext {
  const controller = new AbortController();
  const messages: RecordingContext['messages'] = [];
  const outputFiles: OutputFile[] = [];
  const logs: RecordedLog[] = [];
  return {
    jobId,
    type: 'test',
    attempt: 1,
    customerId: undefined,
    userId: undefined,
    signal: controller.signal,
    log: recordingLogger(logs),
    services,
    messages,
    outputFiles,
    logs,
    progress: (message, counts) => void messages.push({ level: 'progress', message, ...counts }),
    info: (message) => void messages.push({ level: 'info', message }),
    warn: (message) => void messages.push({ level: 'warning', message }),
    error: (message) => void messages.push({ level: 'error', message }),
    addOutputFile: (file) => void outputFiles.push(file),
    checkpoint: () => {
      if (controller.signal.aborted) throw new JobCancelledError(jobId);
    },
    cancel: () => controller.abort(new JobCancelledError(jobId)),
    lock: async (name) => ({ name, release: async () => undefined }),
  };
}

function recordingLogger(logs: RecordedLog[]): Logger {
  const at =
    (level: RecordedLog['level']) =>
    (fields: LogFields | string, msg?: string): void => {
      if (typeof fields === 'string') logs.push({ level, fields: {}, msg: fields });
      else logs.push({ level, fields, msg });
    };
  const logger: Logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => logger,
  };
  return logger;
}

/** How each attempt of an import read its file, from its `import phases` log entries: `copy`, `copy (reason)` when it fell back, `stream`. */
export function importPaths(ctx: RecordingContext): string[] {
  return ctx.logs
    .filter((entry) => entry.msg === 'import phases')
    .map((entry) =>
      entry.fields.fallback === undefined
        ? String(entry.fields.path)
        : `${String(entry.fields.path)} (${String(entry.fields.fallback)})`,
    );
}
