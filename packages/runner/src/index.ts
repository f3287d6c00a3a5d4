export {
  type ClientOptions,
  createClient,
  type EnqueueCallOptions,
  HangarClient,
  type WaitForOptions,
} from './client/hangar-client.js';
export type { JobId, JobRecordOf, TypedEnqueueResult } from './client/typed-job.js';
export { PluginContainer } from './container/plugin-container.js';
export { MemoryQueue, type MemoryQueueOptions, MemoryStore } from './memory/index.js';
export { RUNNER_DEFAULTS, type RunnerOptions, resolveRunnerOptions } from './options/runner-options.js';
export { JobRegistry, type JobTypeInfo } from './registry/job-registry.js';
export { createRunner, HangarRunner } from './runner/hangar-runner.js';
export { nextCronRun } from './scheduler/cron-expression.js';
export { type ScheduleEnqueue, type ScheduleInput, ScheduleManager } from './scheduler/schedule-manager.js';
export { RunnerJobSubmitter } from './submitter/runner-job-submitter.js';
export { TRACEPARENT_KEY } from './tracing/job-tracing.js';
export {
  TRACING_DEFAULTS,
  type TracerProviderLike,
  type TracingOptions,
} from './tracing/tracing-options.js';
export { TriggerFiring, type TriggerFiringSettings, triggeredJobKey } from './triggers/trigger-firing.js';
export type { TriggerInput } from './triggers/trigger-input.js';
export { TriggerManager } from './triggers/trigger-manager.js';
export {
  type WorkflowCallOptions,
  type WorkflowCancelOutcome,
  WorkflowOperations,
} from './workflows/workflow-operations.js';
export {
  type DeclaredStep,
  type WorkflowStepCondition,
  type WorkflowStepState,
  type WorkflowStepView,
  type WorkflowStepWhen,
  type WorkflowView,
  workflowView,
} from './workflows/workflow-view.js';
