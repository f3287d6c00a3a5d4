// Entry point of a worker thread that runs attempts of isolated jobs, one at a time. It imports
// the job's module again (functions cannot cross threads), builds the job's services once from
// the settings the runner shared, runs each attempt it is handed and reports through the port.
// The runner may terminate the thread at any time; that is the point of isolation.
import { type MessagePort, parentPort } from 'node:worker_threads';
import {
  type AnyJobDefinition,
  type Job,
  type JobContext,
  type LockHandle,
  type Logger,
  type ProgressCounts,
  type ServiceRegistration,
  type ServiceResolver,
  type ServiceToken,
  type TranslatableString,
  UnknownJobTypeError,
} from '@hangar/core';
import {
  deserializeError,
  type FromThread,
  serializeError,
  type ThreadStart,
  type ToThread,
} from './thread-messages.js';

// This file only ever runs as a worker thread, where the port exists.
const port = parentPort as MessagePort;
const post = (message: FromThread): void => port.postMessage(message);
/** Services built for each job type, kept for the thread's next attempts (pools stay open). */
const servicesByType = new Map<string, Promise<ServiceResolver>>();

/** The state of the attempt being run. */
interface Attempt {
  readonly start: ThreadStart;
  readonly controller: AbortController;
  stopError: Error | undefined;
  job: Job | undefined;
  nextLock: number;
  readonly pendingLocks: Map<number, { resolve: () => void; reject: (error: Error) => void }>;
}
let current: Attempt | undefined;

port.on('message', (message: ToThread) => {
  if (message.kind === 'run') {
    void run(message.start);
    return;
  }
  const attempt = current;
  if (!attempt) return;
  if (message.kind === 'stop') {
    attempt.stopError ??= deserializeError(message.error);
    attempt.controller.abort(attempt.stopError);
    try {
      const aborted = attempt.job?.abort?.();
      if (aborted instanceof Promise) aborted.catch(() => {});
    } catch {
      // the runner terminates the thread if the job does not stop anyway
    }
  } else {
    const pending = attempt.pendingLocks.get(message.id);
    attempt.pendingLocks.delete(message.id);
    if (message.error) pending?.reject(deserializeError(message.error));
    else pending?.resolve();
  }
});

/** The definition of `type` among the module's exports: a definition itself, or in a plugin's jobs. */
function findDefinition(exports: Record<string, unknown>, type: string): AnyJobDefinition {
  const found: string[] = [];
  for (const value of Object.values(exports)) {
    const candidates = Array.isArray((value as { jobs?: unknown })?.jobs)
      ? ((value as { jobs: unknown[] }).jobs as AnyJobDefinition[])
      : [value as AnyJobDefinition];
    for (const def of candidates) {
      if (typeof def?.create !== 'function' || typeof def.type !== 'string') continue;
      if (def.type === type) return def;
      found.push(def.type);
    }
  }
  throw new UnknownJobTypeError(type, found);
}

/** Services of the thread: the shared settings, then what the definition builds from them. */
async function threadServices(
  def: AnyJobDefinition,
  shared: ThreadStart['shared'],
): Promise<ServiceResolver> {
  const entries = new Map<
    string,
    { value?: unknown; factory?: (s: ServiceResolver) => unknown; built: boolean }
  >();
  for (const [name, value] of shared) entries.set(name, { value, built: true });
  const resolver: ServiceResolver = {
    get<T>(token: ServiceToken<T>): T {
      const entry = entries.get(token.name);
      if (!entry) throw new Error(`Service "${token.name}" is not available in the job's worker thread`);
      if (!entry.built && entry.factory) {
        entry.value = entry.factory(resolver);
        entry.built = true;
      }
      return entry.value as T;
    },
    has: (token) => entries.has(token.name),
  };
  const built: ServiceRegistration[] = def.workerServices ? await def.workerServices(resolver) : [];
  for (const registration of built) {
    entries.set(
      registration.token.name,
      'value' in registration
        ? { value: registration.value, built: true }
        : { factory: registration.factory, built: false },
    );
  }
  return resolver;
}

function threadLogger(bindings: Record<string, unknown>): Logger {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (fieldsOrMsg: Record<string, unknown> | string, msg?: string): void =>
      typeof fieldsOrMsg === 'string'
        ? post({ kind: 'logger', level, fields: bindings, msg: fieldsOrMsg })
        : post({ kind: 'logger', level, fields: { ...bindings, ...fieldsOrMsg }, msg });
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => threadLogger({ ...bindings, ...more }),
  };
}

function context(attempt: Attempt, services: ServiceResolver): JobContext {
  const log =
    (level: 'progress' | 'info' | 'warning' | 'error') =>
    (message: TranslatableString, counts?: ProgressCounts): void =>
      post({ kind: 'log', level, message, counts });
  return {
    ...attempt.start.job,
    type: attempt.start.type,
    signal: attempt.controller.signal,
    log: threadLogger({}),
    services,
    progress: log('progress'),
    info: log('info'),
    warn: log('warning'),
    error: log('error'),
    addOutputFile: (file) => post({ kind: 'output-file', file }),
    checkpoint: () => {
      if (attempt.stopError) throw attempt.stopError;
    },
    lock: (name, options) => {
      const id = ++attempt.nextLock;
      return new Promise<LockHandle>((resolve, reject) => {
        attempt.pendingLocks.set(id, {
          resolve: () => resolve({ name, release: async () => post({ kind: 'unlock', id }) }),
          reject,
        });
        post({ kind: 'lock', id, name, options });
      });
    },
  };
}

async function run(start: ThreadStart): Promise<void> {
  const attempt: Attempt = {
    start,
    controller: new AbortController(),
    stopError: undefined,
    job: undefined,
    nextLock: 0,
    pendingLocks: new Map(),
  };
  current = attempt;
  let outcome: FromThread;
  try {
    const def = findDefinition((await import(start.module)) as Record<string, unknown>, start.type);
    let services = servicesByType.get(start.type);
    if (!services) {
      services = threadServices(def, start.shared);
      servicesByType.set(start.type, services);
      // a failure to build them is the attempt's; the next attempt tries again
      services.catch(() => servicesByType.delete(start.type));
    }
    attempt.job = def.create(await services);
    outcome = {
      kind: 'done',
      value: await attempt.job.execute(start.params, context(attempt, await services)),
    };
  } catch (error) {
    outcome = { kind: 'failed', error: serializeError(error, start.type) };
  }
  try {
    await attempt.job?.dispose?.();
  } catch (error) {
    post({ kind: 'logger', level: 'warn', fields: { err: String(error) }, msg: 'dispose() threw' });
  }
  current = undefined;
  post(outcome);
}
