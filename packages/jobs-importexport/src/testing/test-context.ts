import {
  JobCancelledError,
  type JobContext,
  type OutputFile,
  type ServiceResolver,
  silentLogger,
  type TranslatableString,
} from '@hangar/core';

/** A job context for running a job without a runner, recording what the job reported. */
export interface RecordingContext extends JobContext {
  readonly messages: { level: string; message: TranslatableString; current?: number; total?: number }[];
  readonly outputFiles: OutputFile[];
  /** Fires the signal, as a cancellation would. */
  cancel(): void;
}

/** Builds a {@link RecordingContext} over `services`. */
export function recordingContext(services: ServiceResolver, jobId = 'test-job'): RecordingContext {
  const controller = new AbortController();
  const messages: RecordingContext['messages'] = [];
  const outputFiles: OutputFile[] = [];
  return {
    jobId,
    type: 'test',
    attempt: 1,
    customerId: undefined,
    userId: undefined,
    signal: controller.signal,
    log: silentLogger,
    services,
    messages,
    outputFiles,
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
