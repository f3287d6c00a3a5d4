export { createRunner, HangarRunner } from './runner/hangar-runner.js';
export { type RunnerOptions, RUNNER_DEFAULTS, resolveRunnerOptions } from './options/runner-options.js';
export { createClient, HangarClient, type ClientOptions, type EnqueueCallOptions } from './client/hangar-client.js';
export { JobRegistry, type JobTypeInfo } from './registry/job-registry.js';
export { PluginContainer } from './container/plugin-container.js';
export { ScheduleManager, type ScheduleInput } from './scheduler/schedule-manager.js';
export { nextCronRun } from './scheduler/cron-expression.js';
export { MemoryQueue, MemoryStore, type MemoryQueueOptions } from './memory/index.js';
