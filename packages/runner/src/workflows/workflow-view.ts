import type { ErrorInfo, JobRecord, JobState, ProgressSnapshot } from '@hangar/core';

/** Where a step of a workflow is. */
export type WorkflowStepState = JobState | 'Waiting' | 'Skipped';

/** One step of a workflow as read by `getWorkflow`. */
export interface WorkflowStepView {
  /** The step's id in the declaration. */
  readonly id: string;
  /** Its job type. */
  readonly type: string;
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

/** The declared steps of a workflow job's params (`steps: [{ id, type }]`), or none. */
export function declaredSteps(job: JobRecord): { id: string; type: string }[] {
  const steps = (job.params as { steps?: unknown } | undefined)?.steps;
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((s: unknown) => {
    const { id, type } = (s ?? {}) as { id?: unknown; type?: unknown };
    return typeof id === 'string' && typeof type === 'string' ? [{ id, type }] : [];
  });
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
      id: declared.id,
      type: declared.type,
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
