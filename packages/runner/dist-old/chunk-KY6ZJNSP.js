import {
  loadOptionalPeer
} from "./chunk-MTN5VB52.js";
import {
  deserializeError,
  serializeError
} from "./chunk-WY5ZCKJX.js";

// src/registry/job-registry.ts
import {
  ConfigurationError,
  coreMessages,
  DEFAULT_RETRY_POLICY,
  Translator,
  UnknownJobTypeError,
  validateParams
} from "@hangar/core";
import { isStorableAttempts, isStorableTimeout, MAX_INT32 } from "@hangar/core/adapter";
import { toJSONSchema } from "zod";

// src/registry/validated-params.ts
var MAX_REMEMBERED = 1e5;
var ValidatedParams = class {
  entries = /* @__PURE__ */ new Map();
  readers = 0;
  /**
   * A runner on this registry starts (`true`) or stops (`false`) reading the entries; with no
   * runner, as in a process that only enqueues, nothing is remembered.
   */
  setReading(reading) {
    this.readers = Math.max(0, this.readers + (reading ? 1 : -1));
    if (this.readers === 0) this.entries.clear();
  }
  /** Remembers the parameters validated for a job just enqueued. */
  remember(jobId, params) {
    if (this.readers === 0) return;
    if (this.entries.size >= MAX_REMEMBERED) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(jobId, params);
  }
  /**
   * Whether `params`, claimed for `jobId`, are what this process validated for it; forgets the
   * job either way, so only its first attempt here can skip validation.
   */
  take(jobId, params) {
    if (this.entries.size === 0) return false;
    const validated = this.entries.get(jobId);
    if (validated === void 0) return false;
    this.entries.delete(jobId);
    return sameValue(validated, params);
  }
};
function sameValue(a, b) {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime();
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  let keys = 0;
  for (const key in a) {
    if (!Object.hasOwn(b, key) || !sameValue(a[key], b[key])) return false;
    keys += 1;
  }
  for (const _ in b) keys -= 1;
  return keys === 0;
}
function isPlainObject(value) {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// src/registry/job-registry.ts
var JobRegistry = class {
  definitions = /* @__PURE__ */ new Map();
  /** Renders every message key of the framework and the plugins. */
  translator = new Translator().register(coreMessages);
  /**
   * Parameters the clients on this registry validated, so that a runner on it validates a job's
   * parameters once (see `ValidatedParams` for the trust rule).
   */
  validated = new ValidatedParams();
  constructor(plugins = [], jobs = []) {
    for (const plugin of plugins) {
      if (plugin.messages) this.translator.register(plugin.messages);
      for (const def of plugin.jobs) this.add(def, plugin.name);
    }
    for (const def of jobs) this.add(def, "jobs");
  }
  add(def, origin) {
    if (!def.type) throw new ConfigurationError(`${origin}.jobs`, "every job definition needs a `type`");
    if (this.definitions.has(def.type)) {
      throw new ConfigurationError(`${origin}.jobs`, `job type "${def.type}" is registered twice`);
    }
    checkJobLimits(def, origin);
    this.definitions.set(def.type, def);
  }
  /** The definition of `type`; throws `UnknownJobTypeError` when missing. */
  get(type) {
    const def = this.definitions.get(type);
    if (!def) throw new UnknownJobTypeError(type, this.types());
    return def;
  }
  /** Whether `type` is registered. */
  has(type) {
    return this.definitions.has(type);
  }
  /** Every registered type name, sorted. */
  types() {
    return [...this.definitions.keys()].sort();
  }
  /** Validates parameters of `type`, throwing `ParamsValidationError` with field-level issues. */
  validate(type, params) {
    return validateParams(type, this.get(type).params, params);
  }
  /** The full retry policy of `type`. */
  retryPolicy(type) {
    return { ...DEFAULT_RETRY_POLICY, ...this.get(type).retry };
  }
  /** Descriptions of every type, for the API. */
  describe() {
    return this.types().map((type) => {
      const def = this.get(type);
      return {
        type,
        defaultQueue: def.defaultQueue ?? "default",
        retry: this.retryPolicy(type),
        timeoutMs: def.timeoutMs,
        paramsSchema: safeJsonSchema(def),
        description: def.description?.key
      };
    });
  }
};
function safeJsonSchema(def) {
  try {
    return toJSONSchema(def.params, { io: "input", unrepresentable: "any" });
  } catch {
    return {};
  }
}
function checkJobLimits(def, origin) {
  const where = `${origin}.jobs[${def.type}]`;
  const retry = def.retry ?? {};
  const { maxAttempts, backoffMs, maxBackoffMs, jitter } = retry;
  if (maxAttempts !== void 0 && !isStorableAttempts(maxAttempts)) {
    throw new ConfigurationError(
      `${where}.retry.maxAttempts`,
      `must be an integer from 1 to ${MAX_INT32}, got ${maxAttempts}`
    );
  }
  for (const [name, value] of [
    ["backoffMs", backoffMs],
    ["maxBackoffMs", maxBackoffMs]
  ]) {
    if (value !== void 0 && !(Number.isFinite(value) && value >= 0)) {
      throw new ConfigurationError(
        `${where}.retry.${name}`,
        `must be a number of milliseconds of at least 0, got ${value}`
      );
    }
  }
  if (jitter !== void 0 && !(Number.isFinite(jitter) && jitter >= 0 && jitter <= 1)) {
    throw new ConfigurationError(`${where}.retry.jitter`, `must be a fraction from 0 to 1, got ${jitter}`);
  }
  if (def.isolation !== void 0 && def.isolation !== "inline" && def.isolation !== "worker") {
    throw new ConfigurationError(
      `${where}.isolation`,
      `must be 'inline' or 'worker', got ${String(def.isolation)}`
    );
  }
  if (def.isolation === "worker" && !(typeof def.module === "string" || def.module instanceof URL)) {
    throw new ConfigurationError(
      `${where}.module`,
      "an isolated job needs the URL of the module that exports it: `module: import.meta.url`"
    );
  }
  const { timeoutMs } = def;
  if (timeoutMs !== void 0 && !isStorableTimeout(timeoutMs)) {
    throw new ConfigurationError(
      `${where}.timeoutMs`,
      `must be a positive whole number of ms (or Infinity), got ${timeoutMs}`
    );
  }
}

// src/scheduler/cron-expression.ts
import { ConfigurationError as ConfigurationError2 } from "@hangar/core";
import { Cron } from "croner";
function nextCronRun(cron, timezone, after) {
  return parseCron(cron, timezone).nextRun(after);
}
function parseCron(cron, timezone) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
  } catch {
    throw new ConfigurationError2("timezone", `"${timezone}" is not an IANA time zone (e.g. "Europe/Paris")`);
  }
  try {
    return new Cron(cron, { timezone, paused: true });
  } catch (error) {
    throw new ConfigurationError2(
      "cron",
      `"${cron}" is not a valid cron expression: ${error.message}`
    );
  }
}

// src/scheduler/schedule-manager.ts
import { ConfigurationError as ConfigurationError3, ScheduleNotFoundError } from "@hangar/core";
var ScheduleManager = class {
  constructor(queue, registry, enqueue) {
    this.queue = queue;
    this.registry = registry;
    this.enqueue = enqueue;
  }
  queue;
  registry;
  enqueue;
  /** One schedule, or undefined. */
  async get(name) {
    return this.queue.getSchedule(name);
  }
  /**
   * Enqueues one job of the schedule now, with its parameters and options, whether paused or
   * not; its cron times are left as they are. `ScheduleNotFoundError` when there is none.
   */
  async trigger(name) {
    const schedule = await this.require(name);
    return this.enqueue(schedule.type, schedule.params, { ...schedule.options });
  }
  /** Creates or replaces a schedule; its parameters and cron are checked first. */
  async upsert(input, now = /* @__PURE__ */ new Date()) {
    if (!input.name?.trim()) throw new ConfigurationError3("name", "a schedule needs a non-empty name");
    const params = this.registry.validate(input.type, input.params);
    const timezone = input.timezone ?? "UTC";
    const paused = input.paused ?? false;
    const nextRunAt = nextCronRun(input.cron, timezone, now);
    const existing = await this.queue.getSchedule(input.name);
    const record = {
      name: input.name,
      cron: input.cron,
      timezone,
      type: input.type,
      params,
      options: input.options ?? {},
      paused,
      nextRunAt: paused ? null : nextRunAt,
      lastRunAt: existing?.lastRunAt ?? null
    };
    await this.queue.saveSchedule(record);
    return record;
  }
  /** Stops a schedule from firing until resumed; `ScheduleNotFoundError` when there is none. */
  async pause(name) {
    const schedule = await this.require(name);
    schedule.paused = true;
    schedule.nextRunAt = null;
    await this.queue.saveSchedule(schedule);
    return schedule;
  }
  /**
   * Resumes a paused schedule from its next cron time after now (missed runs are not replayed);
   * `ScheduleNotFoundError` when there is none.
   */
  async resume(name, now = /* @__PURE__ */ new Date()) {
    const schedule = await this.require(name);
    schedule.paused = false;
    schedule.nextRunAt = nextCronRun(schedule.cron, schedule.timezone, now);
    await this.queue.saveSchedule(schedule);
    return schedule;
  }
  /** Every schedule with its next run time. */
  async list() {
    return this.queue.listSchedules();
  }
  /** Deletes a schedule; false if there was none. */
  async delete(name) {
    return this.queue.deleteSchedule(name);
  }
  async require(name) {
    const schedule = await this.queue.getSchedule(name);
    if (!schedule) throw new ScheduleNotFoundError(name);
    return schedule;
  }
};

// src/tracing/otel-api-loader.ts
function loadOtelApi() {
  return loadOptionalPeer(() => import("@opentelemetry/api"), "tracing", "@opentelemetry/api@1");
}

// src/tracing/traceparent.ts
var TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
function formatTraceParent(parent) {
  return `00-${parent.traceId}-${parent.spanId}-${(parent.traceFlags & 255).toString(16).padStart(2, "0")}`;
}
function parseTraceParent(value) {
  if (typeof value !== "string") return void 0;
  const match = TRACEPARENT.exec(value);
  if (!match) return void 0;
  const [, traceId = "", spanId = "", flags = "00"] = match;
  if (/^0+$/.test(traceId) || /^0+$/.test(spanId)) return void 0;
  return { traceId, spanId, traceFlags: Number.parseInt(flags, 16) };
}

// src/tracing/job-tracing.ts
var TRACEPARENT_KEY = "traceparent";
function jobAttributes(job) {
  const attributes = {
    "messaging.system": "hangar",
    "messaging.destination.name": job.queue,
    "hangar.job.type": job.type,
    "hangar.job.queue": job.queue
  };
  if (job.customerId !== void 0) attributes["hangar.customer"] = job.customerId;
  return attributes;
}
var JobTracing = class _JobTracing {
  constructor(api, tracer) {
    this.api = api;
    this.tracer = tracer;
  }
  api;
  tracer;
  /** Loads `@opentelemetry/api` and takes the tracer. */
  static async create(options) {
    const api = await loadOtelApi();
    const provider = options.tracerProvider ?? api.trace.getTracerProvider();
    return new _JobTracing(api, provider.getTracer(options.tracerName));
  }
  /**
   * Runs an enqueue inside one span per job (children of the caller's active span), each job
   * carrying its span's context in `metadata.traceparent`.
   */
  async enqueue(requests, store) {
    const { api } = this;
    const parent = api.context.active();
    const spans = requests.map(
      (r) => this.tracer.startSpan(
        `enqueue ${r.type}`,
        { kind: api.SpanKind.PRODUCER, attributes: jobAttributes(r) },
        parent
      )
    );
    const traced = requests.map((r, i) => {
      const span = spans[i];
      return { ...r, metadata: { ...r.metadata, [TRACEPARENT_KEY]: formatTraceParent(span.spanContext()) } };
    });
    try {
      const results = await store(traced);
      results.forEach((result, i) => {
        spans[i]?.setAttributes({ "hangar.job.id": result.id, "hangar.job.created": result.created });
      });
      return results;
    } catch (error) {
      for (const span of spans) {
        span.recordException(error);
        span.setStatus({ code: api.SpanStatusCode.ERROR, message: error.message });
      }
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
  }
  /**
   * Starts a span per attempt when a runner's `job:started` fires, as a child of the job's enqueue
   * span, and ends it on the attempt's outcome. Returns the function that stops following (and
   * ends the spans of attempts still open, handed back at shutdown).
   */
  followAttempts(events) {
    const { api } = this;
    const open = /* @__PURE__ */ new Map();
    const start = ({ job }) => {
      const context = this.parentOf(job);
      const span = this.tracer.startSpan(
        `run ${job.type}`,
        {
          kind: api.SpanKind.CONSUMER,
          attributes: { ...jobAttributes(job), "hangar.job.id": job.id, "hangar.job.attempt": job.attempts }
        },
        context
      );
      open.get(job.id)?.end();
      open.set(job.id, span);
    };
    const end = (job, outcome, error) => {
      const span = open.get(job.id);
      if (!span) return;
      open.delete(job.id);
      span.setAttribute("hangar.attempt.outcome", outcome);
      if (error !== void 0) span.setStatus({ code: api.SpanStatusCode.ERROR, message: error });
      span.end();
    };
    const firstCode = (info) => info[0]?.code ?? "error";
    const handlers = {
      "job:started": start,
      "job:succeeded": ({ job }) => end(job, "succeeded"),
      "job:failed": ({ job, errorInfo }) => end(job, "failed", firstCode(errorInfo)),
      "job:retrying": ({ job, errorInfo }) => end(job, "retrying", firstCode(errorInfo)),
      "job:cancelled": ({ job }) => end(job, "cancelled")
    };
    for (const [name, handler] of Object.entries(handlers))
      events.on(name, handler);
    return () => {
      for (const [name, handler] of Object.entries(handlers))
        events.off(name, handler);
      for (const span of open.values()) {
        span.setAttribute("hangar.attempt.outcome", "released");
        span.end();
      }
      open.clear();
    };
  }
  /** The context of the job's enqueue span, read back from its metadata; the root context without one. */
  parentOf(job) {
    const parent = parseTraceParent(job.metadata?.[TRACEPARENT_KEY]);
    if (!parent) return this.api.ROOT_CONTEXT;
    return this.api.trace.setSpanContext(this.api.ROOT_CONTEXT, { ...parent, isRemote: true });
  }
};

// src/tracing/tracing-options.ts
import { ConfigurationError as ConfigurationError4 } from "@hangar/core";
var TRACING_DEFAULTS = { tracerName: "@hangar/runner" };
function resolveTracingOptions(options) {
  if (options === void 0 || options === false) return void 0;
  const given = options === true ? {} : options;
  if (typeof given !== "object" || given === null) {
    throw new ConfigurationError4("tracing", "pass true, or { tracerProvider, tracerName }");
  }
  if (given.tracerProvider !== void 0 && typeof given.tracerProvider?.getTracer !== "function") {
    throw new ConfigurationError4(
      "tracing.tracerProvider",
      "pass an OpenTelemetry TracerProvider (with getTracer)"
    );
  }
  const tracerName = given.tracerName ?? TRACING_DEFAULTS.tracerName;
  if (typeof tracerName !== "string" || tracerName === "") {
    throw new ConfigurationError4("tracing.tracerName", "give a non-empty name");
  }
  return { tracerProvider: given.tracerProvider, tracerName };
}

// src/triggers/trigger-manager.ts
import {
  supportsTriggers,
  TriggerNotFoundError,
  TriggersUnsupportedError
} from "@hangar/core";

// src/triggers/trigger-input.ts
import {
  ConfigurationError as ConfigurationError5,
  TRIGGER_END_STATES
} from "@hangar/core";
function text(field, value) {
  if (typeof value !== "string" || value.trim() === "") {
    throw new ConfigurationError5(
      field,
      `must be a non-empty string, got ${JSON.stringify(value) ?? "nothing"}`
    );
  }
  return value;
}
function checkTriggerInput(input) {
  text("name", input?.name);
  const on = input.on;
  if (!on || typeof on !== "object") throw new ConfigurationError5("on", "must say which job ends fire it");
  const type = text("on.type", on.type);
  const states = on.states;
  if (!Array.isArray(states) || states.length === 0) {
    throw new ConfigurationError5("on.states", `give at least one of ${TRIGGER_END_STATES.join(", ")}`);
  }
  for (const [i, state] of states.entries()) {
    if (!TRIGGER_END_STATES.includes(state)) {
      throw new ConfigurationError5(
        `on.states[${i}]`,
        `"${String(state)}" is not one of ${TRIGGER_END_STATES.join(", ")}`
      );
    }
  }
  const event = { type, states: [...new Set(states)] };
  if (on.customerId !== void 0) event.customerId = text("on.customerId", on.customerId);
  if (on.metadata !== void 0) {
    if (on.metadata === null || typeof on.metadata !== "object" || Array.isArray(on.metadata)) {
      throw new ConfigurationError5("on.metadata", "must be an object of string values");
    }
    for (const [key, value] of Object.entries(on.metadata)) {
      if (typeof value !== "string") {
        throw new ConfigurationError5(`on.metadata.${key}`, `must be a string, got ${JSON.stringify(value)}`);
      }
    }
    event.metadata = { ...on.metadata };
  }
  const job = input.job;
  if (!job || typeof job !== "object") throw new ConfigurationError5("job", "must say which job to enqueue");
  const stored = { type: text("job.type", job.type) };
  if (job.queue !== void 0) stored.queue = text("job.queue", job.queue);
  if (job.priority !== void 0) {
    if (!Number.isSafeInteger(job.priority)) {
      throw new ConfigurationError5("job.priority", `must be an integer, got ${String(job.priority)}`);
    }
    stored.priority = job.priority;
  }
  return { on: event, job: stored };
}

// src/triggers/trigger-manager.ts
var TriggerManager = class {
  constructor(queue, registry) {
    this.queue = queue;
    this.registry = registry;
  }
  queue;
  registry;
  /** The adapter's trigger storage; `TriggersUnsupportedError` when it has none. */
  get store() {
    if (!supportsTriggers(this.queue)) throw new TriggersUnsupportedError(this.queue.name);
    return this.queue;
  }
  /** One trigger, or undefined. */
  async get(name) {
    return this.store.getTrigger(name);
  }
  /** Every trigger, by name. */
  async list() {
    return this.store.listTriggers();
  }
  /**
   * Creates or replaces a trigger; its shape (`ConfigurationError` naming the field) and its
   * job's parameters (`ParamsValidationError`) are checked first and nothing is stored when
   * either is wrong. A replaced trigger keeps where it stands, so ends that happened while no
   * runner was alive still fire it; one that was paused and is saved unpaused starts from now.
   */
  async upsert(input, now = /* @__PURE__ */ new Date()) {
    const { on, job } = checkTriggerInput(input);
    const params = this.registry.validate(job.type, input.job.params);
    const existing = await this.store.getTrigger(input.name);
    const paused = input.paused ?? existing?.paused ?? false;
    const fresh = !existing || existing.paused && !paused;
    const record = {
      name: input.name,
      on,
      job: { ...job, params },
      paused,
      since: fresh ? new Date(now) : existing.since,
      cursor: fresh ? { at: new Date(now) } : existing.cursor,
      lastFiredAt: existing?.lastFiredAt ?? null
    };
    await this.store.saveTrigger(record);
    return record;
  }
  /** Stops a trigger from firing until resumed; `TriggerNotFoundError` when there is none. */
  async pause(name) {
    const trigger = await this.require(name);
    trigger.paused = true;
    await this.store.saveTrigger(trigger);
    return trigger;
  }
  /**
   * Resumes a paused trigger from now: jobs that ended while it was paused do not fire it.
   * `TriggerNotFoundError` when there is none.
   */
  async resume(name, now = /* @__PURE__ */ new Date()) {
    const trigger = await this.require(name);
    if (!trigger.paused) return trigger;
    trigger.paused = false;
    trigger.since = new Date(now);
    trigger.cursor = { at: new Date(now) };
    await this.store.saveTrigger(trigger);
    return trigger;
  }
  /** Deletes a trigger; false if there was none. */
  async delete(name) {
    return this.store.deleteTrigger(name);
  }
  async require(name) {
    const trigger = await this.store.getTrigger(name);
    if (!trigger) throw new TriggerNotFoundError(name);
    return trigger;
  }
};

// src/workflows/workflow-view.ts
var ENDED = ["Succeeded", "Failed", "Cancelled", "Skipped"];
var CONDITIONS = ["success", "failure", "end"];
function declaredSteps(job) {
  const steps = job.params?.steps;
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((s) => {
    const { id, type, after, on, when } = s ?? {};
    if (typeof id !== "string" || typeof type !== "string") return [];
    return [
      {
        id,
        type,
        after: Array.isArray(after) ? after.filter((a) => typeof a === "string") : [],
        on: CONDITIONS.find((c) => c === on) ?? "success",
        when: readWhen(when)
      }
    ];
  });
}
function readWhen(when) {
  if (when === null || typeof when !== "object") return void 0;
  const { step, path, op, value } = when;
  if (typeof step !== "string" || typeof op !== "string") return void 0;
  const scalar = value === null || ["string", "number", "boolean"].includes(typeof value) ? value : void 0;
  return { step, path: typeof path === "string" ? path : "", op, value: scalar };
}
function workflowView(job, stepJobs) {
  const byStep = /* @__PURE__ */ new Map();
  for (const s of stepJobs) {
    const step = s.metadata?.step;
    if (typeof step === "string") byStep.set(step, s);
  }
  const finished = job.state === "Succeeded" || job.state === "Failed" || job.state === "Cancelled";
  const steps = declaredSteps(job).map((declared) => {
    const stepJob = byStep.get(declared.id);
    return {
      ...declared,
      state: stepJob?.state ?? (finished ? "Skipped" : "Waiting"),
      jobId: stepJob?.id,
      progress: stepJob?.progress,
      result: stepJob?.result?.result,
      errorInfo: stepJob?.errorInfo
    };
  });
  const name = job.params?.name;
  return {
    id: job.id,
    name: typeof name === "string" ? name : job.type,
    state: job.state,
    customerId: job.customerId,
    done: steps.filter((s) => ENDED.includes(s.state)).length,
    total: steps.length,
    steps,
    current: steps.filter((s) => s.state === "Processing"),
    result: job.result?.result,
    errorInfo: job.errorInfo,
    job
  };
}

// src/workflows/workflow-operations.ts
import {
  isTerminalState,
  JobNotFoundError,
  JobStateConflictError
} from "@hangar/core";
var WorkflowOperations = class {
  constructor(host) {
    this.host = host;
  }
  host;
  /** The workflow, its steps, progress and outputs; undefined when missing or another tenant's. */
  async get(id, options = {}) {
    const job = await this.host.queue.get(id, options);
    if (!job) return void 0;
    return workflowView(job, await this.stepJobs(job));
  }
  /** Cancels the workflow job and every step of it still waiting or running. */
  async cancel(id, options = {}) {
    const job = await this.host.queue.get(id, options);
    if (!job) throw new JobNotFoundError(id);
    const workflow = await this.host.queue.requestCancel(id, options);
    let steps = 0;
    for (const step of await this.stepJobs(job)) {
      if (isTerminalState(step.state)) continue;
      const outcome = await this.host.queue.requestCancel(step.id, { customerId: job.customerId });
      if (outcome === "cancelled" || outcome === "requested") steps++;
    }
    return { workflow, steps };
  }
  /**
   * Runs a Failed or Cancelled step again, then the ended workflow job, which finds the steps that
   * succeeded where they are (never run again), waits for this one and goes on with the steps
   * after it. `JobStateConflictError` while the workflow is still running (wait for it to end) or
   * for a step that is not Failed or Cancelled; `JobNotFoundError` for a step never submitted.
   */
  async retryStep(id, stepId, options = {}) {
    const job = await this.host.queue.get(id, options);
    if (!job) throw new JobNotFoundError(id);
    if (!isTerminalState(job.state)) throw new JobStateConflictError(id, job.state, "retry-step");
    const [step] = await this.jobsLabelled(job, { workflowId: id, step: stepId });
    if (!step) throw new JobNotFoundError(`${id}/${stepId}`);
    await this.host.retry(step.id, options);
    if (job.state !== "Succeeded") await this.host.retry(id, options);
    return await this.get(id, options);
  }
  /** Every job of the workflow, all pages. */
  stepJobs(job) {
    return this.jobsLabelled(job, { workflowId: job.id });
  }
  /**
   * The tenant's jobs with these labels, all pages: an adapter may filter labels after its scan
   * (Redis), so a page can come back short, or empty, with more to come.
   */
  async jobsLabelled(job, metadata) {
    const out = [];
    let cursor;
    do {
      const page = await this.host.queue.list({ customerId: job.customerId, metadata, limit: 1e3, cursor });
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== void 0);
    return out;
  }
};

// src/client/hangar-client.ts
import {
  ConfigurationError as ConfigurationError6,
  isTerminalState as isTerminalState2,
  JobNotFoundError as JobNotFoundError2,
  JobStateConflictError as JobStateConflictError2,
  JobTypeMismatchError,
  parentConditionHolds,
  safeEmit,
  silentLogger
} from "@hangar/core";
import { EventEmitter } from "eventemitter3";
var HangarClient = class {
  constructor(queue, registry, logger = silentLogger, tracing) {
    this.queue = queue;
    this.registry = registry;
    this.logger = logger;
    this.tracingOptions = resolveTracingOptions(tracing);
    this.workflows = new WorkflowOperations(this);
    this.schedules = new ScheduleManager(
      queue,
      registry,
      (type, params, options) => this.enqueue(type, params, options)
    );
    this.triggers = new TriggerManager(queue, registry);
  }
  queue;
  registry;
  /** Typed events of this client (`job:enqueued`). */
  events = new EventEmitter();
  /** Recurring schedules. */
  schedules;
  /** Workflows: a job plus the jobs carrying its id as `metadata.workflowId`. */
  workflows;
  /** Event triggers: jobs enqueued when other jobs end. */
  triggers;
  logger;
  tracingOptions;
  tracingLoad;
  async enqueue(typeOrDefinition, params, options = {}) {
    const type = typeof typeOrDefinition === "string" ? typeOrDefinition : typeOrDefinition.type;
    const [result] = await this.enqueueMany([{ type, params, options }], {
      transaction: options.transaction,
      signal: options.signal
    });
    return result;
  }
  /** Validates every job first, then enqueues them all in one call, or none. */
  async enqueueMany(jobs, common = {}) {
    const requests = jobs.map(({ type, params, options = {} }) => {
      const def = this.registry.get(type);
      const valid = this.registry.validate(type, params);
      if (options.priority !== void 0 && !Number.isInteger(options.priority)) {
        throw new ConfigurationError6("priority", `must be an integer, got ${options.priority}`);
      }
      const runAt = options.runAt ?? (options.delayMs ? new Date(Date.now() + options.delayMs) : void 0);
      return {
        type,
        params: valid,
        queue: options.queue ?? def.defaultQueue ?? "default",
        priority: options.priority,
        runAt,
        maxAttempts: options.maxAttempts ?? this.registry.retryPolicy(type).maxAttempts,
        customerId: options.customerId,
        userId: options.userId,
        idempotencyKey: options.idempotencyKey,
        concurrencyKey: def.concurrencyKey?.(valid),
        parentId: options.parentId,
        parents: options.parents,
        timeoutMs: def.timeoutMs,
        metadata: options.metadata
      };
    });
    const tracing = await this.tracing();
    const results = tracing ? await tracing.enqueue(requests, (traced) => this.queue.enqueueMany(traced, common)) : await this.queue.enqueueMany(requests, common);
    const announce = this.events.listenerCount("job:enqueued") > 0;
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      if (!r?.created) continue;
      this.registry.validated.remember(r.id, requests[i]?.params);
      if (announce) safeEmit(this.events, this.logger, "job:enqueued", { job: r.job });
    }
    return results;
  }
  /**
   * The OpenTelemetry spans of this client and its runner, or undefined when tracing is off;
   * `@opentelemetry/api` is loaded on first use (a `ConfigurationError` naming `tracing` says to
   * install it when missing).
   */
  tracing() {
    if (!this.tracingOptions) return Promise.resolve(void 0);
    this.tracingLoad ??= JobTracing.create(this.tracingOptions);
    return this.tracingLoad;
  }
  /** One job; with `customerId`, another customer's job is not found. */
  async get(id, options = {}) {
    return this.queue.get(id, options);
  }
  /** The job's progress and messages in order. */
  async getLog(id, options = {}) {
    return this.queue.getLog(id, options);
  }
  /** Cancels a job: a queued job never runs; a running one is stopped and ends Cancelled. */
  async cancel(id, options = {}) {
    return this.queue.requestCancel(id, options);
  }
  /**
   * Runs a Failed or Cancelled job again: the same job (same id, log and attempt count, its last
   * errors kept until the next attempt) goes back on its queue, runnable now, with as many
   * attempts again as its type's retry policy allows. A job with a parent that has not ended as
   * its condition asks (one still running, or retried and running again, or ended the other way)
   * is refused: that parent has to end so first. Retrying a parent does not revive children
   * cancelled on its first ending; retry them once it has ended as they need. `JobNotFoundError` for a missing (or another customer's)
   * job, `JobStateConflictError` for a job that is not Failed or Cancelled.
   */
  async retry(id, options = {}) {
    const job = await this.queue.get(id, options);
    if (!job) throw new JobNotFoundError2(id);
    for (const { id: parentId, on } of job.parents) {
      const parent = await this.queue.get(parentId);
      if (parent && !(isTerminalState2(parent.state) && parentConditionHolds(on, parent.state))) {
        throw new JobStateConflictError2(id, parent.state, "retry-parent", parent.id, on);
      }
    }
    const attempts = this.registry.has(job.type) ? this.registry.retryPolicy(job.type).maxAttempts : 1;
    const result = await this.queue.retryJob(id, { attempts, customerId: options.customerId });
    if (result.outcome === "not-found") throw new JobNotFoundError2(id);
    if (result.outcome === "not-retryable") throw new JobStateConflictError2(id, result.state, "retry");
    safeEmit(this.events, this.logger, "job:retried", { job: result.job });
    return result.job;
  }
  /**
   * Deletes a finished job with its log. `JobNotFoundError` for a missing (or another
   * customer's) job, `JobStateConflictError` for one that is waiting or running (cancel it first).
   */
  async delete(id, options = {}) {
    const outcome = await this.queue.deleteJob(id, options);
    if (outcome === "not-found") throw new JobNotFoundError2(id);
    if (outcome === "not-finished") {
      const job = await this.queue.get(id, options);
      throw new JobStateConflictError2(id, job?.state ?? "Processing", "delete");
    }
    safeEmit(this.events, this.logger, "job:deleted", { jobId: id });
  }
  /** A workflow read as one unit (state, steps, done/total, current steps' progress, outputs). */
  getWorkflow(id, options = {}) {
    return this.workflows.get(id, options);
  }
  /** Cancels a workflow: its job and every step still waiting or running. */
  cancelWorkflow(id, options = {}) {
    return this.workflows.cancel(id, options);
  }
  /** Retries a Failed or Cancelled step of an ended workflow without rerunning the steps that succeeded. */
  retryWorkflowStep(id, stepId, options = {}) {
    return this.workflows.retryStep(id, stepId, options);
  }
  /** Jobs matching the filter, newest first. */
  async list(filter = {}) {
    return this.queue.list(filter);
  }
  async waitFor(idOrDefinition, idOrOptions, maybeOptions = {}) {
    if (typeof idOrDefinition === "string") {
      return this.waitForId(idOrDefinition, typeof idOrOptions === "object" ? idOrOptions : {});
    }
    const id = String(idOrOptions);
    const job = await this.waitForId(id, maybeOptions);
    if (job.type !== idOrDefinition.type) throw new JobTypeMismatchError(id, idOrDefinition.type, job.type);
    return job;
  }
  async waitForId(id, options) {
    const { signal, customerId, pollMs = 1e3 } = options;
    signal?.throwIfAborted();
    return new Promise((resolve, reject) => {
      let done = false;
      let timer;
      let unsubscribe;
      const finish = (error, job) => {
        if (done) return;
        done = true;
        if (timer) clearInterval(timer);
        signal?.removeEventListener("abort", onAbort);
        void unsubscribe?.();
        if (job) resolve(job);
        else reject(error);
      };
      const check = async () => {
        try {
          const job = await this.queue.get(id, { customerId });
          if (!job) finish(new JobNotFoundError2(id));
          else if (isTerminalState2(job.state)) finish(void 0, job);
        } catch (error) {
          finish(error);
        }
      };
      const onAbort = () => finish(signal?.reason);
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.subscribe((change) => {
        if (change.jobId === id && change.kind === "state" && change.state && isTerminalState2(change.state))
          void check();
      }).then(
        (off) => {
          unsubscribe = off;
          if (done) void off();
          timer = setInterval(() => void check(), pollMs);
          void check();
        },
        (error) => finish(error)
      );
    });
  }
};
function createClient(options) {
  if (!options || typeof options.queue?.enqueue !== "function") {
    throw new ConfigurationError6("queue", "pass a queue adapter, e.g. `new MemoryQueue()`");
  }
  return new HangarClient(
    options.queue,
    new JobRegistry(options.plugins, options.jobs),
    options.logger,
    options.tracing
  );
}

// src/container/plugin-container.ts
import { randomUUID } from "crypto";
import { Container } from "typedi";
var PluginContainer = class {
  id = `hangar-${randomUUID()}`;
  container = Container.of(this.id);
  constructor(plugins, extra) {
    for (const plugin of plugins) for (const reg of plugin.services ?? []) this.register(reg);
    for (const reg of extra) this.register(reg);
  }
  /** Registers one service; a later registration of the same token replaces the earlier one. */
  register(reg) {
    if ("value" in reg) {
      this.container.set({ id: reg.token.name, value: reg.value });
    } else {
      const factory = reg.factory;
      this.container.set({ id: reg.token.name, factory: () => factory(this) });
    }
  }
  get(token) {
    if (!this.container.has(token.name)) {
      throw new Error(
        `Service "${token.name}" is not registered: add the plugin that provides it or pass it in \`services\``
      );
    }
    return this.container.get(token.name);
  }
  has(token) {
    return this.container.has(token.name);
  }
  /** Drops the container and its service instances. */
  async dispose() {
    Container.reset(this.id);
  }
};

// src/options/runner-options.ts
import {
  ConfigurationError as ConfigurationError7
} from "@hangar/core";

// src/logging/stderr-logger.ts
var LEVELS = { debug: 20, info: 30, warn: 40, error: 50 };
function errorFields(value) {
  if (!(value instanceof Error)) return value;
  const code = value.code;
  return {
    type: value.name,
    message: value.message,
    ...code === void 0 ? {} : { code },
    stack: value.stack
  };
}
function stderrLogger(level = "warn", bindings = {}, stream = process.stderr) {
  const threshold = LEVELS[level];
  const at = (name) => (fieldsOrMsg, msg) => {
    if (LEVELS[name] < threshold) return;
    const fields = typeof fieldsOrMsg === "string" ? {} : fieldsOrMsg;
    const text2 = typeof fieldsOrMsg === "string" ? fieldsOrMsg : msg;
    const entry = { level: name, time: (/* @__PURE__ */ new Date()).toISOString(), ...bindings, ...fields };
    if ("err" in entry) entry.err = errorFields(entry.err);
    if ("error" in entry) entry.error = errorFields(entry.error);
    if (text2 !== void 0) entry.msg = text2;
    stream.write(`${JSON.stringify(entry)}
`);
  };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (more) => stderrLogger(level, { ...bindings, ...more }, stream)
  };
}

// src/options/runner-options.ts
var RUNNER_DEFAULTS = {
  plugins: [],
  jobs: [],
  concurrency: 4,
  leaseMs: 3e4,
  pollIntervalMs: 1e3,
  recoveryIntervalMs: 5e3,
  schedulerIntervalMs: 1e3,
  triggerSettleMs: 1e3,
  shutdownGraceMs: 1e4,
  abortGraceMs: 5e3,
  retention: {
    succeededMs: 7 * 864e5,
    cancelledMs: 7 * 864e5,
    failedMs: 30 * 864e5,
    batchSize: 1e3
  },
  cleanupIntervalMs: 6e4,
  services: [],
  logger: stderrLogger("warn"),
  handleSignals: false
};
function positive(name, value, min = 1) {
  if (!Number.isFinite(value) || value < min) {
    throw new ConfigurationError7(name, `must be a number \u2265 ${min}, got ${String(value)}`);
  }
}
function wholeNumber(name, value, min = 1) {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new ConfigurationError7(name, `must be a whole number \u2265 ${min}, got ${String(value)}`);
  }
}
function resolveRunnerOptions(options) {
  if (!options || typeof options.queue?.claim !== "function") {
    throw new ConfigurationError7("queue", "pass a queue adapter, e.g. `new MemoryQueue()`");
  }
  const concurrency = options.concurrency ?? RUNNER_DEFAULTS.concurrency;
  wholeNumber("concurrency", concurrency);
  const leaseMs = options.leaseMs ?? RUNNER_DEFAULTS.leaseMs;
  wholeNumber("leaseMs", leaseMs, 100);
  const heartbeatMs = options.heartbeatMs ?? Math.floor(leaseMs / 3);
  positive("heartbeatMs", heartbeatMs, 10);
  if (heartbeatMs >= leaseMs) {
    throw new ConfigurationError7(
      "heartbeatMs",
      `must be shorter than leaseMs (${leaseMs}); a third of it is usual`
    );
  }
  const queues = options.queues ?? { default: concurrency };
  if (Object.keys(queues).length === 0)
    throw new ConfigurationError7("queues", "name at least one queue to serve");
  for (const [name, n] of Object.entries(queues)) wholeNumber(`queues.${name}`, n);
  const resolved = {
    ...RUNNER_DEFAULTS,
    ...stripUndefined(options),
    queue: options.queue,
    concurrency,
    leaseMs,
    heartbeatMs,
    queues,
    jobTypes: options.jobTypes,
    maxPerCustomer: options.maxPerCustomer,
    workerId: options.workerId,
    tracing: resolveTracingOptions(options.tracing)
  };
  for (const key of [
    "pollIntervalMs",
    "recoveryIntervalMs",
    "schedulerIntervalMs",
    "cleanupIntervalMs"
  ]) {
    positive(key, resolved[key], 10);
  }
  wholeNumber("triggerSettleMs", resolved.triggerSettleMs, 0);
  positive("shutdownGraceMs", resolved.shutdownGraceMs, 0);
  positive("abortGraceMs", resolved.abortGraceMs, 0);
  if (resolved.maxPerCustomer !== void 0) wholeNumber("maxPerCustomer", resolved.maxPerCustomer);
  return resolved;
}
function stripUndefined(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0));
}

// src/submitter/runner-job-submitter.ts
import {
  ConfigurationError as ConfigurationError8,
  JobNotFoundError as JobNotFoundError3
} from "@hangar/core";

// src/submitter/runner-job-watch.ts
import {
  isTerminalState as isTerminalState3
} from "@hangar/core";
var EARLY_ENDS_KEPT = 1e5;
var RunnerJobWatch = class _RunnerJobWatch {
  constructor(queue, customerId, checkEveryMs) {
    this.queue = queue;
    this.customerId = customerId;
    this.checkEveryMs = checkEveryMs;
  }
  queue;
  customerId;
  checkEveryMs;
  watched = /* @__PURE__ */ new Set();
  ended = /* @__PURE__ */ new Map();
  earlyEnds = /* @__PURE__ */ new Map();
  wake;
  unsubscribe;
  checkCursor = 0;
  /** Subscribes first, so that every end after this resolves is heard. */
  static async open(queue, customerId, checkEveryMs) {
    const watch = new _RunnerJobWatch(queue, customerId, checkEveryMs);
    watch.unsubscribe = await queue.subscribe((change) => {
      if (change.kind === "state" && change.state !== void 0 && isTerminalState3(change.state))
        watch.heard(change.jobId, change.state);
    });
    return watch;
  }
  add(ids) {
    for (const id of ids) {
      const early = this.earlyEnds.get(id);
      if (early === void 0) this.watched.add(id);
      else {
        this.earlyEnds.delete(id);
        this.ended.set(id, early);
      }
    }
    if (this.ended.size > 0) this.wake?.();
  }
  async next(options = {}) {
    const { signal } = options;
    while (this.ended.size === 0) {
      signal?.throwIfAborted();
      await new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", done);
          this.wake = void 0;
          resolve();
        };
        const timer = setTimeout(() => void this.check().then(done, done), this.checkEveryMs);
        signal?.addEventListener("abort", done, { once: true });
        this.wake = done;
      });
    }
    const out = [...this.ended].map(([id, state]) => ({ id, state }));
    this.ended.clear();
    return out;
  }
  async close() {
    this.wake?.();
    await this.unsubscribe?.();
  }
  heard(id, state) {
    if (this.watched.delete(id)) {
      this.ended.set(id, state);
      this.wake?.();
      return;
    }
    this.earlyEnds.set(id, state);
    if (this.earlyEnds.size > EARLY_ENDS_KEPT) {
      const oldest = this.earlyEnds.keys().next().value;
      if (oldest !== void 0) this.earlyEnds.delete(oldest);
    }
  }
  /** Reads a few watched jobs, in turn, for an end whose change was lost. */
  async check() {
    const ids = [...this.watched];
    if (ids.length === 0) return;
    const start = this.checkCursor % ids.length;
    const batch = ids.slice(start, start + 50);
    this.checkCursor = start + batch.length;
    for (const id of batch) {
      const job = await this.queue.get(id, { customerId: this.customerId });
      const state = job === void 0 ? "Cancelled" : job.state;
      if (isTerminalState3(state) && this.watched.delete(id)) this.ended.set(id, state);
    }
  }
};

// src/submitter/runner-job-submitter.ts
var RunnerJobSubmitter = class {
  constructor(client, checkEveryMs = 2e3) {
    this.client = client;
    this.checkEveryMs = checkEveryMs;
  }
  client;
  checkEveryMs;
  async submit(ctx, type, params, options = {}) {
    const { signal, parents, ...rest } = options;
    const [job] = await this.submitAll(ctx, [{ ...rest, type, params, parents }], { signal });
    return job;
  }
  /**
   * Validates every request first (nothing is stored when one is bad). Requests without a parent
   * among the same call are enqueued in one atomic adapter call; a request naming an earlier one
   * by `index` is enqueued after it, in a later call, so a crash between the calls can leave the
   * first ones alone: give idempotency keys, and submitting again completes the set without
   * duplicating any job.
   */
  async submitAll(ctx, jobs, options = {}) {
    const { signal } = options;
    for (const [i, job] of jobs.entries()) {
      this.client.registry.validate(job.type, job.params);
      for (const [p, parent] of (job.parents ?? []).entries()) {
        if ("index" in parent && !(Number.isInteger(parent.index) && parent.index >= 0 && parent.index < i)) {
          throw new ConfigurationError8(
            `jobs.${i}.parents.${p}.index`,
            `must name an earlier job of the same call (0 to ${i - 1}), got ${String(parent.index)}`
          );
        }
      }
    }
    await this.checkParentsVisible(ctx, jobs);
    const levels = levelsOf(jobs);
    const records = new Array(jobs.length);
    for (const level of levels) {
      signal?.throwIfAborted();
      const results = await this.client.enqueueMany(
        level.map((i) => {
          const job = jobs[i];
          return { type: job.type, params: job.params, options: this.enqueueOptions(ctx, job, records) };
        }),
        { signal }
      );
      for (const [k, i] of level.entries()) records[i] = results[k].job;
    }
    return records;
  }
  async get(ctx, id) {
    const job = await this.client.get(id, { customerId: ctx.customerId });
    if (job && job.customerId !== ctx.customerId) return void 0;
    return job;
  }
  validate(type, params) {
    return this.client.registry.validate(type, params);
  }
  watch(ctx) {
    return RunnerJobWatch.open(this.client.queue, ctx.customerId, this.checkEveryMs);
  }
  async cancel(ctx, id) {
    if (!await this.get(ctx, id)) return "not-found";
    return this.client.cancel(id, { customerId: ctx.customerId });
  }
  async checkParentsVisible(ctx, jobs) {
    const ids = /* @__PURE__ */ new Set();
    for (const job of jobs) for (const parent of job.parents ?? []) if ("id" in parent) ids.add(parent.id);
    for (const id of ids) if (!await this.get(ctx, id)) throw new JobNotFoundError3(id);
  }
  enqueueOptions(ctx, job, records) {
    const parents = (job.parents ?? []).map(
      (parent) => "index" in parent ? { id: records[parent.index].id, on: parent.on ?? "success" } : { id: parent.id, on: parent.on ?? "success" }
    );
    return {
      queue: job.queue,
      priority: job.priority,
      runAt: job.runAt,
      idempotencyKey: job.idempotencyKey,
      metadata: job.metadata,
      customerId: ctx.customerId,
      userId: ctx.userId,
      // Every adapter takes `parents` (with conditions); `parentId` is only its shorthand.
      parents: parents.length > 0 ? parents : void 0
    };
  }
};
function levelsOf(jobs) {
  const depth = [];
  const levels = [];
  for (const [i, job] of jobs.entries()) {
    let d = 0;
    for (const parent of job.parents ?? [])
      if ("index" in parent) d = Math.max(d, (depth[parent.index] ?? 0) + 1);
    depth[i] = d;
    const level = levels[d] ?? [];
    level.push(i);
    levels[d] = level;
  }
  return levels;
}

// src/triggers/trigger-firing.ts
import {
  safeEmit as safeEmit2,
  supportsTriggers as supportsTriggers2,
  triggerMatches
} from "@hangar/core";
var DEFAULTS = { pageSize: 500, maxPages: 20, lockTtlMs: 6e4 };
function triggeredJobKey(triggerName, eventJobId) {
  return `trigger:${triggerName}:${eventJobId}`;
}
var TriggerFiring = class {
  constructor(client, events, logger, settings) {
    this.client = client;
    this.events = events;
    this.logger = logger;
    this.settings = { ...DEFAULTS, ...settings };
  }
  client;
  events;
  logger;
  settings;
  /** The triggers as of the last sweep: the fast path reads a trigger again only when one matches. */
  known = [];
  sweeping = false;
  /**
   * Whether the last sweep found any trigger: with none, a job's end has nothing to fire and
   * the runner skips `onJobEnded` (a copy of the record, a date and a promise per job).
   */
  get watching() {
    return this.known.length > 0;
  }
  get store() {
    const { queue } = this.client;
    return supportsTriggers2(queue) ? queue : void 0;
  }
  /**
   * Fires the triggers matching a job this runner just ended; returns the ids of the jobs it
   * enqueued. A matching trigger is read again first, so a pause takes effect at once.
   */
  async onJobEnded(job, state, endedAt = /* @__PURE__ */ new Date()) {
    const ended = { ...job, state };
    const candidates = this.known.filter((t) => !t.paused && triggerMatches(t, ended));
    const store = this.store;
    if (candidates.length === 0 || !store) return [];
    const fired = [];
    try {
      for (const candidate of candidates) {
        const trigger = await store.getTrigger(candidate.name);
        if (!trigger || trigger.paused || !triggerMatches(trigger, ended)) continue;
        if (endedAt <= trigger.since) continue;
        fired.push(...await this.fire(trigger, [ended]));
      }
    } catch (error) {
      safeEmit2(this.events, this.logger, "worker:error", { error, context: "event triggers" });
    }
    return fired;
  }
  /** Reads the triggers and sweeps each one; returns the ids of the jobs it enqueued. */
  async sweep() {
    const store = this.store;
    if (this.sweeping || !store) return [];
    this.sweeping = true;
    const fired = [];
    try {
      this.known = await store.listTriggers();
      for (const trigger of this.known) {
        if (trigger.paused || !this.client.registry.has(trigger.job.type)) continue;
        try {
          fired.push(...await this.sweepOne(store, trigger));
        } catch (error) {
          safeEmit2(this.events, this.logger, "worker:error", {
            error,
            context: `event trigger "${trigger.name}"`
          });
        }
      }
    } catch (error) {
      safeEmit2(this.events, this.logger, "worker:error", { error, context: "event triggers" });
    } finally {
      this.sweeping = false;
    }
    return fired;
  }
  async sweepOne(store, trigger) {
    const { owner, lockTtlMs, maxPages, pageSize, settleMs } = this.settings;
    const lock = `hangar:trigger:${trigger.name}`;
    if (!await store.acquireLock(lock, owner, lockTtlMs)) return [];
    const fired = [];
    try {
      let cursor = trigger.cursor;
      for (let page = 0; page < maxPages; page++) {
        const found = await store.listFinishedJobs({
          after: cursor,
          settledMs: settleMs,
          types: [trigger.on.type],
          states: trigger.on.states,
          customerId: trigger.on.customerId,
          limit: pageSize
        });
        if (!found.reached) break;
        const matching = found.jobs.filter((job) => triggerMatches(trigger, job));
        fired.push(...await this.fire(trigger, matching));
        const moved = await store.advanceTrigger(
          trigger.name,
          cursor,
          found.reached,
          matching.length > 0 ? /* @__PURE__ */ new Date() : null
        );
        if (!moved || !found.more) break;
        cursor = found.reached;
      }
    } finally {
      await store.releaseLock(lock, owner).catch(() => false);
    }
    return fired;
  }
  /** Enqueues the trigger's job once per ended job; returns the ids of the jobs created now. */
  async fire(trigger, ended) {
    if (ended.length === 0) return [];
    if (!this.client.registry.has(trigger.job.type)) return [];
    const results = await this.client.enqueueMany(
      ended.map((event) => ({
        type: trigger.job.type,
        params: trigger.job.params,
        options: {
          queue: trigger.job.queue,
          priority: trigger.job.priority,
          // The ended job's tenant is the authority: the triggered job is that customer's.
          customerId: event.customerId,
          idempotencyKey: triggeredJobKey(trigger.name, event.id),
          metadata: { trigger: trigger.name, triggerEvent: event.id }
        }
      }))
    );
    const created = [];
    results.forEach((result, i) => {
      if (!result.created) return;
      created.push(result.id);
      const eventJobId = ended[i]?.id ?? "";
      safeEmit2(this.events, this.logger, "trigger:fired", {
        name: trigger.name,
        jobId: result.id,
        eventJobId
      });
    });
    return created;
  }
};

// src/runner/hangar-runner.ts
import { randomUUID as randomUUID2 } from "crypto";
import { hostname } from "os";
import {
  ConfigurationError as ConfigurationError10,
  jobSubmitterToken,
  safeEmit as safeEmit6
} from "@hangar/core";

// src/logging/log-runner-events.ts
function logRunnerEvents(events, logger) {
  const onFailed = ({ job, errorInfo }) => logger.warn(
    { jobId: job.id, type: job.type, attempts: job.attempts, code: errorInfo[0]?.code },
    "Job failed"
  );
  const onRetrying = ({ job, attempt, delayMs, errorInfo }) => logger.info(
    { jobId: job.id, type: job.type, attempt, delayMs, code: errorInfo[0]?.code },
    "Job attempt failed; retrying"
  );
  const onRecovered = ({ jobIds }) => logger.info({ jobIds }, "Jobs of a stopped worker handed back to the queue");
  const onWorkerError = ({ error, context }) => logger.warn({ err: error, context }, "Worker error");
  events.on("job:failed", onFailed);
  events.on("job:retrying", onRetrying);
  events.on("job:recovered", onRecovered);
  events.on("worker:error", onWorkerError);
  return () => {
    events.off("job:failed", onFailed);
    events.off("job:retrying", onRetrying);
    events.off("job:recovered", onRecovered);
    events.off("worker:error", onWorkerError);
  };
}

// src/scheduler/recurring-scheduler.ts
import { safeEmit as safeEmit3 } from "@hangar/core";
var RecurringScheduler = class {
  constructor(client, events, logger, now = () => /* @__PURE__ */ new Date()) {
    this.client = client;
    this.events = events;
    this.logger = logger;
    this.now = now;
  }
  client;
  events;
  logger;
  now;
  running = false;
  /** Enqueues every due occurrence once; returns the ids of the jobs it enqueued. */
  async tick() {
    if (this.running) return [];
    this.running = true;
    const fired = [];
    try {
      const now = this.now();
      for (const schedule of await this.client.queue.listSchedules()) {
        if (schedule.paused || !schedule.nextRunAt || schedule.nextRunAt > now) continue;
        const due = schedule.nextRunAt;
        const next = nextCronRun(schedule.cron, schedule.timezone, now);
        if (!await this.client.queue.advanceSchedule(schedule.name, due, next, now)) continue;
        if (!this.client.registry.has(schedule.type)) {
          this.logger.warn(
            { schedule: schedule.name, type: schedule.type },
            "Schedule names an unknown job type"
          );
          continue;
        }
        const { id } = await this.client.enqueue(schedule.type, schedule.params, {
          ...schedule.options,
          idempotencyKey: `schedule:${schedule.name}:${due.toISOString()}`
        });
        fired.push(id);
        safeEmit3(this.events, this.logger, "schedule:fired", { name: schedule.name, jobId: id, at: due });
      }
    } catch (error) {
      safeEmit3(this.events, this.logger, "worker:error", { error, context: "recurring schedules" });
    } finally {
      this.running = false;
    }
    return fired;
  }
};

// src/worker/worker-pool.ts
import {
  errorInfoFromError as errorInfoFromError2,
  isWakeUp,
  JobCancelledError as JobCancelledError2,
  safeEmit as safeEmit5
} from "@hangar/core";

// src/worker/attempt-recorder.ts
import {
  retryDelayMs,
  safeEmit as safeEmit4
} from "@hangar/core";
var AttemptRecorder = class {
  constructor(queue, workerId, registry, events, logger) {
    this.queue = queue;
    this.workerId = workerId;
    this.registry = registry;
    this.events = events;
    this.logger = logger;
  }
  queue;
  workerId;
  registry;
  events;
  logger;
  /** Records one attempt's outcome: complete, cancel, hand back, retry or fail the job. */
  async record(job, outcome) {
    const { queue: q, workerId } = this;
    switch (outcome.kind) {
      case "succeeded":
        if (await q.complete(job.id, workerId, outcome.result)) this.succeeded(job, outcome.result);
        return;
      case "cancelled":
        if (await q.markCancelled(job.id, workerId, outcome.result)) {
          safeEmit4(this.events, this.logger, "job:cancelled", { job });
        }
        return;
      case "released":
        await q.release(job.id, workerId);
        return;
      case "lease-lost":
        this.logger.warn({ jobId: job.id }, "Lease lost; another worker has the job now");
        return;
      case "failed":
        return this.recordFailure(job, outcome);
    }
  }
  /** Tells the listeners, if any, of a success the queue confirmed (`complete` returned true). */
  succeeded(job, result) {
    if (this.events.listenerCount("job:succeeded") > 0) {
      safeEmit4(this.events, this.logger, "job:succeeded", { job, result });
    }
  }
  async recordFailure(job, outcome) {
    const { queue: q, workerId } = this;
    const maxAttempts = Math.min(job.maxAttempts, Number.MAX_SAFE_INTEGER);
    if (outcome.retryable && job.attempts < maxAttempts) {
      const delayMs = retryDelayMs(this.registry.retryPolicy(job.type), job.attempts);
      const retryAt = new Date(Date.now() + delayMs);
      if (await q.fail(job.id, workerId, { errorInfo: outcome.errorInfo, retryAt })) {
        safeEmit4(this.events, this.logger, "job:retrying", {
          job,
          attempt: job.attempts,
          delayMs,
          errorInfo: outcome.errorInfo
        });
      }
      return;
    }
    if (await q.fail(job.id, workerId, { errorInfo: outcome.errorInfo })) {
      safeEmit4(this.events, this.logger, "job:failed", { job, errorInfo: outcome.errorInfo });
    }
  }
};

// src/worker/isolation/thread-pool.ts
import { Worker } from "worker_threads";

// src/worker/isolation/thread-entry.ts
import { existsSync } from "fs";
import { createRequire } from "module";
import { pathToFileURL } from "url";
var cached;
function threadEntry() {
  if (cached) return cached;
  const here = import.meta.url;
  if (/\.[cm]?ts$/.test(here)) {
    const tsx = pathToFileURL(
      createRequire(here).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")
    ).href;
    const script = new URL("./job-thread.ts", here).href;
    cached = {
      script: `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); })`,
      eval: true
    };
    return cached;
  }
  for (const relative of ["./worker/job-thread.js", "../worker/job-thread.js"]) {
    const url = new URL(relative, here);
    if (existsSync(url)) {
      cached = { script: url, eval: false };
      return cached;
    }
  }
  throw new Error(`The job-thread script is missing next to ${here}; reinstall @hangar/runner`);
}

// src/worker/isolation/thread-pool.ts
var IDLE_MS = 3e4;
var ThreadPool = class {
  idle = /* @__PURE__ */ new Map();
  closed = false;
  /** An idle thread of `module`, or a new one. */
  acquire(module) {
    const entry = this.idle.get(module)?.pop();
    if (entry) {
      this.forget(entry);
      entry.worker.ref();
      return entry.worker;
    }
    const { script, eval: isEval } = threadEntry();
    return new Worker(script, { eval: isEval });
  }
  /** Keeps a thread whose attempt ended by itself for the next attempt of its module. */
  release(module, worker) {
    if (this.closed) {
      void worker.terminate();
      return;
    }
    const list = this.idle.get(module) ?? [];
    this.idle.set(module, list);
    const entry = {
      worker,
      timer: setTimeout(() => entry.gone(), IDLE_MS).unref(),
      gone: () => {
        const at = list.indexOf(entry);
        if (at >= 0) list.splice(at, 1);
        this.forget(entry);
        void worker.terminate();
      }
    };
    worker.on("error", entry.gone);
    worker.on("exit", entry.gone);
    worker.unref();
    list.push(entry);
  }
  /** Terminates every idle thread; later releases terminate their thread. */
  async close() {
    this.closed = true;
    const all = [...this.idle.values()].flat();
    this.idle.clear();
    for (const entry of all) this.forget(entry);
    await Promise.all(all.map(({ worker }) => worker.terminate()));
  }
  forget(entry) {
    clearTimeout(entry.timer);
    entry.worker.off("error", entry.gone);
    entry.worker.off("exit", entry.gone);
  }
};

// src/worker/job-execution.ts
import {
  errorInfoFromError,
  HangarError,
  JobCancelledError,
  JobTerminatedError,
  JobTimeoutError,
  validateParams as validateParams2
} from "@hangar/core";

// src/worker/attempt-context.ts
var AttemptContext = class {
  constructor(host, jobId, type, attempt, customerId, userId, services) {
    this.host = host;
    this.jobId = jobId;
    this.type = type;
    this.attempt = attempt;
    this.customerId = customerId;
    this.userId = userId;
    this.services = services;
  }
  host;
  jobId;
  type;
  attempt;
  customerId;
  userId;
  services;
  childLog;
  bound;
  get signal() {
    return this.host.signal;
  }
  get log() {
    this.childLog ??= this.host.logger.child({ jobId: this.jobId, type: this.type, attempt: this.attempt });
    return this.childLog;
  }
  get progress() {
    return this.once("progress", () => (message, counts) => this.host.write("progress", message, counts));
  }
  get info() {
    return this.once("info", () => this.writer("info"));
  }
  get warn() {
    return this.once("warn", () => (message) => {
      this.host.warned(message);
      this.host.write("warning", message);
    });
  }
  get error() {
    return this.once("error", () => this.writer("error"));
  }
  get addOutputFile() {
    return this.once("addOutputFile", () => (file) => this.host.addOutputFile(file));
  }
  get checkpoint() {
    return this.once("checkpoint", () => () => {
      const stop = this.host.stopError;
      if (stop) throw stop;
    });
  }
  get lock() {
    return this.once("lock", () => (name, options) => this.host.lock(name, options));
  }
  writer(level) {
    return (message) => this.host.write(level, message);
  }
  once(name, make) {
    this.bound ??= {};
    let fn = this.bound[name];
    if (fn === void 0) {
      fn = make();
      this.bound[name] = fn;
    }
    return fn;
  }
};

// src/worker/isolation/worker-thread-job.ts
import { pathToFileURL as pathToFileURL2 } from "url";
import {
  ConfigurationError as ConfigurationError9,
  JobThreadExitedError
} from "@hangar/core";
var WorkerThreadJob = class {
  constructor(record, definition, services, logger, threads) {
    this.record = record;
    this.definition = definition;
    this.services = services;
    this.logger = logger;
    this.threads = threads;
    const module = definition.module;
    if (module === void 0) {
      throw new ConfigurationError9(
        `jobs[${record.type}].module`,
        "set `module: import.meta.url` to isolate it"
      );
    }
    this.module = module instanceof URL || /^[a-z][a-z\d+.-]+:/i.test(module) ? String(module) : pathToFileURL2(module).href;
  }
  record;
  definition;
  services;
  logger;
  threads;
  worker;
  /** The thread reported the attempt's end itself: it is idle and clean. */
  clean = false;
  detach;
  locks = /* @__PURE__ */ new Map();
  module;
  execute(params, ctx) {
    return new Promise((resolve, reject) => {
      const worker = this.threads.acquire(this.module);
      this.worker = worker;
      const send = (message) => worker.postMessage(message);
      const onStop = () => send({ kind: "stop", error: serializeError(ctx.signal.reason, this.record.type) });
      const onMessage = (message) => {
        if (message.kind === "done" || message.kind === "failed") {
          this.clean = true;
          if (message.kind === "done") resolve(message.value);
          else reject(deserializeError(message.error));
        } else this.relay(message, ctx, send);
      };
      const onExit = (code) => reject(new JobThreadExitedError(this.record.id, code));
      worker.on("message", onMessage);
      worker.on("error", reject);
      worker.on("exit", onExit);
      this.detach = () => {
        ctx.signal.removeEventListener("abort", onStop);
        worker.off("message", onMessage);
        worker.off("error", reject);
        worker.off("exit", onExit);
      };
      try {
        send({ kind: "run", start: this.threadStart(params, ctx) });
      } catch (cause) {
        this.clean = true;
        reject(this.cloneError(cause));
        return;
      }
      if (ctx.signal.aborted) onStop();
      else ctx.signal.addEventListener("abort", onStop, { once: true });
    });
  }
  /** Always called by the execution: a clean thread goes back to the pool, any other is terminated. */
  async dispose() {
    this.detach?.();
    const worker = this.worker;
    this.worker = void 0;
    if (worker && this.clean) this.threads.release(this.module, worker);
    else await worker?.terminate();
    await Promise.all([...this.locks.values()].map((lock) => lock.release()));
    this.locks.clear();
  }
  threadStart(params, ctx) {
    const { record, definition } = this;
    return {
      module: this.module,
      type: record.type,
      params,
      job: { jobId: ctx.jobId, attempt: ctx.attempt, customerId: ctx.customerId, userId: ctx.userId },
      shared: (definition.shareWithWorker ?? []).map((token) => [token.name, this.services.get(token)])
    };
  }
  cloneError(cause) {
    if (cause?.name !== "DataCloneError") return cause;
    return new ConfigurationError9(
      `jobs[${this.record.type}].shareWithWorker`,
      "lists a service that cannot be copied to a worker thread (a live object such as a pool): share its settings and build it in `workerServices`"
    );
  }
  relay(message, ctx, send) {
    switch (message.kind) {
      case "log": {
        const { level, message: text2, counts } = message;
        if (level === "progress") ctx.progress(text2, counts);
        else if (level === "warning") ctx.warn(text2);
        else ctx[level](text2);
        return;
      }
      case "logger":
        this.logger[message.level]({ jobId: this.record.id, ...message.fields }, message.msg);
        return;
      case "output-file":
        ctx.addOutputFile(message.file);
        return;
      case "lock":
        ctx.lock(message.name, message.options).then(
          (handle) => {
            this.locks.set(message.id, handle);
            send({ kind: "lock-result", id: message.id, error: void 0 });
          },
          (error) => send({ kind: "lock-result", id: message.id, error: serializeError(error, this.record.type) })
        );
        return;
      case "unlock": {
        const handle = this.locks.get(message.id);
        this.locks.delete(message.id);
        void handle?.release();
        return;
      }
    }
  }
};

// src/worker/job-locks.ts
import { LockUnavailableError } from "@hangar/core";
var DEFAULT_TTL_MS = 3e4;
var JobLocks = class {
  constructor(queue, owner, signal) {
    this.queue = queue;
    this.owner = owner;
    this.signal = signal;
  }
  queue;
  owner;
  signal;
  held = /* @__PURE__ */ new Map();
  /** Takes `name`, waiting up to `waitMs` with short polls. */
  async acquire(name, options = {}) {
    const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    const waitMs = options.waitMs ?? 0;
    const deadline = Date.now() + waitMs;
    let delay = 25;
    while (!await this.queue.acquireLock(name, this.owner, ttlMs)) {
      this.signal.throwIfAborted();
      if (Date.now() >= deadline) throw new LockUnavailableError(name, waitMs);
      await new Promise(
        (resolve) => setTimeout(resolve, Math.min(delay, Math.max(1, deadline - Date.now())))
      );
      delay = Math.min(delay * 2, 500);
    }
    const renew = setInterval(
      () => {
        void this.queue.extendLock(name, this.owner, ttlMs).catch(() => {
        });
      },
      Math.max(10, Math.floor(ttlMs / 3))
    );
    renew.unref();
    this.held.set(name, renew);
    return { name, release: () => this.release(name) };
  }
  /** Releases one lock if held. */
  async release(name) {
    const renew = this.held.get(name);
    if (!renew) return;
    clearInterval(renew);
    this.held.delete(name);
    await this.queue.releaseLock(name, this.owner);
  }
  /** Releases every lock still held. */
  async releaseAll() {
    await Promise.all([...this.held.keys()].map((name) => this.release(name).catch(() => {
    })));
  }
};

// src/worker/job-log-writer.ts
var JobLogWriter = class {
  constructor(queue, jobId, logger) {
    this.queue = queue;
    this.jobId = jobId;
    this.logger = logger;
  }
  queue;
  jobId;
  logger;
  buffer = [];
  flushing = Promise.resolve();
  scheduled = false;
  /** Queues an entry for the next flush. */
  write(entry) {
    this.buffer.push(entry);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }
  /** Writes everything buffered so far; resolves when it is stored. */
  flush() {
    const batch = this.buffer;
    if (batch.length === 0) return this.flushing;
    this.buffer = [];
    this.flushing = this.flushing.then(
      () => this.queue.appendLog(this.jobId, batch).catch((error) => {
        this.logger.warn({ err: error, jobId: this.jobId }, "Could not store job messages");
      })
    );
    return this.flushing;
  }
};

// src/worker/job-execution.ts
var JobExecution = class {
  constructor(record, definition, deps) {
    this.record = record;
    this.definition = definition;
    this.deps = deps;
  }
  record;
  definition;
  deps;
  controller;
  stopReason;
  /** Why the job was stopped; `ctx.checkpoint()` throws it. */
  stopError;
  /** `start` called the job and its promise has not settled yet (`outcome` not called). */
  waiting = false;
  grace;
  /** The attempt's timeout, when it has one. */
  timer;
  /** The stopped job outlived the grace period (an isolated job's thread is then terminated). */
  gaveUp = false;
  job;
  /** When the attempt was launched (`performance.now()`) if the pool times it, else NaN. */
  startedAt = Number.NaN;
  outputFiles;
  warnings;
  log;
  locks;
  /** The attempt's signal, already aborted when the job was stopped before asking for it. */
  get signal() {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.stopError) this.controller.abort(this.stopError);
    }
    return this.controller.signal;
  }
  get logWriter() {
    this.log ??= new JobLogWriter(this.deps.queue, this.record.id, this.deps.logger);
    return this.log;
  }
  get logger() {
    return this.deps.logger;
  }
  /** Takes a named lock for this attempt (`ctx.lock`). */
  lock(name, options) {
    this.locks ??= new JobLocks(
      this.deps.queue,
      `${this.record.worker?.id ?? "worker"}:${this.record.id}`,
      this.signal
    );
    return this.locks.acquire(name, options);
  }
  /** Stores one of the job's messages and reports it to listeners. */
  write(level, message, counts = {}) {
    const entry = { at: /* @__PURE__ */ new Date(), level, message, ...counts };
    this.logWriter.write(entry);
    this.deps.onLog(this.record.id, entry);
  }
  /** Keeps a warning for the job's result. */
  warned(message) {
    this.warnings ??= [];
    this.warnings.push(message);
  }
  /** Keeps an output file for the job's result. */
  addOutputFile(file) {
    this.outputFiles ??= [];
    this.outputFiles.push(file);
  }
  /** Asks the job to stop: fires its signal and calls `abort()`. The first reason wins. */
  stop(reason) {
    if (this.stopReason) return;
    this.stopReason = reason;
    const error = reason === "timeout" ? new JobTimeoutError(this.record.id, this.record.timeoutMs ?? this.definition.timeoutMs ?? 0) : new JobCancelledError(this.record.id);
    this.stopError = error;
    this.controller?.abort(error);
    if (this.waiting) this.startGrace();
    try {
      const aborted = this.job?.abort?.();
      if (aborted instanceof Promise)
        aborted.catch((err) => this.deps.logger.warn({ err }, "abort() threw"));
    } catch (err) {
      this.deps.logger.warn({ err, jobId: this.record.id }, "abort() threw");
    }
  }
  /**
   * Starts the attempt: validates the parameters, creates the job and calls `execute`, and
   * returns the job's own promise. Then `outcome` says how it ended and, when `holdsResources`,
   * `release` gives back what the job took. A stopped job that outlives the grace is
   * `abandoned` instead (see `ExecutionDeps.abandoned`).
   *
   * Three calls and not one async `run` wrapping the job's promise in one of its own: the pool
   * awaits the job's promise itself, so an attempt is one async function from launch to recorded
   * outcome (the second function and the wrapper were a third of the memory queue's
   * allocations per no-op job).
   */
  start() {
    const { record, definition, deps } = this;
    const timeoutMs = record.timeoutMs ?? definition.timeoutMs;
    if (timeoutMs) this.timer = setTimeout(() => this.stop("timeout"), timeoutMs);
    const params = deps.validated.take(record.id, record.params) ? record.params : validateParams2(record.type, definition.params, record.params);
    this.job = definition.isolation === "worker" ? new WorkerThreadJob(record, definition, deps.services, deps.logger, deps.threads) : definition.create(deps.services);
    const work = this.job.execute(params, this.context());
    this.waiting = true;
    if (this.stopError && !this.grace) this.startGrace();
    return work;
  }
  /**
   * How the attempt ended, given what `start` threw or settled with (`threw`, `value`): a success,
   * a failure, or what its stop makes of it. Ends its timers.
   */
  outcome(threw, value) {
    if (this.timer) clearTimeout(this.timer);
    if (this.grace) clearTimeout(this.grace);
    this.waiting = false;
    if (this.stopReason) return this.stoppedOutcome(threw ? value : void 0);
    return threw ? this.failure(value) : this.success(value);
  }
  /** Whether the job holds something `release` must give back: a `dispose`, locks, messages. */
  get holdsResources() {
    return this.job?.dispose !== void 0 || this.locks !== void 0 || this.log !== void 0;
  }
  /** Disposes the job, releases its locks and stores its last messages; never throws. */
  async release() {
    if (this.job?.dispose) await this.dispose();
    if (this.locks) await this.locks.releaseAll();
    if (this.log) await this.log.flush();
  }
  /**
   * Once a stopped job outlived the grace, the attempt ends without it (`abandoned`): the pool
   * records its end then, and ignores the job's promise should it ever settle.
   */
  startGrace() {
    this.grace = setTimeout(() => {
      if (!this.waiting) return;
      this.waiting = false;
      this.gaveUp = true;
      this.deps.abandoned(this);
    }, this.deps.abortGraceMs);
  }
  /** The job outlived the grace after a stop: its end was recorded without waiting for it. */
  get abandoned() {
    return this.gaveUp;
  }
  /**
   * Why a stopped attempt ended: the stop itself, and for an isolated job that ignored it past the
   * grace, that its thread was terminated (both entries in its ErrorInfo).
   */
  stopFailure() {
    const stop = this.stopError;
    if (!stop || !this.gaveUp || this.definition.isolation !== "worker") return stop;
    const reason = this.stopReason === "timeout" ? "timeout" : "cancel";
    const terminated = new JobTerminatedError(this.record.id, reason, this.deps.abortGraceMs);
    const errorInfo = [
      errorInfoFromError(stop, this.record.type),
      errorInfoFromError(terminated, this.record.type)
    ];
    return Object.assign(terminated, { errorInfo });
  }
  success(value) {
    const result = { success: true, result: value };
    if (this.outputFiles?.length) result.outputFiles = this.outputFiles;
    if (this.warnings?.length) result.warnings = this.warnings;
    return { kind: "succeeded", result };
  }
  failure(error) {
    const retryable = !(HangarError.isInstance(error) && !error.retryable);
    const errorInfo = [errorInfoFromError(error, this.record.type)];
    const detailed = error.errorInfo;
    if (Array.isArray(detailed) && detailed.length > 0) errorInfo.splice(0, 1, ...detailed);
    return { kind: "failed", error, errorInfo, retryable, warnings: this.warnings ?? [] };
  }
  stoppedOutcome(error) {
    switch (this.stopReason) {
      case "cancel": {
        const reason = this.stopFailure();
        const detailed = reason?.errorInfo;
        return {
          kind: "cancelled",
          result: {
            success: false,
            errorInfo: detailed ?? [errorInfoFromError(reason, this.record.type)],
            warnings: this.warnings ?? []
          }
        };
      }
      case "timeout":
        return this.failure(this.stopFailure());
      case "shutdown":
        return { kind: "released" };
      case "lease-lost":
        return { kind: "lease-lost" };
      default:
        return this.failure(error);
    }
  }
  async dispose() {
    try {
      await this.job?.dispose?.();
    } catch (err) {
      this.deps.logger.warn({ err, jobId: this.record.id }, "dispose() threw");
    }
  }
  context() {
    const { record } = this;
    return new AttemptContext(
      this,
      record.id,
      record.type,
      record.attempts,
      record.customerId,
      record.userId,
      this.deps.services
    );
  }
};

// src/worker/worker-pool.ts
var PREFETCH_WAIT_MS = 20;
var CLAIMS_IN_FLIGHT = 1;
var PREFETCH_MAX_JOBS = 512;
var AVERAGE_WEIGHT = 0.1;
var TIMED_EVERY = 8;
var WorkerPool = class {
  constructor(options, registry, services, worker, types, events, logger) {
    this.options = options;
    this.registry = registry;
    this.worker = worker;
    this.types = types;
    this.events = events;
    this.logger = logger;
    this.recorder = new AttemptRecorder(options.queue, worker.id, registry, events, logger);
    this.deps = {
      queue: options.queue,
      services,
      logger,
      abortGraceMs: options.abortGraceMs,
      threads: this.threads,
      onLog: (jobId, entry) => {
        if (events.listenerCount("job:progress") === 0) return;
        safeEmit5(events, logger, "job:progress", { jobId, entry: { ...entry, seq: 0 } });
      },
      validated: registry.validated,
      abandoned: (execution) => {
        const slot = this.slots.get(execution.record.queue);
        if (slot) void this.runAndRecord(slot, execution.record, execution, true);
      }
    };
    for (const [name, concurrency] of Object.entries(options.queues)) {
      this.slots.set(name, {
        name,
        concurrency,
        running: 0,
        recording: 0,
        buffer: [],
        averageMs: void 0,
        launches: 0,
        drained: false,
        fetching: 0,
        requested: 0,
        again: false
      });
    }
  }
  options;
  registry;
  worker;
  types;
  events;
  logger;
  slots = /* @__PURE__ */ new Map();
  active = /* @__PURE__ */ new Map();
  /** Calls that must end before the pool has drained, besides the active jobs. */
  settled = /* @__PURE__ */ new Set();
  /** Resolved once no job is active any more (`drain`). */
  idleWaiters = [];
  /** Idle threads of isolated jobs, terminated once the pool has drained. */
  threads = new ThreadPool();
  subscriptions = [];
  timers = [];
  accepting = false;
  recorder;
  /** What every execution of this pool needs: one object for all of them. */
  deps;
  get queue() {
    return this.options.queue;
  }
  /** Number of jobs running now. */
  get runningCount() {
    return this.active.size;
  }
  /** Starts claiming. */
  async start() {
    this.accepting = true;
    this.subscriptions.push(
      await this.queue.onCancelRequest(this.worker.id, (jobId) => {
        const execution = this.active.get(jobId);
        if (execution) execution.stop("cancel");
        else this.cancelBuffered(jobId);
      }),
      await this.queue.subscribe(
        (change) => {
          if (!isWakeUp(change)) return;
          const slot = change.queue ? this.slots.get(change.queue) : void 0;
          if (slot) this.wake(slot);
          else if (!change.queue) for (const s of this.slots.values()) this.wake(s);
        },
        { wakeUpsOnly: true }
      )
    );
    this.timers.push(
      setInterval(() => {
        for (const slot of this.slots.values()) this.wake(slot);
      }, this.options.pollIntervalMs),
      setInterval(() => void this.heartbeat(), this.options.heartbeatMs)
    );
    for (const slot of this.slots.values()) this.wake(slot);
  }
  /**
   * Something may have become runnable in the slot's queue: claim. A claim in flight may have
   * read the queue before it did, so one more claim follows it.
   */
  wake(slot) {
    slot.drained = false;
    if (slot.fetching > 0) slot.again = true;
    this.fill(slot);
  }
  /** Stops claiming; running jobs go on. */
  stopClaiming() {
    this.accepting = false;
  }
  /** Waits for running jobs up to `graceMs`, then stops the rest and hands them back. */
  async drain(graceMs) {
    this.accepting = false;
    for (const slot of this.slots.values()) this.releaseBuffered(slot);
    const all = () => Promise.all([...this.settled, this.idle()]);
    const timedOut = await Promise.race([
      all().then(() => false),
      new Promise((resolve) => setTimeout(() => resolve(true), graceMs).unref())
    ]);
    if (timedOut) {
      for (const execution of this.active.values()) execution.stop("shutdown");
      await all();
    }
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    for (const off of this.subscriptions.splice(0)) await off();
    await this.threads.close();
  }
  /**
   * Starts buffered jobs in the free slots, then claims for the free slots plus a short
   * prefetch buffer; coalesces concurrent wake-ups.
   */
  fill(slot) {
    if (!this.accepting) return;
    this.launchBuffered(slot);
    if (slot.drained && slot.fetching === 0) return;
    const backlog = Math.max(0, slot.recording - PREFETCH_MAX_JOBS);
    const room = slot.concurrency + this.prefetch(slot) - slot.running - slot.buffer.length - backlog - slot.requested;
    if (slot.fetching >= CLAIMS_IN_FLIGHT || slot.fetching > 0 && (slot.drained || room < slot.concurrency)) {
      return;
    }
    if (room <= 0) return;
    const idleSlot = slot.running + slot.buffer.length + slot.requested < slot.concurrency;
    if (!idleSlot && room < this.prefetch(slot) / 2) return;
    slot.fetching += 1;
    slot.requested += room;
    slot.again = false;
    this.queue.claim({
      worker: this.worker,
      queues: [slot.name],
      types: this.types,
      limit: room,
      leaseMs: this.options.leaseMs,
      maxPerCustomer: this.options.maxPerCustomer
    }).then((jobs) => {
      slot.fetching -= 1;
      slot.requested -= room;
      slot.drained = !slot.again && jobs.length < room;
      slot.buffer.push(...jobs);
      if (!this.accepting) {
        this.releaseBuffered(slot);
        return;
      }
      this.launchBuffered(slot);
      if (slot.again || jobs.length === room && jobs.length > 0) this.fill(slot);
    }).catch((error) => {
      slot.fetching -= 1;
      slot.requested -= room;
      slot.drained = false;
      safeEmit5(this.events, this.logger, "worker:error", {
        error,
        context: `claim from queue ${slot.name}`
      });
    });
  }
  /** How many jobs the slot may hold claimed beyond its free slots. */
  prefetch(slot) {
    if (slot.averageMs === void 0) return 0;
    const perWait = Math.floor(slot.concurrency * PREFETCH_WAIT_MS / Math.max(slot.averageMs, 0.01));
    return Math.min(PREFETCH_MAX_JOBS, perWait);
  }
  launchBuffered(slot) {
    while (slot.running < slot.concurrency && slot.buffer.length > 0) {
      const job = slot.buffer.shift();
      if (job) this.launch(slot, job);
    }
  }
  bufferedSlot(jobId) {
    for (const slot of this.slots.values()) {
      const index = slot.buffer.findIndex((job) => job.id === jobId);
      if (index >= 0) return { slot, index };
    }
    return void 0;
  }
  /** Hands prefetched jobs back to the queue without using up their attempt. */
  releaseBuffered(slot) {
    for (const job of slot.buffer.splice(0)) {
      this.track(
        this.queue.release(job.id, this.worker.id).then(
          () => void 0,
          (error) => safeEmit5(this.events, this.logger, "worker:error", { error, context: `releasing job ${job.id}` })
        )
      );
    }
  }
  /** A prefetched job whose cancellation was requested ends Cancelled without running. */
  cancelBuffered(jobId) {
    const found = this.bufferedSlot(jobId);
    if (!found) return;
    const [job] = found.slot.buffer.splice(found.index, 1);
    if (!job) return;
    const result = {
      success: false,
      errorInfo: [errorInfoFromError2(new JobCancelledError2(job.id), job.type)]
    };
    this.track(
      this.recorder.record(job, { kind: "cancelled", result }).catch((error) => {
        safeEmit5(this.events, this.logger, "worker:error", {
          error,
          context: `recording the end of job ${job.id}`
        });
      })
    );
    this.fill(found.slot);
  }
  track(promise) {
    const tracked = promise.finally(() => this.settled.delete(tracked));
    this.settled.add(tracked);
  }
  /** Resolves once no job is active. */
  idle() {
    if (this.active.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
  launch(slot, job) {
    slot.running += 1;
    const execution = new JobExecution(job, this.registry.get(job.type), this.deps);
    if (slot.launches++ % TIMED_EVERY === 0 || slot.averageMs === void 0)
      execution.startedAt = performance.now();
    this.active.set(job.id, execution);
    if (this.events.listenerCount("job:started") > 0)
      safeEmit5(this.events, this.logger, "job:started", { job });
    void this.runAndRecord(slot, job, execution);
  }
  /**
   * Runs one attempt and records its outcome. The slot is free once the execution ended;
   * recording its outcome goes on beside the next job, and the job stays active (heartbeated,
   * leased) until it is recorded. One async function per job, awaiting the job's own promise
   * and the adapter's: a chain of then/catch/finally cost three promises and three closures more,
   * an async `run` of the execution wrapping the job's promise a third of the allocations.
   *
   * A stopped job that outlived the grace is `abandoned`: this is called again for it, and its
   * first call, should the job's promise ever settle, returns without a word.
   */
  async runAndRecord(slot, job, execution, abandoned = false) {
    const { startedAt } = execution;
    let executing = true;
    try {
      let outcome;
      if (abandoned) outcome = execution.outcome(true, execution.stopError);
      else {
        try {
          const value = await execution.start();
          if (execution.abandoned) return;
          outcome = execution.outcome(false, value);
        } catch (error) {
          if (execution.abandoned) return;
          outcome = execution.outcome(true, error);
        }
      }
      if (execution.holdsResources) await execution.release();
      executing = false;
      this.executionEnded(slot, startedAt);
      if (outcome.kind !== "succeeded") await this.recorder.record(job, outcome);
      else if (await this.queue.complete(job.id, this.worker.id, outcome.result))
        this.recorder.succeeded(job, outcome.result);
    } catch (error) {
      safeEmit5(this.events, this.logger, "worker:error", {
        error,
        context: `recording the end of job ${job.id}`
      });
    } finally {
      if (abandoned || !execution.abandoned) this.recorded(slot, job, executing, startedAt);
    }
  }
  /** The attempt's end is recorded (or could not be): the job leaves the slot and the pool. */
  recorded(slot, job, executing, startedAt) {
    if (executing) this.executionEnded(slot, startedAt);
    this.active.delete(job.id);
    const backlogged = slot.recording > PREFETCH_MAX_JOBS;
    slot.recording -= 1;
    if (this.active.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    if (job.concurrencyKey !== void 0 || job.customerId !== void 0 && this.options.maxPerCustomer)
      this.wake(slot);
    else if (backlogged) this.fill(slot);
  }
  executionEnded(slot, startedAt) {
    if (!Number.isNaN(startedAt)) {
      const ms = performance.now() - startedAt;
      slot.averageMs = slot.averageMs === void 0 ? ms : slot.averageMs + AVERAGE_WEIGHT * (ms - slot.averageMs);
    }
    slot.running -= 1;
    slot.recording += 1;
    this.fill(slot);
  }
  async heartbeat() {
    const ids = [...this.active.keys()];
    for (const slot of this.slots.values()) for (const job of slot.buffer) ids.push(job.id);
    if (ids.length === 0) return;
    try {
      const held = new Set(await this.queue.heartbeat(this.worker.id, ids, this.options.leaseMs));
      for (const id of ids) {
        if (held.has(id)) continue;
        const execution = this.active.get(id);
        if (execution) execution.stop("lease-lost");
        else {
          const found = this.bufferedSlot(id);
          if (found) found.slot.buffer.splice(found.index, 1);
        }
      }
    } catch (error) {
      safeEmit5(this.events, this.logger, "worker:error", { error, context: "heartbeat" });
    }
  }
};

// src/runner/hangar-runner.ts
var HangarRunner = class {
  /** Typed events of the runner and its client. */
  events;
  /** Registered job types and messages. */
  registry;
  /** Client on the same queue and registry. */
  client;
  /** The typedi-backed service container of the plugins. */
  services;
  /** Identity recorded on every job this runner runs. */
  worker;
  /** Job types this runner executes. */
  jobTypes;
  options;
  logger;
  pool;
  scheduler;
  triggers;
  timers = [];
  startedAt = /* @__PURE__ */ new Date();
  stopTracing;
  unfollow;
  state = "idle";
  stopping;
  onSignal = (signal) => {
    this.logger.info({ signal }, "Stopping on signal");
    void this.stop();
  };
  constructor(options) {
    this.options = resolveRunnerOptions(options);
    this.logger = this.options.logger;
    this.registry = new JobRegistry(this.options.plugins, this.options.jobs);
    this.services = new PluginContainer(this.options.plugins, this.options.services);
    this.client = new HangarClient(this.options.queue, this.registry, this.logger, options.tracing);
    this.events = this.client.events;
    if (!this.services.has(jobSubmitterToken)) {
      this.services.register({ token: jobSubmitterToken, value: new RunnerJobSubmitter(this.client) });
    }
    logRunnerEvents(this.events, this.logger);
    const all = this.registry.types();
    const chosen = this.options.jobTypes ?? all;
    for (const type of chosen) {
      if (!this.registry.has(type)) {
        throw new ConfigurationError10(
          "jobTypes",
          `"${type}" is not a registered job type; registered: ${all.join(", ") || "(none)"}`
        );
      }
    }
    this.jobTypes = [...chosen];
    this.worker = {
      id: this.options.workerId ?? `${hostname()}:${process.pid}:${randomUUID2().slice(0, 8)}`,
      host: hostname(),
      pid: process.pid
    };
    this.pool = new WorkerPool(
      this.options,
      this.registry,
      this.services,
      this.worker,
      this.jobTypes,
      this.events,
      this.logger
    );
    this.scheduler = new RecurringScheduler(this.client, this.events, this.logger);
    this.registry.validated.setReading(true);
    this.triggers = new TriggerFiring(this.client, this.events, this.logger, {
      owner: this.worker.id,
      settleMs: this.options.triggerSettleMs
    });
  }
  /** Whether the runner is claiming jobs. */
  get isRunning() {
    return this.state === "running";
  }
  /** Starts the workers, lease recovery, schedules and retention. */
  async start() {
    if (this.state !== "idle")
      throw new ConfigurationError10("start", `the runner is ${this.state}; create a new one`);
    const tracing = await this.client.tracing();
    this.state = "running";
    this.startedAt = /* @__PURE__ */ new Date();
    this.stopTracing = tracing?.followAttempts(this.events);
    await this.pool.start();
    await this.advertise();
    const every = (ms, fn) => {
      const timer = setInterval(() => void fn(), ms);
      this.timers.push(timer);
    };
    every(this.options.heartbeatMs, () => this.advertise());
    every(this.options.recoveryIntervalMs, () => this.recover());
    every(this.options.schedulerIntervalMs, () => this.scheduler.tick());
    every(this.options.schedulerIntervalMs, () => this.triggers.sweep());
    this.followJobEnds();
    const retention = this.options.retention;
    if (retention) {
      every(
        this.options.cleanupIntervalMs,
        () => this.options.queue.cleanup(retention).catch((error) => {
          safeEmit6(this.events, this.logger, "worker:error", { error, context: "retention cleanup" });
        })
      );
    }
    if (this.options.handleSignals) {
      process.once("SIGTERM", this.onSignal);
      process.once("SIGINT", this.onSignal);
    }
    void this.recover();
    void this.scheduler.tick();
    void this.triggers.sweep();
    this.logger.info(
      { worker: this.worker.id, jobTypes: this.jobTypes, queues: this.options.queues },
      "Runner started"
    );
    return this;
  }
  /** Fires event triggers on the ends this runner records, without waiting for the sweep. */
  followJobEnds() {
    const fire = (job, state) => {
      if (this.triggers.watching) void this.triggers.onJobEnded(job, state);
    };
    const onSucceeded = ({ job }) => fire(job, "Succeeded");
    const onFailed = ({ job }) => fire(job, "Failed");
    const onCancelled = ({ job }) => fire(job, "Cancelled");
    this.events.on("job:succeeded", onSucceeded);
    this.events.on("job:failed", onFailed);
    this.events.on("job:cancelled", onCancelled);
    this.unfollow = () => {
      this.events.off("job:succeeded", onSucceeded);
      this.events.off("job:failed", onFailed);
      this.events.off("job:cancelled", onCancelled);
    };
  }
  /** Sweeps the event triggers now (also runs periodically); returns the ids of the jobs enqueued. */
  fireTriggers() {
    return this.triggers.sweep();
  }
  /** Tells every process sharing the queue that this runner is alive, and which queues it serves. */
  async advertise() {
    const { id, host, pid } = this.worker;
    const info = {
      id,
      host,
      pid,
      queues: this.options.queues,
      types: this.jobTypes,
      startedAt: this.startedAt
    };
    try {
      await this.options.queue.advertiseRunner(info, this.options.leaseMs);
    } catch (error) {
      safeEmit6(this.events, this.logger, "worker:error", { error, context: "runner advertisement" });
    }
  }
  /** Hands jobs of dead workers back to the queue now (also runs periodically). */
  async recover() {
    try {
      const ids = await this.options.queue.recoverExpiredLeases();
      if (ids.length > 0) safeEmit6(this.events, this.logger, "job:recovered", { jobIds: ids });
      return ids;
    } catch (error) {
      safeEmit6(this.events, this.logger, "worker:error", { error, context: "lease recovery" });
      return [];
    }
  }
  /** Fires due schedules now (also runs periodically); returns the ids of the jobs enqueued. */
  fireDueSchedules() {
    return this.scheduler.tick();
  }
  /**
   * Graceful shutdown: stops claiming, lets running jobs finish for up to `graceMs`, then aborts
   * the rest and hands them back to the queue. Does not close the queue adapter (you own it).
   */
  stop(graceMs = this.options.shutdownGraceMs) {
    if (this.stopping) return this.stopping;
    this.stopping = (async () => {
      const wasRunning = this.state === "running";
      this.state = "stopping";
      process.off("SIGTERM", this.onSignal);
      process.off("SIGINT", this.onSignal);
      safeEmit6(this.events, this.logger, "runner:stopping");
      for (const timer of this.timers) clearInterval(timer);
      this.timers = [];
      if (wasRunning) await this.pool.drain(graceMs);
      this.stopTracing?.();
      this.unfollow?.();
      if (wasRunning) {
        await this.options.queue.withdrawRunner(this.worker.id).catch((error) => {
          safeEmit6(this.events, this.logger, "worker:error", { error, context: "runner advertisement" });
        });
      }
      await this.services.dispose();
      this.registry.validated.setReading(false);
      this.state = "stopped";
      safeEmit6(this.events, this.logger, "runner:stopped");
      this.logger.info({ worker: this.worker.id }, "Runner stopped");
    })();
    return this.stopping;
  }
};
function createRunner(options) {
  return new HangarRunner(options);
}

export {
  JobRegistry,
  nextCronRun,
  ScheduleManager,
  TRACEPARENT_KEY,
  TRACING_DEFAULTS,
  TriggerManager,
  workflowView,
  WorkflowOperations,
  HangarClient,
  createClient,
  PluginContainer,
  RUNNER_DEFAULTS,
  resolveRunnerOptions,
  RunnerJobSubmitter,
  triggeredJobKey,
  TriggerFiring,
  HangarRunner,
  createRunner
};
//# sourceMappingURL=chunk-KY6ZJNSP.js.map