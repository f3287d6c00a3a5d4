import {
  type CancelOutcome,
  isTerminalState,
  JobNotFoundError,
  type JobRecord,
  JobStateConflictError,
  type QueueAdapter,
} from '@hangar/core';
import { type WorkflowView, workflowView } from './workflow-view.js';

/** What the workflow operations need of the client. */
export interface WorkflowHost {
  readonly queue: QueueAdapter;
  retry(id: string, options: { customerId?: string }): Promise<JobRecord>;
}

/** Tenant of a call: another customer's workflow is not found. */
export interface WorkflowCallOptions {
  /** Tenant. */
  customerId?: string;
}

/** Outcome of cancelling a workflow. */
export interface WorkflowCancelOutcome {
  /** What became of the workflow job. */
  readonly workflow: CancelOutcome;
  /** Its steps on the queue that were cancelled or asked to stop. */
  readonly steps: number;
}

/**
 * A workflow is a job plus the jobs carrying its id as `metadata.workflowId`; these read and act
 * on it as one unit, for the client, the HTTP API and the CLI alike.
 */
export class WorkflowOperations {
  constructor(private readonly host: WorkflowHost) {}

  /** The workflow, its steps, progress and outputs; undefined when missing or another tenant's. */
  async get(id: string, options: WorkflowCallOptions = {}): Promise<WorkflowView | undefined> {
    const job = await this.host.queue.get(id, options);
    if (!job) return undefined;
    return workflowView(job, await this.stepJobs(job));
  }

  /** Cancels the workflow job and every step of it still waiting or running. */
  async cancel(id: string, options: WorkflowCallOptions = {}): Promise<WorkflowCancelOutcome> {
    const job = await this.host.queue.get(id, options);
    if (!job) throw new JobNotFoundError(id);
    const workflow = await this.host.queue.requestCancel(id, options);
    let steps = 0;
    // The workflow job cancels its steps itself when it runs; this also covers one that is not
    // running now (waiting for its lease to be recovered after a crash).
    for (const step of await this.stepJobs(job)) {
      if (isTerminalState(step.state)) continue;
      const outcome = await this.host.queue.requestCancel(step.id, { customerId: job.customerId });
      if (outcome === 'cancelled' || outcome === 'requested') steps++;
    }
    return { workflow, steps };
  }

  /**
   * Runs a Failed or Cancelled step again, then the ended workflow job, which finds the steps that
   * succeeded where they are (never run again), waits for this one and goes on with the steps
   * after it. `JobStateConflictError` while the workflow is still running (wait for it to end) or
   * for a step that is not Failed or Cancelled; `JobNotFoundError` for a step never submitted.
   */
  async retryStep(id: string, stepId: string, options: WorkflowCallOptions = {}): Promise<WorkflowView> {
    const job = await this.host.queue.get(id, options);
    if (!job) throw new JobNotFoundError(id);
    if (!isTerminalState(job.state)) throw new JobStateConflictError(id, job.state, 'retry-step');
    const [step] = await this.jobsLabelled(job, { workflowId: id, step: stepId });
    if (!step) throw new JobNotFoundError(`${id}/${stepId}`);
    await this.host.retry(step.id, options);
    if (job.state !== 'Succeeded') await this.host.retry(id, options);
    return (await this.get(id, options)) as WorkflowView;
  }

  /** Every job of the workflow, all pages. */
  private stepJobs(job: JobRecord): Promise<JobRecord[]> {
    return this.jobsLabelled(job, { workflowId: job.id });
  }

  /**
   * The tenant's jobs with these labels, all pages: an adapter may filter labels after its scan
   * (Redis), so a page can come back short, or empty, with more to come.
   */
  private async jobsLabelled(job: JobRecord, metadata: Record<string, string>): Promise<JobRecord[]> {
    const out: JobRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.host.queue.list({ customerId: job.customerId, metadata, limit: 1000, cursor });
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return out;
  }
}
