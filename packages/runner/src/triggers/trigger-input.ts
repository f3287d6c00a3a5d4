import {
  ConfigurationError,
  TRIGGER_END_STATES,
  type TriggerEndState,
  type TriggerEvent,
  type TriggerJob,
} from '@hangar/core';

/** An event trigger to create or replace. */
export interface TriggerInput {
  /** Unique name among triggers. */
  name: string;
  /** Which job ends fire it. */
  on: {
    /** Job type of the ended job (`conso.workflow` for a workflow). */
    type: string;
    /** Only this customer's jobs (its jobs then run as that customer). @defaultValue every customer */
    customerId?: string;
    /** End states that fire it: `Succeeded`, `Failed`, `Cancelled`. */
    states: readonly TriggerEndState[];
    /** Only jobs whose metadata holds these values. @defaultValue no condition */
    metadata?: Record<string, string>;
  };
  /** What it enqueues; the job runs as the ended job's customer. */
  job: {
    /** Job type. */
    type: string;
    /** Its parameters, validated now. */
    params: unknown;
    /** Queue. @defaultValue the type's default queue */
    queue?: string;
    /** Lower runs first. @defaultValue 0 */
    priority?: number;
  };
  /** Create it paused. @defaultValue false (a replaced trigger keeps its pause) */
  paused?: boolean;
}

function text(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigurationError(
      field,
      `must be a non-empty string, got ${JSON.stringify(value) ?? 'nothing'}`,
    );
  }
  return value;
}

/**
 * Checks the shape of a trigger (what its job's parameters are is checked against the job type
 * by the manager), naming the field that is wrong; returns its event and job as stored.
 */
export function checkTriggerInput(input: TriggerInput): {
  on: TriggerEvent;
  job: Omit<TriggerJob, 'params'>;
} {
  text('name', input?.name);
  const on = input.on as Partial<TriggerInput['on']> | undefined;
  if (!on || typeof on !== 'object') throw new ConfigurationError('on', 'must say which job ends fire it');
  const type = text('on.type', on.type);
  const states = on.states;
  if (!Array.isArray(states) || states.length === 0) {
    throw new ConfigurationError('on.states', `give at least one of ${TRIGGER_END_STATES.join(', ')}`);
  }
  for (const [i, state] of states.entries()) {
    if (!TRIGGER_END_STATES.includes(state)) {
      throw new ConfigurationError(
        `on.states[${i}]`,
        `"${String(state)}" is not one of ${TRIGGER_END_STATES.join(', ')}`,
      );
    }
  }
  const event: TriggerEvent = { type, states: [...new Set(states)] };
  if (on.customerId !== undefined) event.customerId = text('on.customerId', on.customerId);
  if (on.metadata !== undefined) {
    if (on.metadata === null || typeof on.metadata !== 'object' || Array.isArray(on.metadata)) {
      throw new ConfigurationError('on.metadata', 'must be an object of string values');
    }
    for (const [key, value] of Object.entries(on.metadata)) {
      if (typeof value !== 'string') {
        throw new ConfigurationError(`on.metadata.${key}`, `must be a string, got ${JSON.stringify(value)}`);
      }
    }
    event.metadata = { ...on.metadata };
  }
  const job = input.job as Partial<TriggerInput['job']> | undefined;
  if (!job || typeof job !== 'object') throw new ConfigurationError('job', 'must say which job to enqueue');
  const stored: Omit<TriggerJob, 'params'> = { type: text('job.type', job.type) };
  if (job.queue !== undefined) stored.queue = text('job.queue', job.queue);
  if (job.priority !== undefined) {
    if (!Number.isSafeInteger(job.priority)) {
      throw new ConfigurationError('job.priority', `must be an integer, got ${String(job.priority)}`);
    }
    stored.priority = job.priority;
  }
  return { on: event, job: stored };
}
