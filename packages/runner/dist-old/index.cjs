"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/index.ts
var src_exports = {};
__export(src_exports, {
  HangarClient: () => HangarClient,
  HangarRunner: () => HangarRunner,
  JobRegistry: () => JobRegistry,
  MemoryQueue: () => MemoryQueue,
  MemoryStore: () => MemoryStore,
  PluginContainer: () => PluginContainer,
  RUNNER_DEFAULTS: () => RUNNER_DEFAULTS,
  RunnerJobSubmitter: () => RunnerJobSubmitter,
  ScheduleManager: () => ScheduleManager,
  TRACEPARENT_KEY: () => TRACEPARENT_KEY,
  TRACING_DEFAULTS: () => TRACING_DEFAULTS,
  TriggerFiring: () => TriggerFiring,
  TriggerManager: () => TriggerManager,
  WorkflowOperations: () => WorkflowOperations,
  createClient: () => createClient,
  createRunner: () => createRunner,
  nextCronRun: () => nextCronRun,
  resolveRunnerOptions: () => resolveRunnerOptions,
  triggeredJobKey: () => triggeredJobKey,
  workflowView: () => workflowView
});
module.exports = __toCommonJS(src_exports);

// ../../node_modules/tsup/assets/cjs_shims.js
var getImportMetaUrl = () => typeof document === "undefined" ? new URL(`file:${__filename}`).href : document.currentScript && document.currentScript.tagName.toUpperCase() === "SCRIPT" ? document.currentScript.src : new URL("main.js", document.baseURI).href;
var importMetaUrl = /* @__PURE__ */ getImportMetaUrl();

// src/client/hangar-client.ts
var import_core9 = require("@hangar/core");
var import_eventemitter3 = require("eventemitter3");

// src/registry/job-registry.ts
var import_core = require("@hangar/core");
var import_adapter = require("@hangar/core/adapter");
var import_zod = require("zod");

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
  translator = new import_core.Translator().register(import_core.coreMessages);
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
    if (!def.type) throw new import_core.ConfigurationError(`${origin}.jobs`, "every job definition needs a `type`");
    if (this.definitions.has(def.type)) {
      throw new import_core.ConfigurationError(`${origin}.jobs`, `job type "${def.type}" is registered twice`);
    }
    checkJobLimits(def, origin);
    this.definitions.set(def.type, def);
  }
  /** The definition of `type`; throws `UnknownJobTypeError` when missing. */
  get(type) {
    const def = this.definitions.get(type);
    if (!def) throw new import_core.UnknownJobTypeError(type, this.types());
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
    return (0, import_core.validateParams)(type, this.get(type).params, params);
  }
  /** The full retry policy of `type`. */
  retryPolicy(type) {
    return { ...import_core.DEFAULT_RETRY_POLICY, ...this.get(type).retry };
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
    return (0, import_zod.toJSONSchema)(def.params, { io: "input", unrepresentable: "any" });
  } catch {
    return {};
  }
}
function checkJobLimits(def, origin) {
  const where = `${origin}.jobs[${def.type}]`;
  const retry = def.retry ?? {};
  const { maxAttempts, backoffMs, maxBackoffMs, jitter } = retry;
  if (maxAttempts !== void 0 && !(0, import_adapter.isStorableAttempts)(maxAttempts)) {
    throw new import_core.ConfigurationError(
      `${where}.retry.maxAttempts`,
      `must be an integer from 1 to ${import_adapter.MAX_INT32}, got ${maxAttempts}`
    );
  }
  for (const [name, value] of [
    ["backoffMs", backoffMs],
    ["maxBackoffMs", maxBackoffMs]
  ]) {
    if (value !== void 0 && !(Number.isFinite(value) && value >= 0)) {
      throw new import_core.ConfigurationError(
        `${where}.retry.${name}`,
        `must be a number of milliseconds of at least 0, got ${value}`
      );
    }
  }
  if (jitter !== void 0 && !(Number.isFinite(jitter) && jitter >= 0 && jitter <= 1)) {
    throw new import_core.ConfigurationError(`${where}.retry.jitter`, `must be a fraction from 0 to 1, got ${jitter}`);
  }
  if (def.isolation !== void 0 && def.isolation !== "inline" && def.isolation !== "worker") {
    throw new import_core.ConfigurationError(
      `${where}.isolation`,
      `must be 'inline' or 'worker', got ${String(def.isolation)}`
    );
  }
  if (def.isolation === "worker" && !(typeof def.module === "string" || def.module instanceof URL)) {
    throw new import_core.ConfigurationError(
      `${where}.module`,
      "an isolated job needs the URL of the module that exports it: `module: import.meta.url`"
    );
  }
  const { timeoutMs } = def;
  if (timeoutMs !== void 0 && !(0, import_adapter.isStorableTimeout)(timeoutMs)) {
    throw new import_core.ConfigurationError(
      `${where}.timeoutMs`,
      `must be a positive whole number of ms (or Infinity), got ${timeoutMs}`
    );
  }
}

// src/scheduler/schedule-manager.ts
var import_core3 = require("@hangar/core");

// src/scheduler/cron-expression.ts
var import_core2 = require("@hangar/core");
var import_croner = require("croner");
function nextCronRun(cron, timezone, after) {
  return parseCron(cron, timezone).nextRun(after);
}
function parseCron(cron, timezone) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
  } catch {
    throw new import_core2.ConfigurationError("timezone", `"${timezone}" is not an IANA time zone (e.g. "Europe/Paris")`);
  }
  try {
    return new import_croner.Cron(cron, { timezone, paused: true });
  } catch (error) {
    throw new import_core2.ConfigurationError(
      "cron",
      `"${cron}" is not a valid cron expression: ${error.message}`
    );
  }
}

// src/scheduler/schedule-manager.ts
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
    if (!input.name?.trim()) throw new import_core3.ConfigurationError("name", "a schedule needs a non-empty name");
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
    if (!schedule) throw new import_core3.ScheduleNotFoundError(name);
    return schedule;
  }
};

// src/optional-peer/load-optional-peer.ts
var import_core4 = require("@hangar/core");
async function loadOptionalPeer(load, option, pkg) {
  try {
    return await load();
  } catch (error) {
    const code = error.code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      throw new import_core4.ConfigurationError(
        option,
        `needs the ${pkg} package: install it with \`npm install ${pkg}\`, or turn ${option} off`
      );
    }
    throw error;
  }
}

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
var import_core5 = require("@hangar/core");
var TRACING_DEFAULTS = { tracerName: "@hangar/runner" };
function resolveTracingOptions(options) {
  if (options === void 0 || options === false) return void 0;
  const given = options === true ? {} : options;
  if (typeof given !== "object" || given === null) {
    throw new import_core5.ConfigurationError("tracing", "pass true, or { tracerProvider, tracerName }");
  }
  if (given.tracerProvider !== void 0 && typeof given.tracerProvider?.getTracer !== "function") {
    throw new import_core5.ConfigurationError(
      "tracing.tracerProvider",
      "pass an OpenTelemetry TracerProvider (with getTracer)"
    );
  }
  const tracerName = given.tracerName ?? TRACING_DEFAULTS.tracerName;
  if (typeof tracerName !== "string" || tracerName === "") {
    throw new import_core5.ConfigurationError("tracing.tracerName", "give a non-empty name");
  }
  return { tracerProvider: given.tracerProvider, tracerName };
}

// src/triggers/trigger-manager.ts
var import_core7 = require("@hangar/core");

// src/triggers/trigger-input.ts
var import_core6 = require("@hangar/core");
function text(field, value) {
  if (typeof value !== "string" || value.trim() === "") {
    throw new import_core6.ConfigurationError(
      field,
      `must be a non-empty string, got ${JSON.stringify(value) ?? "nothing"}`
    );
  }
  return value;
}
function checkTriggerInput(input) {
  text("name", input?.name);
  const on = input.on;
  if (!on || typeof on !== "object") throw new import_core6.ConfigurationError("on", "must say which job ends fire it");
  const type = text("on.type", on.type);
  const states = on.states;
  if (!Array.isArray(states) || states.length === 0) {
    throw new import_core6.ConfigurationError("on.states", `give at least one of ${import_core6.TRIGGER_END_STATES.join(", ")}`);
  }
  for (const [i, state] of states.entries()) {
    if (!import_core6.TRIGGER_END_STATES.includes(state)) {
      throw new import_core6.ConfigurationError(
        `on.states[${i}]`,
        `"${String(state)}" is not one of ${import_core6.TRIGGER_END_STATES.join(", ")}`
      );
    }
  }
  const event = { type, states: [...new Set(states)] };
  if (on.customerId !== void 0) event.customerId = text("on.customerId", on.customerId);
  if (on.metadata !== void 0) {
    if (on.metadata === null || typeof on.metadata !== "object" || Array.isArray(on.metadata)) {
      throw new import_core6.ConfigurationError("on.metadata", "must be an object of string values");
    }
    for (const [key, value] of Object.entries(on.metadata)) {
      if (typeof value !== "string") {
        throw new import_core6.ConfigurationError(`on.metadata.${key}`, `must be a string, got ${JSON.stringify(value)}`);
      }
    }
    event.metadata = { ...on.metadata };
  }
  const job = input.job;
  if (!job || typeof job !== "object") throw new import_core6.ConfigurationError("job", "must say which job to enqueue");
  const stored = { type: text("job.type", job.type) };
  if (job.queue !== void 0) stored.queue = text("job.queue", job.queue);
  if (job.priority !== void 0) {
    if (!Number.isSafeInteger(job.priority)) {
      throw new import_core6.ConfigurationError("job.priority", `must be an integer, got ${String(job.priority)}`);
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
    if (!(0, import_core7.supportsTriggers)(this.queue)) throw new import_core7.TriggersUnsupportedError(this.queue.name);
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
    if (!trigger) throw new import_core7.TriggerNotFoundError(name);
    return trigger;
  }
};

// src/workflows/workflow-operations.ts
var import_core8 = require("@hangar/core");

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
    if (!job) throw new import_core8.JobNotFoundError(id);
    const workflow = await this.host.queue.requestCancel(id, options);
    let steps = 0;
    for (const step of await this.stepJobs(job)) {
      if ((0, import_core8.isTerminalState)(step.state)) continue;
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
    if (!job) throw new import_core8.JobNotFoundError(id);
    if (!(0, import_core8.isTerminalState)(job.state)) throw new import_core8.JobStateConflictError(id, job.state, "retry-step");
    const [step] = await this.jobsLabelled(job, { workflowId: id, step: stepId });
    if (!step) throw new import_core8.JobNotFoundError(`${id}/${stepId}`);
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
var HangarClient = class {
  constructor(queue, registry, logger = import_core9.silentLogger, tracing) {
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
  events = new import_eventemitter3.EventEmitter();
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
        throw new import_core9.ConfigurationError("priority", `must be an integer, got ${options.priority}`);
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
      if (announce) (0, import_core9.safeEmit)(this.events, this.logger, "job:enqueued", { job: r.job });
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
    if (!job) throw new import_core9.JobNotFoundError(id);
    for (const { id: parentId, on } of job.parents) {
      const parent = await this.queue.get(parentId);
      if (parent && !((0, import_core9.isTerminalState)(parent.state) && (0, import_core9.parentConditionHolds)(on, parent.state))) {
        throw new import_core9.JobStateConflictError(id, parent.state, "retry-parent", parent.id, on);
      }
    }
    const attempts = this.registry.has(job.type) ? this.registry.retryPolicy(job.type).maxAttempts : 1;
    const result = await this.queue.retryJob(id, { attempts, customerId: options.customerId });
    if (result.outcome === "not-found") throw new import_core9.JobNotFoundError(id);
    if (result.outcome === "not-retryable") throw new import_core9.JobStateConflictError(id, result.state, "retry");
    (0, import_core9.safeEmit)(this.events, this.logger, "job:retried", { job: result.job });
    return result.job;
  }
  /**
   * Deletes a finished job with its log. `JobNotFoundError` for a missing (or another
   * customer's) job, `JobStateConflictError` for one that is waiting or running (cancel it first).
   */
  async delete(id, options = {}) {
    const outcome = await this.queue.deleteJob(id, options);
    if (outcome === "not-found") throw new import_core9.JobNotFoundError(id);
    if (outcome === "not-finished") {
      const job = await this.queue.get(id, options);
      throw new import_core9.JobStateConflictError(id, job?.state ?? "Processing", "delete");
    }
    (0, import_core9.safeEmit)(this.events, this.logger, "job:deleted", { jobId: id });
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
    if (job.type !== idOrDefinition.type) throw new import_core9.JobTypeMismatchError(id, idOrDefinition.type, job.type);
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
          if (!job) finish(new import_core9.JobNotFoundError(id));
          else if ((0, import_core9.isTerminalState)(job.state)) finish(void 0, job);
        } catch (error) {
          finish(error);
        }
      };
      const onAbort = () => finish(signal?.reason);
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.subscribe((change) => {
        if (change.jobId === id && change.kind === "state" && change.state && (0, import_core9.isTerminalState)(change.state))
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
    throw new import_core9.ConfigurationError("queue", "pass a queue adapter, e.g. `new MemoryQueue()`");
  }
  return new HangarClient(
    options.queue,
    new JobRegistry(options.plugins, options.jobs),
    options.logger,
    options.tracing
  );
}

// src/container/plugin-container.ts
var import_node_crypto = require("crypto");
var import_typedi = require("typedi");
var PluginContainer = class {
  id = `hangar-${(0, import_node_crypto.randomUUID)()}`;
  container = import_typedi.Container.of(this.id);
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
    import_typedi.Container.reset(this.id);
  }
};

// src/memory/memory-queue.ts
var import_core16 = require("@hangar/core");
var import_adapter9 = require("@hangar/core/adapter");

// src/operator-calls/trigger-calls-base.ts
var TriggerCallsBase = class {
  saveTrigger(trigger) {
    return this.triggerStore.saveTrigger(trigger);
  }
  getTrigger(name) {
    return this.triggerStore.getTrigger(name);
  }
  listTriggers() {
    return this.triggerStore.listTriggers();
  }
  deleteTrigger(name) {
    return this.triggerStore.deleteTrigger(name);
  }
  advanceTrigger(name, expected, next, firedAt) {
    return this.triggerStore.advanceTrigger(name, expected, next, firedAt);
  }
  listFinishedJobs(query) {
    return this.triggerStore.listFinishedJobs(query);
  }
};

// src/memory/memory-coordination.ts
var import_adapter2 = require("@hangar/core/adapter");

// src/memory/value-copy.ts
function copyValue(value) {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(copyValue);
  if (value instanceof Date) return new Date(value.getTime());
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const copy = { ...value };
  for (const key in copy) {
    const nested = copy[key];
    if (nested !== null && typeof nested === "object") copy[key] = copyValue(nested);
  }
  return copy;
}

// src/memory/memory-coordination.ts
var clone = copyValue;
var MemoryCoordination = class {
  constructor(store) {
    this.store = store;
  }
  store;
  /** See `QueueAdapter`. */
  async acquireLock(name, owner, ttlMs) {
    const ttl = (0, import_adapter2.lockTtlMs)(ttlMs);
    const now = Date.now();
    const lock = this.store.locks.get(name);
    if (lock && lock.expiresAt > now && lock.owner !== owner) return false;
    this.store.locks.set(name, { owner, expiresAt: now + ttl });
    return true;
  }
  /** See `QueueAdapter`. */
  async extendLock(name, owner, ttlMs) {
    const ttl = (0, import_adapter2.lockTtlMs)(ttlMs);
    const now = Date.now();
    const lock = this.store.locks.get(name);
    if (!lock || lock.owner !== owner || lock.expiresAt <= now) return false;
    lock.expiresAt = now + ttl;
    return true;
  }
  /** See `QueueAdapter`. */
  async releaseLock(name, owner) {
    const lock = this.store.locks.get(name);
    if (!lock || lock.owner !== owner || lock.expiresAt <= Date.now()) return false;
    this.store.locks.delete(name);
    return true;
  }
  /** See `QueueAdapter`. */
  async saveSchedule(schedule) {
    this.store.schedules.set(schedule.name, clone(schedule));
  }
  /** See `QueueAdapter`. */
  async getSchedule(name) {
    const schedule = this.store.schedules.get(name);
    return schedule ? clone(schedule) : void 0;
  }
  /** See `QueueAdapter`. */
  async listSchedules() {
    return [...this.store.schedules.values()].sort((a, b) => a.name.localeCompare(b.name)).map(clone);
  }
  /** See `QueueAdapter`. */
  async deleteSchedule(name) {
    return this.store.schedules.delete(name);
  }
  /** See `QueueAdapter`. */
  async advanceSchedule(name, expected, next, firedAt) {
    const schedule = this.store.schedules.get(name);
    if (!schedule || schedule.nextRunAt?.getTime() !== expected.getTime()) return false;
    schedule.nextRunAt = next;
    schedule.lastRunAt = firedAt;
    return true;
  }
};

// src/memory/memory-enqueue.ts
var import_node_crypto2 = require("crypto");
var import_core12 = require("@hangar/core");
var import_adapter4 = require("@hangar/core/adapter");

// src/memory/memory-parents.ts
var import_core10 = require("@hangar/core");
var import_adapter3 = require("@hangar/core/adapter");
function awaitParents(store, child, parents, pending) {
  store.pendingParents.set(child.id, pending);
  for (const parent of parents) {
    if ((0, import_core10.isTerminalState)(store.jobs.get(parent.id)?.state ?? "Succeeded")) continue;
    const set = store.children.get(parent.id) ?? /* @__PURE__ */ new Set();
    set.add(child.id);
    store.children.set(parent.id, set);
  }
}
function settleChildren(store, parent) {
  const settled = { released: [], cancelled: [] };
  const children = store.children.get(parent.id);
  if (!children) return settled;
  store.children.delete(parent.id);
  for (const childId of children) {
    const child = store.jobs.get(childId);
    const dependency = child?.parents.find((p) => p.id === parent.id);
    if (child?.state !== "Awaiting" || !dependency) continue;
    if (!(0, import_core10.parentConditionHolds)(dependency.on, parent.state)) {
      const unmet = { parentId: parent.id, state: parent.state, condition: dependency.on };
      settled.cancelled.push({ child, errorInfo: (0, import_adapter3.parentConditionUnmetErrorInfo)(unmet) });
      continue;
    }
    const pending = (store.pendingParents.get(child.id) ?? 1) - 1;
    if (pending > 0) {
      store.pendingParents.set(child.id, pending);
      continue;
    }
    store.pendingParents.delete(child.id);
    settled.released.push(child);
  }
  return settled;
}
function forgetWaiting(store, job) {
  store.pendingParents.delete(job.id);
  for (const parent of job.parents) store.children.get(parent.id)?.delete(job.id);
}

// src/memory/memory-store.ts
var import_core11 = require("@hangar/core");
var import_eventemitter32 = require("eventemitter3");

// src/memory/binary-heap.ts
var BinaryHeap = class {
  constructor(less) {
    this.less = less;
  }
  less;
  items = [];
  /** Sorted items from `head` on; the slots before it were taken. */
  lane = [];
  head = 0;
  /** Number of items. */
  get size() {
    return this.items.length + this.lane.length - this.head;
  }
  /** The smallest item without removing it. */
  peek() {
    const first = this.lane[this.head];
    const top = this.items[0];
    if (first === void 0) return top;
    if (top === void 0 || !this.less(top, first)) return first;
    return top;
  }
  /** Adds an item. */
  push(item) {
    const lane = this.lane;
    const last = lane[lane.length - 1];
    if (lane.length === this.head || last !== void 0 && !this.less(item, last)) {
      lane.push(item);
      return;
    }
    const items = this.items;
    let i = items.length;
    items.push(item);
    while (i > 0) {
      const parent = i - 1 >> 1;
      const above = items[parent];
      if (!this.less(item, above)) break;
      items[i] = above;
      i = parent;
    }
    items[i] = item;
  }
  /** Removes and returns the smallest item. */
  pop() {
    const first = this.lane[this.head];
    const top = this.items[0];
    if (first !== void 0 && (top === void 0 || !this.less(top, first))) return this.shiftLane();
    return this.popHeap();
  }
  shiftLane() {
    const lane = this.lane;
    const first = lane[this.head];
    lane[this.head] = void 0;
    this.head += 1;
    if (this.head === lane.length) {
      this.lane = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= lane.length) {
      this.lane = lane.slice(this.head);
      this.head = 0;
    }
    return first;
  }
  popHeap() {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    const n = items.length;
    if (n === 0 || last === void 0) return top;
    let i = 0;
    for (; ; ) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let m = l;
      let child = items[l];
      if (r < n && this.less(items[r], child)) {
        m = r;
        child = items[r];
      }
      if (!this.less(child, last)) break;
      items[i] = child;
      i = m;
    }
    items[i] = last;
    return top;
  }
};

// src/memory/memory-store.ts
var MemoryStore = class {
  jobs = /* @__PURE__ */ new Map();
  seqOf = /* @__PURE__ */ new Map();
  logs = /* @__PURE__ */ new Map();
  idempotency = /* @__PURE__ */ new Map();
  locks = /* @__PURE__ */ new Map();
  schedules = /* @__PURE__ */ new Map();
  /** Event triggers by name. */
  triggers = /* @__PURE__ */ new Map();
  /** Runner advertisements by runner id. */
  runners = /* @__PURE__ */ new Map();
  /** Awaiting children by the id of a parent that has not ended yet. */
  children = /* @__PURE__ */ new Map();
  /** Parents each Awaiting child still waits for. */
  pendingParents = /* @__PURE__ */ new Map();
  /** Concurrency keys held by Processing jobs. */
  heldKeys = /* @__PURE__ */ new Map();
  /** Processing jobs per customer. */
  runningPerCustomer = /* @__PURE__ */ new Map();
  ready = /* @__PURE__ */ new Map();
  delayed = new BinaryHeap(
    (a, b) => a.runAt < b.runAt || a.runAt === b.runAt && a.seq < b.seq
  );
  /** Its channels; listen to `change` and `wake` through `listen`, which keeps their counts. */
  events = new import_eventemitter32.EventEmitter();
  seq = 0;
  lastDate;
  /** Listeners of each channel (`listen`). */
  listeners = { change: 0, wake: 0 };
  /** Next sequence number (enqueue order). */
  nextSeq() {
    this.seq += 1;
    return this.seq;
  }
  /** The ready heap of a queue. */
  readyHeap(queue) {
    let heap = this.ready.get(queue);
    if (!heap) {
      heap = new BinaryHeap(
        (a, b) => a.priority < b.priority || a.priority === b.priority && (a.runAt < b.runAt || a.runAt === b.runAt && a.seq < b.seq)
      );
      this.ready.set(queue, heap);
    }
    return heap;
  }
  /** Puts a runnable job in the ready heap, or the delayed heap when not due. */
  schedule(job, now) {
    const entry = {
      id: job.id,
      priority: job.priority,
      runAt: job.runAt.getTime(),
      seq: this.seqOf.get(job.id) ?? 0
    };
    if (entry.runAt > now) this.delayed.push(entry);
    else this.readyHeap(job.queue).push(entry);
  }
  /**
   * The date of `now` (ms) for the store's records. One object serves every record written in
   * the same millisecond: the store never changes a date in place (it assigns a new one) and
   * hands out only copies, and a no-op job's few dates per transition, each kept as long as
   * its record, were much of the garbage collector's work.
   */
  dateAt(now) {
    if (this.lastDate?.getTime() !== now) this.lastDate = new Date(now);
    return this.lastDate;
  }
  /**
   * Listens to one channel until the returned function is called (once). The store counts its
   * listeners itself: eventemitter3's `listenerCount` builds its key string on every call, and
   * asking it twice per job transition was a thirtieth of the memory queue's time per job.
   */
  listen(channel, handler) {
    this.events.on(channel, handler);
    this.listeners[channel] += 1;
    let listening = true;
    return () => {
      if (!listening) return;
      listening = false;
      this.events.off(channel, handler);
      this.listeners[channel] -= 1;
    };
  }
  /** Whether anyone listens for a move to `state` (else the change need not be built). */
  watches(state) {
    return this.listeners.change > 0 || state === "Enqueued" && this.listeners.wake > 0;
  }
  /** Publishes a change to every subscriber of this store. */
  publish(change) {
    if (this.listeners.change > 0) this.events.emit("change", change);
    if (this.listeners.wake > 0 && (0, import_core11.isWakeUp)(change)) this.events.emit("wake", change);
  }
};
function idempotencyIndexKey(job) {
  return job.idempotencyKey === void 0 ? void 0 : `${job.customerId ?? ""}\0${job.idempotencyKey}`;
}

// src/memory/record-copy.ts
var RUN_AT = 0;
var CREATED_AT = 1;
var UPDATED_AT = 2;
var STARTED_AT = 3;
var FINISHED_AT = 4;
var LEASE = 5;
var WORKER = 6;
var RecordCopier = class {
  sources = [
    void 0,
    void 0,
    void 0,
    void 0,
    void 0,
    void 0,
    void 0
  ];
  copies = [
    void 0,
    void 0,
    void 0,
    void 0,
    void 0,
    void 0,
    void 0
  ];
  /** A copy of `job` sharing no object with it. */
  copy(job) {
    const copy = { ...job };
    copy.params = copyValue(job.params);
    copy.runAt = this.date(RUN_AT, job.runAt);
    copy.createdAt = this.date(CREATED_AT, job.createdAt);
    copy.updatedAt = this.date(UPDATED_AT, job.updatedAt);
    if (job.startedAt) copy.startedAt = this.date(STARTED_AT, job.startedAt);
    if (job.finishedAt) copy.finishedAt = this.date(FINISHED_AT, job.finishedAt);
    if (job.leaseExpiresAt) copy.leaseExpiresAt = this.date(LEASE, job.leaseExpiresAt);
    if (job.worker) {
      if (this.sources[WORKER] !== job.worker) {
        this.sources[WORKER] = job.worker;
        this.copies[WORKER] = { ...job.worker };
      }
      copy.worker = this.copies[WORKER];
    }
    copy.parents = job.parents.length === 0 ? [] : copyValue(job.parents);
    if (job.progress) copy.progress = copyValue(job.progress);
    if (job.result) copy.result = copyValue(job.result);
    if (job.errorInfo) copy.errorInfo = copyValue(job.errorInfo);
    if (job.metadata) copy.metadata = copyValue(job.metadata);
    return copy;
  }
  date(slot, source) {
    if (this.sources[slot] === source) return this.copies[slot];
    const copy = new Date(source.getTime());
    this.sources[slot] = source;
    this.copies[slot] = copy;
    return copy;
  }
};
function copyRecord(job) {
  return new RecordCopier().copy(job);
}

// src/memory/memory-enqueue.ts
function insertJobs(store, requests) {
  (0, import_adapter4.checkEnqueueRequests)(requests);
  checkParents(store, requests);
  const now = Date.now();
  const copier = new RecordCopier();
  return requests.map((r) => insert(store, r, now, copier));
}
function checkParents(store, requests) {
  for (const r of requests) {
    const missing = (0, import_adapter4.requestParents)(r).find((p) => !store.jobs.has(p.id));
    if (missing === void 0 || existingFor(store, r)) continue;
    throw new import_core12.JobNotFoundError(missing.id);
  }
}
function existingFor(store, request) {
  const key = idempotencyIndexKey(request);
  const id = key === void 0 ? void 0 : store.idempotency.get(key);
  return id ? store.jobs.get(id) : void 0;
}
function insert(s, request, now, copier) {
  const existing = existingFor(s, request);
  if (existing) return { id: existing.id, created: false, job: copier.copy(existing) };
  const idemKey = idempotencyIndexKey(request);
  const createdAt = s.dateAt(now);
  const runAt = request.runAt ? new Date(request.runAt.getTime()) : createdAt;
  const parents = (0, import_adapter4.requestParents)(request);
  const gate = (0, import_adapter4.parentGate)(parents, (id) => s.jobs.get(id)?.state);
  let state = runAt.getTime() > now ? "Scheduled" : "Enqueued";
  if (gate.kind === "awaiting") state = "Awaiting";
  if (gate.kind === "cancelled") state = "Cancelled";
  const job = (0, import_adapter4.newJobRecord)(request, {
    id: (0, import_node_crypto2.randomUUID)(),
    state,
    unmet: gate.kind === "cancelled" ? gate.unmet : void 0,
    runAt,
    createdAt,
    params: copyValue(request.params),
    metadata: request.metadata ? copyValue(request.metadata) : void 0
  });
  job.updatedAt = createdAt;
  if (job.finishedAt) job.finishedAt = createdAt;
  s.jobs.set(job.id, job);
  s.seqOf.set(job.id, s.nextSeq());
  if (idemKey !== void 0) s.idempotency.set(idemKey, job.id);
  if (gate.kind === "awaiting") awaitParents(s, job, parents, gate.pending);
  if (state === "Enqueued" || state === "Scheduled") s.schedule(job, now);
  s.publish({ kind: "enqueued", jobId: job.id, queue: job.queue, state });
  return { id: job.id, created: true, job: copier.copy(job) };
}

// src/memory/memory-listing.ts
var import_core14 = require("@hangar/core");
var import_adapter6 = require("@hangar/core/adapter");

// src/memory/memory-retry-delete.ts
var import_core13 = require("@hangar/core");
var import_adapter5 = require("@hangar/core/adapter");
function visible(store, jobId, customerId) {
  const job = store.jobs.get(jobId);
  return job && (customerId === void 0 || job.customerId === customerId) ? job : void 0;
}
function retryStoredJob(store, jobId, request) {
  (0, import_adapter5.checkRetryRequest)(request);
  const job = visible(store, jobId, request.customerId);
  if (!job) return { outcome: "not-found" };
  if (!import_core13.RETRYABLE_STATES.includes(job.state)) return { outcome: "not-retryable", state: job.state };
  const now = Date.now();
  job.state = "Enqueued";
  job.maxAttempts = Math.min(job.attempts + request.attempts, import_adapter5.MAX_ATTEMPTS_CAP);
  job.runAt = new Date(now);
  job.updatedAt = new Date(now);
  job.finishedAt = void 0;
  job.result = void 0;
  job.cancelRequested = false;
  job.leaseExpiresAt = void 0;
  store.schedule(job, now);
  store.publish({ kind: "state", jobId: job.id, queue: job.queue, state: "Enqueued" });
  return { outcome: "retried", job: copyValue(job) };
}
function deleteStoredJob(store, jobId, customerId) {
  const job = visible(store, jobId, customerId);
  if (!job) return "not-found";
  if (!(0, import_core13.isTerminalState)(job.state)) return "not-finished";
  removeStoredJob(store, job);
  return "deleted";
}
function removeStoredJob(store, job) {
  store.jobs.delete(job.id);
  store.logs.delete(job.id);
  store.seqOf.delete(job.id);
  const idemKey = idempotencyIndexKey(job);
  if (idemKey !== void 0 && store.idempotency.get(idemKey) === job.id) store.idempotency.delete(idemKey);
}

// src/memory/memory-listing.ts
function decodeCursor(cursor) {
  if (!/^[0-9]{1,15}$/.test(cursor)) {
    throw new import_core14.ConfigurationError("cursor", "pass the `nextCursor` of the previous page unchanged");
  }
  return Number(cursor);
}
function listJobs(s, filter) {
  const limit = (0, import_adapter6.listPageSize)(filter.limit);
  const before = filter.cursor ? decodeCursor(filter.cursor) : Number.POSITIVE_INFINITY;
  const states = filter.states ? new Set(filter.states) : void 0;
  const types = filter.types ? new Set(filter.types) : void 0;
  const matches = [];
  for (const job of s.jobs.values()) {
    const seq = s.seqOf.get(job.id) ?? 0;
    if (seq >= before) continue;
    if (filter.customerId !== void 0 && job.customerId !== filter.customerId) continue;
    if (filter.userId !== void 0 && job.userId !== filter.userId) continue;
    if (filter.queue !== void 0 && job.queue !== filter.queue) continue;
    if (states && !states.has(job.state)) continue;
    if (types && !types.has(job.type)) continue;
    if (filter.parentId !== void 0 && !job.parents.some((p) => p.id === filter.parentId)) continue;
    if (!(0, import_adapter6.jobHasLabels)(job, filter.metadata)) continue;
    matches.push([seq, job]);
  }
  matches.sort((x, y) => y[0] - x[0]);
  const page = matches.slice(0, limit);
  const last = page[page.length - 1];
  const copier = new RecordCopier();
  return {
    items: page.map(([, job]) => copier.copy(job)),
    nextCursor: matches.length > limit && last ? String(last[0]) : void 0
  };
}
function countStoredJobs(s, filter = {}) {
  const counts = /* @__PURE__ */ new Map();
  const oldest = /* @__PURE__ */ new Map();
  for (const job of s.jobs.values()) {
    if (filter.customerId !== void 0 && job.customerId !== filter.customerId) continue;
    const key = `${job.queue}\0${import_core14.JOB_STATES.indexOf(job.state)}`;
    const count = counts.get(key);
    if (count) count.count += 1;
    else counts.set(key, { queue: job.queue, state: job.state, count: 1, estimated: false });
    const seq = s.seqOf.get(job.id) ?? 0;
    const first = oldest.get(job.queue);
    if (job.state === "Enqueued" && (!first || seq < first.seq)) oldest.set(job.queue, { seq, job });
  }
  const byKey = (entries) => [...entries].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([, value]) => value);
  return {
    counts: byKey(counts),
    oldestWaiting: byKey(oldest).map(({ job }) => ({
      queue: job.queue,
      jobId: job.id,
      createdAt: new Date(job.createdAt)
    })),
    finishedCountedAt: /* @__PURE__ */ new Date()
  };
}
function cleanupJobs(store, policy) {
  const now = Date.now();
  const limit = (0, import_adapter6.checkRetentionPolicy)(policy);
  const maxAge = { Succeeded: policy.succeededMs, Cancelled: policy.cancelledMs, Failed: policy.failedMs };
  let deleted = 0;
  for (const job of [...store.jobs.values()]) {
    if (deleted >= limit) break;
    if (job.state !== "Succeeded" && job.state !== "Cancelled" && job.state !== "Failed") continue;
    if (!job.finishedAt || now - job.finishedAt.getTime() < maxAge[job.state]) continue;
    removeStoredJob(store, job);
    deleted += 1;
  }
  return deleted;
}

// src/memory/memory-runners.ts
var import_adapter7 = require("@hangar/core/adapter");
function advertiseStoredRunner(store, info, ttlMs) {
  (0, import_adapter7.checkPositiveInteger)("ttlMs", Math.ceil(ttlMs));
  const now = Date.now();
  store.runners.set(info.id, {
    ...copyValue(info),
    seenAt: new Date(now),
    expiresAt: new Date(now + Math.ceil(ttlMs))
  });
}
function listStoredRunners(store) {
  const now = Date.now();
  const alive = [];
  for (const [id, record] of store.runners) {
    if (record.expiresAt.getTime() <= now) store.runners.delete(id);
    else alive.push(copyValue(record));
  }
  return alive.sort((x, y) => x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}
function storedQueueDepths(store) {
  const depths = /* @__PURE__ */ new Map();
  for (const job of store.jobs.values()) {
    if (job.state !== "Enqueued") continue;
    const depth = depths.get(job.queue);
    if (!depth) depths.set(job.queue, { queue: job.queue, waiting: 1, oldestRunAt: new Date(job.runAt) });
    else {
      depth.waiting += 1;
      if (job.runAt < depth.oldestRunAt) depth.oldestRunAt = new Date(job.runAt);
    }
  }
  return [...depths.values()].sort((x, y) => x.queue < y.queue ? -1 : x.queue > y.queue ? 1 : 0);
}

// src/memory/memory-triggers.ts
var import_core15 = require("@hangar/core");
var import_adapter8 = require("@hangar/core/adapter");
var clone2 = copyValue;
function isAfter(job, finishedAt, cursor) {
  const at = cursor.at.getTime();
  if (finishedAt !== at) return finishedAt > at;
  return cursor.jobId !== void 0 && job.id > cursor.jobId;
}
var MemoryTriggers = class {
  constructor(store) {
    this.store = store;
  }
  store;
  async saveTrigger(trigger) {
    this.store.triggers.set(trigger.name, clone2(trigger));
  }
  async getTrigger(name) {
    const trigger = this.store.triggers.get(name);
    return trigger ? clone2(trigger) : void 0;
  }
  async listTriggers() {
    return [...this.store.triggers.values()].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0).map(clone2);
  }
  async deleteTrigger(name) {
    return this.store.triggers.delete(name);
  }
  async advanceTrigger(name, expected, next, firedAt) {
    const trigger = this.store.triggers.get(name);
    if (!trigger || !(0, import_core15.sameTriggerCursor)(trigger.cursor, expected)) return false;
    trigger.cursor = clone2(next);
    if (firedAt) trigger.lastFiredAt = new Date(firedAt);
    return true;
  }
  async listFinishedJobs(query) {
    const limit = (0, import_adapter8.checkFinishedJobsQuery)(query);
    const upTo = Date.now() - query.settledMs;
    const types = new Set(query.types);
    const states = new Set(query.states);
    const found = [];
    for (const job of this.store.jobs.values()) {
      if (!job.finishedAt || !states.has(job.state) || !types.has(job.type)) continue;
      if (query.customerId !== void 0 && job.customerId !== query.customerId) continue;
      const at = job.finishedAt.getTime();
      if (at > upTo || !isAfter(job, at, query.after)) continue;
      found.push({ job, at });
    }
    found.sort((a, b) => a.at - b.at || (a.job.id < b.job.id ? -1 : a.job.id > b.job.id ? 1 : 0));
    const page = found.slice(0, limit);
    const last = page.at(-1);
    return {
      jobs: page.map((f) => clone2(f.job)),
      reached: last ? { at: new Date(last.at), jobId: last.job.id } : void 0,
      more: found.length > limit
    };
  }
};

// src/memory/memory-queue.ts
var clone3 = copyValue;
var MemoryQueue = class extends TriggerCallsBase {
  name = "memory";
  /** The shared state; pass it to another MemoryQueue to simulate a second runner. */
  store;
  cleanups = [];
  coordination;
  triggerStore;
  constructor(options = {}) {
    super();
    this.store = options.store ?? new MemoryStore();
    this.coordination = new MemoryCoordination(this.store);
    this.triggerStore = new MemoryTriggers(this.store);
  }
  async enqueue(request, options) {
    options?.signal?.throwIfAborted();
    (0, import_adapter9.refuseTransaction)(options, "the memory queue");
    const [result] = insertJobs(this.store, [request]);
    if (!result) throw new Error("enqueue stored no job");
    return result;
  }
  async enqueueMany(requests, options) {
    options?.signal?.throwIfAborted();
    (0, import_adapter9.refuseTransaction)(options, "the memory queue");
    return insertJobs(this.store, requests);
  }
  async claim(request) {
    (0, import_adapter9.checkClaimRequest)(request);
    const s = this.store;
    const now = Date.now();
    for (let due = s.delayed.peek(); due && due.runAt <= now; due = s.delayed.peek()) {
      s.delayed.pop();
      const job = s.jobs.get(due.id);
      if (job && job.state === "Scheduled" && job.runAt.getTime() === due.runAt) {
        job.state = "Enqueued";
        s.readyHeap(job.queue).push(due);
      }
    }
    const types = new Set(request.types);
    const claimed = [];
    const worker = { ...request.worker };
    const leaseExpiresAt = new Date(now + request.leaseMs);
    const startedAt = s.dateAt(now);
    const copier = new RecordCopier();
    for (const queue of request.queues) {
      const heap = s.ready.get(queue);
      if (!heap) continue;
      const skipped = [];
      while (claimed.length < request.limit) {
        const entry = heap.pop();
        if (!entry) break;
        const job = s.jobs.get(entry.id);
        if (job?.state !== "Enqueued" || job.runAt.getTime() !== entry.runAt) continue;
        const customerCount = job.customerId ? s.runningPerCustomer.get(job.customerId) ?? 0 : 0;
        if (!types.has(job.type) || job.concurrencyKey !== void 0 && s.heldKeys.has(job.concurrencyKey) || request.maxPerCustomer !== void 0 && job.customerId && customerCount >= request.maxPerCustomer) {
          skipped.push(entry);
          continue;
        }
        (0, import_core16.assertTransition)(job.id, job.state, "Processing");
        job.attempts += 1;
        job.worker = worker;
        job.leaseExpiresAt = leaseExpiresAt;
        job.startedAt = startedAt;
        job.cancelRequested = false;
        this.entered(job, "Processing", startedAt);
        if (job.concurrencyKey !== void 0) s.heldKeys.set(job.concurrencyKey, job.id);
        if (job.customerId) s.runningPerCustomer.set(job.customerId, customerCount + 1);
        claimed.push(copier.copy(job));
      }
      for (const entry of skipped) heap.push(entry);
      if (claimed.length >= request.limit) break;
    }
    return claimed;
  }
  async heartbeat(workerId, jobIds, leaseMs) {
    (0, import_adapter9.checkPositiveInteger)("leaseMs", leaseMs);
    const leaseExpiresAt = new Date(Date.now() + leaseMs);
    const held = [];
    for (const id of jobIds) {
      const job = this.held(id, workerId);
      if (!job) continue;
      job.leaseExpiresAt = leaseExpiresAt;
      held.push(id);
    }
    return held;
  }
  async complete(jobId, workerId, result) {
    const job = this.held(jobId, workerId);
    if (!job) return false;
    job.result = clone3(result);
    this.finish(job, "Succeeded");
    return true;
  }
  async fail(jobId, workerId, request) {
    const job = this.held(jobId, workerId);
    if (!job) return false;
    job.errorInfo = clone3(request.errorInfo);
    if (request.retryAt && job.attempts < job.maxAttempts) {
      this.leaveProcessing(job);
      job.runAt = new Date(request.retryAt.getTime());
      const now = Date.now();
      const state = job.runAt.getTime() > now ? "Scheduled" : "Enqueued";
      this.transition(job, state, now, () => this.store.schedule(job, now));
    } else {
      this.finish(job, "Failed");
    }
    return true;
  }
  async markCancelled(jobId, workerId, result) {
    const job = this.held(jobId, workerId);
    if (!job) return false;
    job.result = clone3(result);
    this.finish(job, "Cancelled");
    return true;
  }
  async release(jobId, workerId) {
    const job = this.held(jobId, workerId);
    if (!job) return false;
    job.attempts -= 1;
    this.requeue(job);
    return true;
  }
  async recoverExpiredLeases() {
    const now = Date.now();
    const recovered = [];
    for (const job of this.store.jobs.values()) {
      if (job.state !== "Processing" || !job.leaseExpiresAt || job.leaseExpiresAt.getTime() > now) continue;
      recovered.push(job.id);
      if (job.attempts < job.maxAttempts) {
        this.requeue(job);
      } else {
        job.errorInfo = [
          {
            code: "LEASE_EXPIRED",
            key: "hangar.error.leaseExpired",
            params: { jobId: job.id },
            severity: "error",
            source: job.worker?.id
          }
        ];
        this.finish(job, "Failed");
      }
    }
    return recovered;
  }
  async requestCancel(jobId, options = {}) {
    const job = this.visible(jobId, options.customerId);
    if (!job) return "not-found";
    if ((0, import_core16.isTerminalState)(job.state)) return "finished";
    if (job.state !== "Processing") {
      this.finish(job, "Cancelled");
      return "cancelled";
    }
    job.cancelRequested = true;
    job.updatedAt = /* @__PURE__ */ new Date();
    if (job.worker) this.store.events.emit("cancel", job.worker.id, job.id);
    this.store.publish({ kind: "cancel-requested", jobId, queue: job.queue });
    return "requested";
  }
  async retryJob(jobId, request) {
    return retryStoredJob(this.store, jobId, request);
  }
  async deleteJob(jobId, options = {}) {
    return deleteStoredJob(this.store, jobId, options.customerId);
  }
  async onCancelRequest(workerId, listener) {
    const handler = (target, jobId) => {
      if (target === workerId) listener(jobId);
    };
    this.store.events.on("cancel", handler);
    const off = () => void this.store.events.off("cancel", handler);
    this.cleanups.push(off);
    return off;
  }
  async get(jobId, options = {}) {
    const job = this.visible(jobId, options.customerId);
    return job ? copyRecord(job) : void 0;
  }
  async list(filter = {}) {
    return listJobs(this.store, filter);
  }
  async countJobs(filter) {
    return countStoredJobs(this.store, filter);
  }
  async appendLog(jobId, entries) {
    if (entries.length === 0) return;
    const job = this.store.jobs.get(jobId);
    if (!job) throw new import_core16.JobNotFoundError(jobId);
    const log = this.store.logs.get(jobId) ?? [];
    this.store.logs.set(jobId, log);
    for (const e of entries) {
      const entry = { ...clone3(e), seq: log.length + 1 };
      log.push(entry);
      if (entry.level === "progress") {
        job.progress = { message: entry.message, current: entry.current, total: entry.total };
      }
      this.store.publish({ kind: "log", jobId, queue: job.queue, entry: clone3(entry) });
    }
  }
  async getLog(jobId, options = {}) {
    const after = options.afterSeq ?? 0;
    return clone3((this.store.logs.get(jobId) ?? []).filter((e) => e.seq > after));
  }
  acquireLock(name, owner, ttlMs) {
    return this.coordination.acquireLock(name, owner, ttlMs);
  }
  extendLock(name, owner, ttlMs) {
    return this.coordination.extendLock(name, owner, ttlMs);
  }
  releaseLock(name, owner) {
    return this.coordination.releaseLock(name, owner);
  }
  saveSchedule(schedule) {
    return this.coordination.saveSchedule(schedule);
  }
  getSchedule(name) {
    return this.coordination.getSchedule(name);
  }
  listSchedules() {
    return this.coordination.listSchedules();
  }
  deleteSchedule(name) {
    return this.coordination.deleteSchedule(name);
  }
  advanceSchedule(name, expected, next, firedAt) {
    return this.coordination.advanceSchedule(name, expected, next, firedAt);
  }
  async advertiseRunner(info, ttlMs) {
    advertiseStoredRunner(this.store, info, ttlMs);
  }
  async withdrawRunner(id) {
    this.store.runners.delete(id);
  }
  async listRunners() {
    return listStoredRunners(this.store);
  }
  async queueDepths() {
    return storedQueueDepths(this.store);
  }
  async cleanup(policy) {
    return cleanupJobs(this.store, policy);
  }
  async subscribe(listener, options = {}) {
    const off = this.store.listen(
      options.wakeUpsOnly ? "wake" : "change",
      (change) => listener(clone3(change))
    );
    this.cleanups.push(off);
    return off;
  }
  async close() {
    for (const off of this.cleanups.splice(0)) off();
  }
  visible(jobId, customerId) {
    const job = this.store.jobs.get(jobId);
    if (!job || customerId !== void 0 && job.customerId !== customerId) return void 0;
    return job;
  }
  held(jobId, workerId) {
    const job = this.store.jobs.get(jobId);
    return job && job.state === "Processing" && job.worker?.id === workerId ? job : void 0;
  }
  /**
   * Moves `job` to `to` with the other changes of the same step (`apply`), and only then tells
   * the subscribers: a listener runs synchronously inside `publish`, and one that reads the job
   * there (as `waitFor` does) must see the record as `get` will return it from then on.
   */
  transition(job, to, now, apply) {
    (0, import_core16.assertTransition)(job.id, job.state, to);
    job.state = to;
    job.updatedAt = this.store.dateAt(now);
    apply?.();
    if (this.store.watches(to))
      this.store.publish({ kind: "state", jobId: job.id, queue: job.queue, state: to });
  }
  /**
   * The end of a move whose caller already checked it (`assertTransition`) and made its other
   * changes: the claim and the end of a job, which `transition` would cost a closure each.
   */
  entered(job, to, at) {
    job.state = to;
    job.updatedAt = at;
    if (this.store.watches(to))
      this.store.publish({ kind: "state", jobId: job.id, queue: job.queue, state: to });
  }
  leaveProcessing(job) {
    if (job.state !== "Processing") return;
    job.leaseExpiresAt = void 0;
    if (job.concurrencyKey !== void 0 && this.store.heldKeys.get(job.concurrencyKey) === job.id) {
      this.store.heldKeys.delete(job.concurrencyKey);
    }
    if (job.customerId) {
      const n = (this.store.runningPerCustomer.get(job.customerId) ?? 1) - 1;
      if (n > 0) this.store.runningPerCustomer.set(job.customerId, n);
      else this.store.runningPerCustomer.delete(job.customerId);
    }
  }
  requeue(job) {
    const now = Date.now();
    this.leaveProcessing(job);
    job.runAt = new Date(now);
    this.transition(job, "Enqueued", now, () => this.store.schedule(job, now));
  }
  /**
   * Ends `job` and, in the same step, settles the Awaiting children that wait on it: one whose
   * condition this ending breaks is cancelled naming it (and its own children settled in turn);
   * one for which it was the last parent is released.
   */
  finish(job, to) {
    const now = Date.now();
    if (job.state === "Awaiting") forgetWaiting(this.store, job);
    this.leaveProcessing(job);
    (0, import_core16.assertTransition)(job.id, job.state, to);
    const at = this.store.dateAt(now);
    job.finishedAt = at;
    this.entered(job, to, at);
    if (!this.store.children.has(job.id)) return;
    const { released, cancelled } = settleChildren(this.store, job);
    for (const { child, errorInfo } of cancelled) {
      child.errorInfo = errorInfo;
      this.finish(child, "Cancelled");
    }
    for (const child of released) {
      const state = child.runAt.getTime() > now ? "Scheduled" : "Enqueued";
      this.transition(child, state, now, () => this.store.schedule(child, now));
    }
  }
};

// src/options/runner-options.ts
var import_core17 = require("@hangar/core");

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
    throw new import_core17.ConfigurationError(name, `must be a number \u2265 ${min}, got ${String(value)}`);
  }
}
function wholeNumber(name, value, min = 1) {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new import_core17.ConfigurationError(name, `must be a whole number \u2265 ${min}, got ${String(value)}`);
  }
}
function resolveRunnerOptions(options) {
  if (!options || typeof options.queue?.claim !== "function") {
    throw new import_core17.ConfigurationError("queue", "pass a queue adapter, e.g. `new MemoryQueue()`");
  }
  const concurrency = options.concurrency ?? RUNNER_DEFAULTS.concurrency;
  wholeNumber("concurrency", concurrency);
  const leaseMs = options.leaseMs ?? RUNNER_DEFAULTS.leaseMs;
  wholeNumber("leaseMs", leaseMs, 100);
  const heartbeatMs = options.heartbeatMs ?? Math.floor(leaseMs / 3);
  positive("heartbeatMs", heartbeatMs, 10);
  if (heartbeatMs >= leaseMs) {
    throw new import_core17.ConfigurationError(
      "heartbeatMs",
      `must be shorter than leaseMs (${leaseMs}); a third of it is usual`
    );
  }
  const queues = options.queues ?? { default: concurrency };
  if (Object.keys(queues).length === 0)
    throw new import_core17.ConfigurationError("queues", "name at least one queue to serve");
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

// src/runner/hangar-runner.ts
var import_node_crypto3 = require("crypto");
var import_node_os = require("os");
var import_core28 = require("@hangar/core");

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
var import_core18 = require("@hangar/core");
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
        (0, import_core18.safeEmit)(this.events, this.logger, "schedule:fired", { name: schedule.name, jobId: id, at: due });
      }
    } catch (error) {
      (0, import_core18.safeEmit)(this.events, this.logger, "worker:error", { error, context: "recurring schedules" });
    } finally {
      this.running = false;
    }
    return fired;
  }
};

// src/submitter/runner-job-submitter.ts
var import_core20 = require("@hangar/core");

// src/submitter/runner-job-watch.ts
var import_core19 = require("@hangar/core");
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
      if (change.kind === "state" && change.state !== void 0 && (0, import_core19.isTerminalState)(change.state))
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
      if ((0, import_core19.isTerminalState)(state) && this.watched.delete(id)) this.ended.set(id, state);
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
          throw new import_core20.ConfigurationError(
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
    for (const id of ids) if (!await this.get(ctx, id)) throw new import_core20.JobNotFoundError(id);
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
var import_core21 = require("@hangar/core");
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
    return (0, import_core21.supportsTriggers)(queue) ? queue : void 0;
  }
  /**
   * Fires the triggers matching a job this runner just ended; returns the ids of the jobs it
   * enqueued. A matching trigger is read again first, so a pause takes effect at once.
   */
  async onJobEnded(job, state, endedAt = /* @__PURE__ */ new Date()) {
    const ended = { ...job, state };
    const candidates = this.known.filter((t) => !t.paused && (0, import_core21.triggerMatches)(t, ended));
    const store = this.store;
    if (candidates.length === 0 || !store) return [];
    const fired = [];
    try {
      for (const candidate of candidates) {
        const trigger = await store.getTrigger(candidate.name);
        if (!trigger || trigger.paused || !(0, import_core21.triggerMatches)(trigger, ended)) continue;
        if (endedAt <= trigger.since) continue;
        fired.push(...await this.fire(trigger, [ended]));
      }
    } catch (error) {
      (0, import_core21.safeEmit)(this.events, this.logger, "worker:error", { error, context: "event triggers" });
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
          (0, import_core21.safeEmit)(this.events, this.logger, "worker:error", {
            error,
            context: `event trigger "${trigger.name}"`
          });
        }
      }
    } catch (error) {
      (0, import_core21.safeEmit)(this.events, this.logger, "worker:error", { error, context: "event triggers" });
    } finally {
      this.sweeping = false;
    }
    return fired;
  }
  async sweepOne(store, trigger) {
    const { owner, lockTtlMs: lockTtlMs2, maxPages, pageSize, settleMs } = this.settings;
    const lock = `hangar:trigger:${trigger.name}`;
    if (!await store.acquireLock(lock, owner, lockTtlMs2)) return [];
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
        const matching = found.jobs.filter((job) => (0, import_core21.triggerMatches)(trigger, job));
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
      (0, import_core21.safeEmit)(this.events, this.logger, "trigger:fired", {
        name: trigger.name,
        jobId: result.id,
        eventJobId
      });
    });
    return created;
  }
};

// src/worker/worker-pool.ts
var import_core27 = require("@hangar/core");

// src/worker/attempt-recorder.ts
var import_core22 = require("@hangar/core");
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
          (0, import_core22.safeEmit)(this.events, this.logger, "job:cancelled", { job });
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
      (0, import_core22.safeEmit)(this.events, this.logger, "job:succeeded", { job, result });
    }
  }
  async recordFailure(job, outcome) {
    const { queue: q, workerId } = this;
    const maxAttempts = Math.min(job.maxAttempts, Number.MAX_SAFE_INTEGER);
    if (outcome.retryable && job.attempts < maxAttempts) {
      const delayMs = (0, import_core22.retryDelayMs)(this.registry.retryPolicy(job.type), job.attempts);
      const retryAt = new Date(Date.now() + delayMs);
      if (await q.fail(job.id, workerId, { errorInfo: outcome.errorInfo, retryAt })) {
        (0, import_core22.safeEmit)(this.events, this.logger, "job:retrying", {
          job,
          attempt: job.attempts,
          delayMs,
          errorInfo: outcome.errorInfo
        });
      }
      return;
    }
    if (await q.fail(job.id, workerId, { errorInfo: outcome.errorInfo })) {
      (0, import_core22.safeEmit)(this.events, this.logger, "job:failed", { job, errorInfo: outcome.errorInfo });
    }
  }
};

// src/worker/isolation/thread-pool.ts
var import_node_worker_threads = require("worker_threads");

// src/worker/isolation/thread-entry.ts
var import_node_fs = require("fs");
var import_node_module = require("module");
var import_node_url = require("url");
var cached;
function threadEntry() {
  if (cached) return cached;
  const here = importMetaUrl;
  if (/\.[cm]?ts$/.test(here)) {
    const tsx = (0, import_node_url.pathToFileURL)(
      (0, import_node_module.createRequire)(here).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")
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
    if ((0, import_node_fs.existsSync)(url)) {
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
  acquire(module2) {
    const entry = this.idle.get(module2)?.pop();
    if (entry) {
      this.forget(entry);
      entry.worker.ref();
      return entry.worker;
    }
    const { script, eval: isEval } = threadEntry();
    return new import_node_worker_threads.Worker(script, { eval: isEval });
  }
  /** Keeps a thread whose attempt ended by itself for the next attempt of its module. */
  release(module2, worker) {
    if (this.closed) {
      void worker.terminate();
      return;
    }
    const list = this.idle.get(module2) ?? [];
    this.idle.set(module2, list);
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
var import_core26 = require("@hangar/core");

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
var import_node_url2 = require("url");
var import_core24 = require("@hangar/core");

// src/worker/isolation/thread-messages.ts
var import_core23 = require("@hangar/core");
function serializeError(error, type) {
  const detailed = error?.errorInfo;
  const errorInfo = Array.isArray(detailed) && detailed.length > 0 ? detailed : [(0, import_core23.errorInfoFromError)(error, type)];
  const base = error instanceof Error ? error : new Error(String(error));
  return {
    name: base.name,
    message: base.message,
    stack: base.stack,
    hangar: import_core23.HangarError.isInstance(error) ? { code: error.code, key: error.key, params: error.params, retryable: error.retryable } : void 0,
    errorInfo
  };
}
function deserializeError(serialized) {
  const { hangar } = serialized;
  const error = hangar ? new import_core23.HangarError(hangar.code, hangar.key, serialized.message, {
    params: hangar.params,
    retryable: hangar.retryable
  }) : new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  return Object.assign(error, { errorInfo: serialized.errorInfo });
}

// src/worker/isolation/worker-thread-job.ts
var WorkerThreadJob = class {
  constructor(record, definition, services, logger, threads) {
    this.record = record;
    this.definition = definition;
    this.services = services;
    this.logger = logger;
    this.threads = threads;
    const module2 = definition.module;
    if (module2 === void 0) {
      throw new import_core24.ConfigurationError(
        `jobs[${record.type}].module`,
        "set `module: import.meta.url` to isolate it"
      );
    }
    this.module = module2 instanceof URL || /^[a-z][a-z\d+.-]+:/i.test(module2) ? String(module2) : (0, import_node_url2.pathToFileURL)(module2).href;
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
      const onExit = (code) => reject(new import_core24.JobThreadExitedError(this.record.id, code));
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
    return new import_core24.ConfigurationError(
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
var import_core25 = require("@hangar/core");
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
      if (Date.now() >= deadline) throw new import_core25.LockUnavailableError(name, waitMs);
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
    const error = reason === "timeout" ? new import_core26.JobTimeoutError(this.record.id, this.record.timeoutMs ?? this.definition.timeoutMs ?? 0) : new import_core26.JobCancelledError(this.record.id);
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
    const params = deps.validated.take(record.id, record.params) ? record.params : (0, import_core26.validateParams)(record.type, definition.params, record.params);
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
    const terminated = new import_core26.JobTerminatedError(this.record.id, reason, this.deps.abortGraceMs);
    const errorInfo = [
      (0, import_core26.errorInfoFromError)(stop, this.record.type),
      (0, import_core26.errorInfoFromError)(terminated, this.record.type)
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
    const retryable = !(import_core26.HangarError.isInstance(error) && !error.retryable);
    const errorInfo = [(0, import_core26.errorInfoFromError)(error, this.record.type)];
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
            errorInfo: detailed ?? [(0, import_core26.errorInfoFromError)(reason, this.record.type)],
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
        (0, import_core27.safeEmit)(events, logger, "job:progress", { jobId, entry: { ...entry, seq: 0 } });
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
          if (!(0, import_core27.isWakeUp)(change)) return;
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
      (0, import_core27.safeEmit)(this.events, this.logger, "worker:error", {
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
          (error) => (0, import_core27.safeEmit)(this.events, this.logger, "worker:error", { error, context: `releasing job ${job.id}` })
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
      errorInfo: [(0, import_core27.errorInfoFromError)(new import_core27.JobCancelledError(job.id), job.type)]
    };
    this.track(
      this.recorder.record(job, { kind: "cancelled", result }).catch((error) => {
        (0, import_core27.safeEmit)(this.events, this.logger, "worker:error", {
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
      (0, import_core27.safeEmit)(this.events, this.logger, "job:started", { job });
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
      (0, import_core27.safeEmit)(this.events, this.logger, "worker:error", {
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
      (0, import_core27.safeEmit)(this.events, this.logger, "worker:error", { error, context: "heartbeat" });
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
    if (!this.services.has(import_core28.jobSubmitterToken)) {
      this.services.register({ token: import_core28.jobSubmitterToken, value: new RunnerJobSubmitter(this.client) });
    }
    logRunnerEvents(this.events, this.logger);
    const all = this.registry.types();
    const chosen = this.options.jobTypes ?? all;
    for (const type of chosen) {
      if (!this.registry.has(type)) {
        throw new import_core28.ConfigurationError(
          "jobTypes",
          `"${type}" is not a registered job type; registered: ${all.join(", ") || "(none)"}`
        );
      }
    }
    this.jobTypes = [...chosen];
    this.worker = {
      id: this.options.workerId ?? `${(0, import_node_os.hostname)()}:${process.pid}:${(0, import_node_crypto3.randomUUID)().slice(0, 8)}`,
      host: (0, import_node_os.hostname)(),
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
      throw new import_core28.ConfigurationError("start", `the runner is ${this.state}; create a new one`);
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
          (0, import_core28.safeEmit)(this.events, this.logger, "worker:error", { error, context: "retention cleanup" });
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
      (0, import_core28.safeEmit)(this.events, this.logger, "worker:error", { error, context: "runner advertisement" });
    }
  }
  /** Hands jobs of dead workers back to the queue now (also runs periodically). */
  async recover() {
    try {
      const ids = await this.options.queue.recoverExpiredLeases();
      if (ids.length > 0) (0, import_core28.safeEmit)(this.events, this.logger, "job:recovered", { jobIds: ids });
      return ids;
    } catch (error) {
      (0, import_core28.safeEmit)(this.events, this.logger, "worker:error", { error, context: "lease recovery" });
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
      (0, import_core28.safeEmit)(this.events, this.logger, "runner:stopping");
      for (const timer of this.timers) clearInterval(timer);
      this.timers = [];
      if (wasRunning) await this.pool.drain(graceMs);
      this.stopTracing?.();
      this.unfollow?.();
      if (wasRunning) {
        await this.options.queue.withdrawRunner(this.worker.id).catch((error) => {
          (0, import_core28.safeEmit)(this.events, this.logger, "worker:error", { error, context: "runner advertisement" });
        });
      }
      await this.services.dispose();
      this.registry.validated.setReading(false);
      this.state = "stopped";
      (0, import_core28.safeEmit)(this.events, this.logger, "runner:stopped");
      this.logger.info({ worker: this.worker.id }, "Runner stopped");
    })();
    return this.stopping;
  }
};
function createRunner(options) {
  return new HangarRunner(options);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
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
});
//# sourceMappingURL=index.cjs.map