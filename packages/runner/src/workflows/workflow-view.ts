import type { ErrorInfo, JobRecord, JobState, ProgressSnapshot } from '@hangar/core';

/** Where a step of a workflow is. */
export type WorkflowStepState = JobState | 'Waiting' | 'Skipped';

/** How the steps a step runs after have to end for it to run (`on` of the declaration). */
export type WorkflowStepCondition = 'success' | 'failure' | 'end';

/** A step's `when`: a test of the result of one of the steps it runs after. */
export interface WorkflowStepWhen {
  /** The step whose result is read. */
  readonly step: string;
  /** Dotted path in that result; empty for the whole result. */
  readonly path: string;
  /** The comparison: `eq`, `ne`, `gt`, `gte`, `lt`, `lte`, `exists`, `missing`. */
  readonly op: string;
  /** The value compared to (none for `exists` and `missing`). */
  readonly value: string | number | boolean | null | undefined;
}

/** A step as declared in the workflow job's params: the graph's node and its incoming edges. */
export interface DeclaredStep {
  /** The step's id in the declaration. */
  readonly id: string;
  /** Its job type. */
  readonly type: string;
  /** The steps it runs after (the edges into it), in declaration order. */
  readonly after: readonly string[];
  /** How each of those has to end. */
  readonly on: WorkflowStepCondition;
  /** The condition on a parent's result, if any. */
  readonly when: WorkflowStepWhen | undefined;
}

/** One step of a workflow as read by `getWorkflow`. */
export interface WorkflowStepView extends DeclaredStep {
  /**
   * The state of its job; `Waiting` before it was submitted, `Skipped` when the workflow ended
   * without submitting it (a parent ended otherwise than it asks, or its condition was false).
   */
  readonly state: WorkflowStepState;
  /** Its job's id, once submitted. */
  readonly jobId: string | undefined;
  /** Its job's latest progress. */
  readonly progress: ProgressSnapshot | undefined;
  /** Its job's result, once Succeeded. */
  readonly result: unknown;
  /** Its job's errors, once Failed. */
  readonly errorInfo: ErrorInfo | undefined;
}

/** A workflow read as one unit: its job, its steps' jobs, progress and outputs. */
export interface WorkflowView {
  /** The workflow job's id. */
  readonly id: string;
  /** The workflow's name (`name` of its params). */
  readonly name: string;
  /** The workflow job's state: the workflow's. */
  readonly state: JobState;
  /** Tenant. */
  readonly customerId: string | undefined;
  /** Steps ended (or skipped), and in all. */
  readonly done: number;
  readonly total: number;
  /** Every declared step, in declaration order. */
  readonly steps: readonly WorkflowStepView[];
  /** The steps running now, with their latest progress. */
  readonly current: readonly WorkflowStepView[];
  /** The workflow job's result (its `outputs`, step job ids, skipped steps) once Succeeded. */
  readonly result: unknown;
  /** Its errors once Failed (`WORKFLOW_FAILED` naming the steps). */
  readonly errorInfo: ErrorInfo | undefined;
  /** The workflow job itself. */
  readonly job: JobRecord;
}

const ENDED: readonly WorkflowStepState[] = ['Succeeded', 'Failed', 'Cancelled', 'Skipped'];

const CONDITIONS: readonly WorkflowStepCondition[] = ['success', 'failure', 'end'];

/**
 * The declared steps of a workflow job's params (`steps: [{ id, type, after, on, when }]`), or
 * none. The params were validated by the workflow job's schema when enqueued; this reads them
 * defensively anyway, as the runner does not know that schema.
 */
export function declaredSteps(job: JobRecord): DeclaredStep[] {
  const steps = (job.params as { steps?: unknown } | undefined)?.steps;
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((s: unknown): DeclaredStep[] => {
    const { id, type, after, on, when } = (s ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || typeof type !== 'string') return [];
    return [
      {
        id,
        type,
        after: Array.isArray(after) ? after.filter((a): a is string => typeof a === 'string') : [],
        on: CONDITIONS.find((c) => c === on) ?? 'success',
        when: readWhen(when),
      },
    ];
  });
}

function readWhen(when: unknown): WorkflowStepWhen | undefined {
  if (when === null || typeof when !== 'object') return undefined;
  const { step, path, op, value } = when as Record<string, unknown>;
  if (typeof step !== 'string' || typeof op !== 'string') return undefined;
  const scalar =
    value === null || ['string', 'number', 'boolean'].includes(typeof value)
      ? (value as string | number | boolean | null)
      : undefined;
  return { step, path: typeof path === 'string' ? path : '', op, value: scalar };
}

/** Builds the view from the workflow job and its steps' jobs (`metadata.step` names the step). */
export function workflowView(job: JobRecord, stepJobs: readonly JobRecord[]): WorkflowView {
  const byStep = new Map<string, JobRecord>();
  for (const s of stepJobs) {
    const step = s.metadata?.step;
    if (typeof step === 'string') byStep.set(step, s);
  }
  const finished = job.state === 'Succeeded' || job.state === 'Failed' || job.state === 'Cancelled';
  const steps = declaredSteps(job).map((declared): WorkflowStepView => {
    const stepJob = byStep.get(declared.id);
    return {
      ...declared,
      state: stepJob?.state ?? (finished ? 'Skipped' : 'Waiting'),
      jobId: stepJob?.id,
      progress: stepJob?.progress,
      result: stepJob?.result?.result,
      errorInfo: stepJob?.errorInfo,
    };
  });
  const name = (job.params as { name?: unknown } | undefined)?.name;
  return {
    id: job.id,
    name: typeof name === 'string' ? name : job.type,
    state: job.state,
    customerId: job.customerId,
    done: steps.filter((s) => ENDED.includes(s.state)).length,
    total: steps.length,
    steps,
    current: steps.filter((s) => s.state === 'Processing'),
    result: job.result?.result,
    errorInfo: job.errorInfo,
    job,
  };
}
