import {
  type ErrorInfo,
  isTerminalState,
  type JobContext,
  type JobState,
  type JobSubmitter,
  type JobWatch,
  type SubmitRequest,
  TenantMismatchError,
  t,
} from '@hangar/core';
import { WorkflowFailedError } from '../errors/workflow-failed-error.js';
import { conditionHolds } from './workflow-condition.js';
import type { WorkflowParams, WorkflowStep } from './workflow-declaration.js';

/** Where a step is: not due yet, on the queue, ended, or skipped (never run). */
export type StepStatus = 'waiting' | 'submitted' | 'skipped' | 'Succeeded' | 'Failed' | 'Cancelled';

/** Result of a workflow that ended with every step Succeeded or skipped. */
export interface WorkflowResult {
  /** The workflow's name. */
  readonly workflow: string;
  /** Steps in all, run, and skipped. */
  readonly total: number;
  readonly succeeded: number;
  readonly skipped: readonly string[];
  /** Job id of each step that was submitted. */
  readonly jobs: Readonly<Record<string, string>>;
  /** Results of the steps no other step runs after (the workflow's ends), by step id. */
  readonly outputs: Readonly<Record<string, unknown>>;
}

/** The idempotency key of a step's job: a rerun of the workflow job finds the same job. */
export function stepKey(workflowJobId: string, stepId: string): string {
  return `wf:${workflowJobId}:${stepId}`;
}

const PROGRESS_EVERY_MS = 500;

/**
 * One run of a workflow job: submits each step as a job once its parents have ended as it asks
 * and its condition holds, waits for them from the queue's change stream, and ends when no step
 * can run any more. It keeps no state of its own: a rerun (after a crash of its runner, or a retry
 * by hand) submits the same steps again under the same idempotency keys, which gives back the jobs
 * already there, so a step that succeeded is never run again.
 */
export class WorkflowRun {
  private readonly status = new Map<string, StepStatus>();
  private readonly jobIds = new Map<string, string>();
  private readonly stepOfJob = new Map<string, string>();
  private readonly dependants = new Map<string, WorkflowStep[]>();
  private readonly remaining = new Map<string, number>();
  private readonly due: WorkflowStep[] = [];
  private lastProgress = 0;
  private ended = 0;

  constructor(
    private readonly declaration: WorkflowParams,
    private readonly ctx: JobContext,
    private readonly jobs: JobSubmitter,
  ) {
    for (const step of declaration.steps) {
      this.status.set(step.id, 'waiting');
      this.remaining.set(step.id, step.after.length);
      for (const parent of step.after) {
        const list = this.dependants.get(parent) ?? [];
        list.push(step);
        this.dependants.set(parent, list);
      }
      if (step.after.length === 0) this.due.push(step);
    }
  }

  /** Checks every step, then runs the workflow to its end. */
  async run(): Promise<WorkflowResult> {
    this.check();
    const watch = await this.jobs.watch(this.ctx);
    try {
      while (this.due.length > 0 || this.running() > 0) {
        await this.submitDue(watch);
        this.report();
        if (this.running() === 0) continue;
        let ended: Awaited<ReturnType<JobWatch['next']>>;
        try {
          ended = await watch.next({ signal: this.ctx.signal });
        } catch (error) {
          await this.stopped();
          throw error;
        }
        for (const { id, state } of ended) {
          const step = this.stepOfJob.get(id);
          if (step !== undefined) await this.resolve(step, state);
        }
      }
    } finally {
      await watch.close();
    }
    this.report(true);
    return this.finish();
  }

  /** Before anything is submitted: no step names another customer, every step's params are valid. */
  private check(): void {
    const tenant = this.ctx.customerId;
    for (const [i, step] of this.declaration.steps.entries()) {
      for (const key of ['customer', 'customerId'] as const) {
        const value = step.params[key];
        if (value === undefined || tenant === undefined) continue;
        // By code only: an id cannot be told to be the tenant's without reading another customer's row.
        if (value !== tenant) {
          throw new TenantMismatchError(
            `steps.${i}.params.${key}`,
            typeof value === 'number' ? value : String(value),
            tenant,
          );
        }
      }
      this.jobs.validate(step.type, step.params);
    }
  }

  private running(): number {
    let n = 0;
    for (const s of this.status.values()) if (s === 'submitted') n++;
    return n;
  }

  /** Decides each due step (run or skip), and submits those that run in one call. */
  private async submitDue(watch: JobWatch): Promise<void> {
    const submit: WorkflowStep[] = [];
    while (this.due.length > 0) {
      const step = this.due.shift() as WorkflowStep;
      const skipped = await this.skipReason(step);
      if (skipped === undefined) submit.push(step);
      else {
        this.ctx.info(
          t('conso.workflow.stepSkipped', {
            workflow: this.declaration.name,
            step: step.id,
            reason: skipped,
          }),
        );
        await this.resolve(step.id, 'skipped');
      }
    }
    if (submit.length === 0) return;
    const requests: SubmitRequest[] = submit.map((step) => ({
      type: step.type,
      params: step.params,
      queue: step.queue,
      priority: step.priority,
      idempotencyKey: stepKey(this.ctx.jobId, step.id),
      metadata: { workflowId: this.ctx.jobId, workflow: this.declaration.name, step: step.id },
    }));
    const records = await this.jobs.submitAll(this.ctx, requests, { signal: this.ctx.signal });
    const live: string[] = [];
    for (const [k, record] of records.entries()) {
      const step = submit[k] as WorkflowStep;
      this.jobIds.set(step.id, record.id);
      this.stepOfJob.set(record.id, step.id);
      this.status.set(step.id, 'submitted');
      if (isTerminalState(record.state)) await this.resolve(step.id, record.state);
      else live.push(record.id);
    }
    watch.add(live);
  }

  /** Why a due step does not run, or undefined when it does. */
  private async skipReason(step: WorkflowStep): Promise<string | undefined> {
    for (const parent of step.after) {
      const ended = this.status.get(parent) as StepStatus;
      const holds =
        step.on === 'end' ||
        (step.on === 'success' && ended === 'Succeeded') ||
        (step.on === 'failure' && (ended === 'Failed' || ended === 'Cancelled'));
      if (!holds) return `${parent}: ${ended}`;
    }
    if (step.when) {
      const source = this.jobIds.get(step.when.step);
      const job = source === undefined ? undefined : await this.jobs.get(this.ctx, source);
      if (job?.state !== 'Succeeded') return `${step.when.step}: no result`;
      if (!conditionHolds(step.when, job.result?.result))
        return `${step.when.step}: ${step.when.path} ${step.when.op}`;
    }
    return undefined;
  }

  /** Records how a step ended and makes its dependants due once all their parents ended. */
  private async resolve(stepId: string, state: JobState | 'skipped'): Promise<void> {
    const before = this.status.get(stepId);
    if (before !== 'waiting' && before !== 'submitted') return;
    this.status.set(stepId, state as StepStatus);
    this.ended++;
    for (const dependant of this.dependants.get(stepId) ?? []) {
      const left = (this.remaining.get(dependant.id) ?? 1) - 1;
      this.remaining.set(dependant.id, left);
      if (left === 0) this.due.push(dependant);
    }
  }

  /** The workflow was stopped: on a cancellation its steps on the queue are cancelled too; on a shutdown they carry on. */
  private async stopped(): Promise<void> {
    const own = await this.jobs.get(this.ctx, this.ctx.jobId);
    if (!own?.cancelRequested) return;
    for (const [step, status] of this.status) {
      const id = this.jobIds.get(step);
      if (status === 'submitted' && id !== undefined) await this.jobs.cancel(this.ctx, id);
    }
  }

  private report(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    const total = this.declaration.steps.length;
    this.ctx.progress(
      t('conso.workflow.progress', {
        workflow: this.declaration.name,
        done: this.ended,
        total,
        running: this.running(),
      }),
      { current: this.ended, total },
    );
  }

  /** The errors of the first failed steps, each marked with its step. */
  private async stepErrors(failed: readonly string[]): Promise<ErrorInfo> {
    const out: ErrorInfo = [];
    for (const step of failed.slice(0, 20)) {
      const id = this.jobIds.get(step);
      const job = id === undefined ? undefined : await this.jobs.get(this.ctx, id);
      for (const entry of job?.errorInfo ?? []) out.push({ ...entry, source: `step:${step}` });
    }
    return out;
  }

  private async finish(): Promise<WorkflowResult> {
    const failed: string[] = [];
    const skipped: string[] = [];
    let succeeded = 0;
    for (const step of this.declaration.steps) {
      const status = this.status.get(step.id);
      if (status === 'Succeeded') succeeded++;
      else if (status === 'skipped') skipped.push(step.id);
      else failed.push(step.id);
    }
    if (failed.length > 0)
      throw new WorkflowFailedError(this.declaration.name, failed, await this.stepErrors(failed));
    const outputs: Record<string, unknown> = {};
    for (const step of this.declaration.steps) {
      const id = this.jobIds.get(step.id);
      if (this.dependants.has(step.id) || id === undefined) continue;
      outputs[step.id] = (await this.jobs.get(this.ctx, id))?.result?.result ?? null;
    }
    return {
      workflow: this.declaration.name,
      total: this.declaration.steps.length,
      succeeded,
      skipped,
      jobs: Object.fromEntries(this.jobIds),
      outputs,
    };
  }
}
