"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
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
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/memory/index.ts
var memory_exports = {};
__export(memory_exports, {
  MemoryQueue: () => MemoryQueue,
  MemoryStore: () => MemoryStore
});
module.exports = __toCommonJS(memory_exports);

// src/memory/memory-queue.ts
var import_core7 = require("@hangar/core");
var import_adapter8 = require("@hangar/core/adapter");

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
var import_adapter = require("@hangar/core/adapter");

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
    const ttl = (0, import_adapter.lockTtlMs)(ttlMs);
    const now = Date.now();
    const lock = this.store.locks.get(name);
    if (lock && lock.expiresAt > now && lock.owner !== owner) return false;
    this.store.locks.set(name, { owner, expiresAt: now + ttl });
    return true;
  }
  /** See `QueueAdapter`. */
  async extendLock(name, owner, ttlMs) {
    const ttl = (0, import_adapter.lockTtlMs)(ttlMs);
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
var import_node_crypto = require("crypto");
var import_core3 = require("@hangar/core");
var import_adapter3 = require("@hangar/core/adapter");

// src/memory/memory-parents.ts
var import_core = require("@hangar/core");
var import_adapter2 = require("@hangar/core/adapter");
function awaitParents(store, child, parents, pending) {
  store.pendingParents.set(child.id, pending);
  for (const parent of parents) {
    if ((0, import_core.isTerminalState)(store.jobs.get(parent.id)?.state ?? "Succeeded")) continue;
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
    if (!(0, import_core.parentConditionHolds)(dependency.on, parent.state)) {
      const unmet = { parentId: parent.id, state: parent.state, condition: dependency.on };
      settled.cancelled.push({ child, errorInfo: (0, import_adapter2.parentConditionUnmetErrorInfo)(unmet) });
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
var import_core2 = require("@hangar/core");
var import_eventemitter3 = require("eventemitter3");

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
  events = new import_eventemitter3.EventEmitter();
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
    if (this.listeners.wake > 0 && (0, import_core2.isWakeUp)(change)) this.events.emit("wake", change);
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
  (0, import_adapter3.checkEnqueueRequests)(requests);
  checkParents(store, requests);
  const now = Date.now();
  const copier = new RecordCopier();
  return requests.map((r) => insert(store, r, now, copier));
}
function checkParents(store, requests) {
  for (const r of requests) {
    const missing = (0, import_adapter3.requestParents)(r).find((p) => !store.jobs.has(p.id));
    if (missing === void 0 || existingFor(store, r)) continue;
    throw new import_core3.JobNotFoundError(missing.id);
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
  const parents = (0, import_adapter3.requestParents)(request);
  const gate = (0, import_adapter3.parentGate)(parents, (id) => s.jobs.get(id)?.state);
  let state = runAt.getTime() > now ? "Scheduled" : "Enqueued";
  if (gate.kind === "awaiting") state = "Awaiting";
  if (gate.kind === "cancelled") state = "Cancelled";
  const job = (0, import_adapter3.newJobRecord)(request, {
    id: (0, import_node_crypto.randomUUID)(),
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
var import_core5 = require("@hangar/core");
var import_adapter5 = require("@hangar/core/adapter");

// src/memory/memory-retry-delete.ts
var import_core4 = require("@hangar/core");
var import_adapter4 = require("@hangar/core/adapter");
function visible(store, jobId, customerId) {
  const job = store.jobs.get(jobId);
  return job && (customerId === void 0 || job.customerId === customerId) ? job : void 0;
}
function retryStoredJob(store, jobId, request) {
  (0, import_adapter4.checkRetryRequest)(request);
  const job = visible(store, jobId, request.customerId);
  if (!job) return { outcome: "not-found" };
  if (!import_core4.RETRYABLE_STATES.includes(job.state)) return { outcome: "not-retryable", state: job.state };
  const now = Date.now();
  job.state = "Enqueued";
  job.maxAttempts = Math.min(job.attempts + request.attempts, import_adapter4.MAX_ATTEMPTS_CAP);
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
  if (!(0, import_core4.isTerminalState)(job.state)) return "not-finished";
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
    throw new import_core5.ConfigurationError("cursor", "pass the `nextCursor` of the previous page unchanged");
  }
  return Number(cursor);
}
function listJobs(s, filter) {
  const limit = (0, import_adapter5.listPageSize)(filter.limit);
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
    if (!(0, import_adapter5.jobHasLabels)(job, filter.metadata)) continue;
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
    const key = `${job.queue}\0${import_core5.JOB_STATES.indexOf(job.state)}`;
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
  const limit = (0, import_adapter5.checkRetentionPolicy)(policy);
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
var import_adapter6 = require("@hangar/core/adapter");
function advertiseStoredRunner(store, info, ttlMs) {
  (0, import_adapter6.checkPositiveInteger)("ttlMs", Math.ceil(ttlMs));
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
var import_core6 = require("@hangar/core");
var import_adapter7 = require("@hangar/core/adapter");
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
    if (!trigger || !(0, import_core6.sameTriggerCursor)(trigger.cursor, expected)) return false;
    trigger.cursor = clone2(next);
    if (firedAt) trigger.lastFiredAt = new Date(firedAt);
    return true;
  }
  async listFinishedJobs(query) {
    const limit = (0, import_adapter7.checkFinishedJobsQuery)(query);
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
    (0, import_adapter8.refuseTransaction)(options, "the memory queue");
    const [result] = insertJobs(this.store, [request]);
    if (!result) throw new Error("enqueue stored no job");
    return result;
  }
  async enqueueMany(requests, options) {
    options?.signal?.throwIfAborted();
    (0, import_adapter8.refuseTransaction)(options, "the memory queue");
    return insertJobs(this.store, requests);
  }
  async claim(request) {
    (0, import_adapter8.checkClaimRequest)(request);
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
        (0, import_core7.assertTransition)(job.id, job.state, "Processing");
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
    (0, import_adapter8.checkPositiveInteger)("leaseMs", leaseMs);
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
    if ((0, import_core7.isTerminalState)(job.state)) return "finished";
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
    if (!job) throw new import_core7.JobNotFoundError(jobId);
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
    (0, import_core7.assertTransition)(job.id, job.state, to);
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
    (0, import_core7.assertTransition)(job.id, job.state, to);
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
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  MemoryQueue,
  MemoryStore
});
//# sourceMappingURL=index.cjs.map