import "./chunk-YW6YMBKT.js";
import {
  HangarClient,
  HangarRunner,
  JobRegistry,
  PluginContainer,
  RUNNER_DEFAULTS,
  RunnerJobSubmitter,
  ScheduleManager,
  TRACEPARENT_KEY,
  TRACING_DEFAULTS,
  TriggerFiring,
  TriggerManager,
  WorkflowOperations,
  createClient,
  createRunner,
  nextCronRun,
  resolveRunnerOptions,
  triggeredJobKey,
  workflowView
} from "./chunk-KY6ZJNSP.js";
import {
  MemoryQueue,
  MemoryStore
} from "./chunk-B6TWPKTS.js";
import "./chunk-V7NQM3WP.js";
import "./chunk-MTN5VB52.js";
import "./chunk-WY5ZCKJX.js";
export {
  HangarClient,
  HangarRunner,
  JobRegistry,
  MemoryQueue,
  MemoryStore,
  PluginContainer,
  RUNNER_DEFAULTS,
  RunnerJobSubmitter,
  ScheduleManager,
  TRACEPARENT_KEY,
  TRACING_DEFAULTS,
  TriggerFiring,
  TriggerManager,
  WorkflowOperations,
  createClient,
  createRunner,
  nextCronRun,
  resolveRunnerOptions,
  triggeredJobKey,
  workflowView
};
//# sourceMappingURL=index.js.map