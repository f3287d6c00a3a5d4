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

// src/redis/index.ts
var redis_exports = {};
__export(redis_exports, {
  REDIS_QUEUE_DEFAULTS: () => REDIS_QUEUE_DEFAULTS,
  RedisQueue: () => RedisQueue
});
module.exports = __toCommonJS(redis_exports);

// ../../node_modules/tsup/assets/cjs_shims.js
var getImportMetaUrl = () => typeof document === "undefined" ? new URL(`file:${__filename}`).href : document.currentScript && document.currentScript.tagName.toUpperCase() === "SCRIPT" ? document.currentScript.src : new URL("main.js", document.baseURI).href;
var importMetaUrl = /* @__PURE__ */ getImportMetaUrl();

// src/redis/options.ts
var import_core = require("@hangar/core");
var REDIS_QUEUE_DEFAULTS = {
  connection: "redis://127.0.0.1:6379",
  prefix: "hangar",
  connectionName: "hangar",
  promoteBatchSize: 1e3,
  claimScanLimit: 1e3,
  recoverBatchSize: 1e3,
  listScanLimit: 5e3,
  logger: import_core.silentLogger,
  functions: true,
  claimWaitMs: 1e3
};
var POSITIVE_INTEGERS = [
  "promoteBatchSize",
  "claimScanLimit",
  "recoverBatchSize",
  "listScanLimit"
];
function resolveRedisQueueOptions(options) {
  const resolved = { ...REDIS_QUEUE_DEFAULTS };
  for (const [name, value] of Object.entries(options)) {
    if (value !== void 0) Object.assign(resolved, { [name]: value });
  }
  validateConnection(resolved.connection);
  if (typeof resolved.prefix !== "string" || resolved.prefix.length === 0 || /[\s*?[\]]/.test(resolved.prefix)) {
    throw new import_core.ConfigurationError(
      "prefix",
      `expected a non-empty key prefix without spaces or glob characters (* ? [ ]), got ${JSON.stringify(resolved.prefix)}`
    );
  }
  if (typeof resolved.connectionName !== "string" || !/^[!-~]+$/.test(resolved.connectionName)) {
    throw new import_core.ConfigurationError(
      "connectionName",
      "expected printable ASCII characters without spaces (Redis rejects other client names)"
    );
  }
  for (const name of POSITIVE_INTEGERS) {
    const value = resolved[name];
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new import_core.ConfigurationError(name, `expected a positive integer, got ${String(value)}`);
    }
  }
  if (!Number.isSafeInteger(resolved.claimWaitMs) || resolved.claimWaitMs < 0) {
    throw new import_core.ConfigurationError(
      "claimWaitMs",
      `expected a whole number of ms, 0 or more, got ${String(resolved.claimWaitMs)}`
    );
  }
  if (typeof resolved.functions !== "boolean") {
    throw new import_core.ConfigurationError("functions", `expected true or false, got ${String(resolved.functions)}`);
  }
  const logger = resolved.logger;
  if (typeof logger?.warn !== "function" || typeof logger.error !== "function") {
    throw new import_core.ConfigurationError("logger", "expected a pino-compatible logger with warn and error methods");
  }
  return resolved;
}
function validateConnection(connection) {
  if (typeof connection === "string") {
    let protocol;
    try {
      protocol = new URL(connection).protocol;
    } catch {
      throw new import_core.ConfigurationError(
        "connection",
        `"${connection}" is not a URL; use e.g. redis://127.0.0.1:6379`
      );
    }
    if (protocol !== "redis:" && protocol !== "rediss:") {
      throw new import_core.ConfigurationError(
        "connection",
        `use a redis:// or rediss:// URL, got protocol "${protocol}"`
      );
    }
    return;
  }
  const client = connection;
  if (typeof client?.duplicate !== "function" || typeof client.defineCommand !== "function") {
    throw new import_core.ConfigurationError("connection", "pass an ioredis `Redis` instance or a redis:// URL");
  }
}

// src/redis/redis-queue.ts
var import_node_crypto2 = require("crypto");
var import_core8 = require("@hangar/core");
var import_adapter7 = require("@hangar/core/adapter");

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

// src/operator-calls/operator-calls.ts
var OperatorCallsBase = class extends TriggerCallsBase {
  retryJob(jobId, request) {
    return this.operatorCalls.retryJob(jobId, request);
  }
  deleteJob(jobId, options) {
    return this.operatorCalls.deleteJob(jobId, options);
  }
  advertiseRunner(info, ttlMs) {
    return this.operatorCalls.advertiseRunner(info, ttlMs);
  }
  withdrawRunner(id) {
    return this.operatorCalls.withdrawRunner(id);
  }
  listRunners() {
    return this.operatorCalls.listRunners();
  }
  queueDepths() {
    return this.operatorCalls.queueDepths();
  }
};

// src/redis/job-codec.ts
var import_adapter = require("@hangar/core/adapter");

// src/redis/redis-keys.ts
var RedisKeys = class {
  /** `<prefix>:`, the start of every key; scripts get it as KEYS[1]. */
  base;
  constructor(prefix) {
    this.base = `${prefix}:`;
  }
  /** The job hash. */
  job(id) {
    return `${this.base}job:${id}`;
  }
  /** The job's log list. */
  log(id) {
    return `${this.base}log:${id}`;
  }
  /** The set of schedule names. */
  schedules() {
    return `${this.base}schedules`;
  }
  /** One schedule's hash. */
  schedule(name) {
    return `${this.base}schedule:${name}`;
  }
  /** Processing job ids by lease expiry. */
  leases() {
    return `${this.base}leases`;
  }
  /** The pending cancellations of a worker. */
  cancels(workerId) {
    return `${this.base}cancels:${workerId}`;
  }
  /** Pub/sub channel of job changes (channels ignore ioredis `keyPrefix`, so it is passed in). */
  changesChannel(keyPrefix) {
    return `${keyPrefix}${this.base}changes`;
  }
  /** Pub/sub channel of the wake-ups among job changes, also sent on `changesChannel`. */
  wakeChannel(keyPrefix) {
    return `${keyPrefix}${this.base}wake`;
  }
  /** Pub/sub channel on which enqueues hand jobs to the waiting claims of one queue instance. */
  pushChannel(keyPrefix, channel) {
    return `${keyPrefix}${this.base}push:${channel}`;
  }
  /** Pub/sub channel of cancellation requests. */
  cancelChannel(keyPrefix) {
    return `${keyPrefix}${this.base}cancel`;
  }
};
function readyGroup(queue, type) {
  return `${queue.length}:${queue}:${type}`;
}
var LUA_KEYS = `
local P
local function jobKey(id) return P .. 'job:' .. id end
local function logKey(id) return P .. 'log:' .. id end
local function childrenKey(id) return P .. 'children:' .. id end
local function idemField(cust, key) return #cust .. ':' .. cust .. ':' .. key end
-- park keys are stored relative to P on the job (zkey), so they are built without it here
local function parkKey(kind, owner, grp) return kind .. 'park:' .. #owner .. ':' .. owner .. ':' .. grp end
local function parkIndex(kind, owner) return P .. kind .. 'parks:' .. owner end
-- run-at and seq are decimal integer strings; padding them as strings avoids a number format
local ZEROS = '0000000000000000'
local function pad16(s)
  if string.byte(s, 1) == 45 then s = '0' end
  return string.sub(ZEROS, 1, 16 - #s) .. s
end
local function readyMember(runAt, seq, id) return pad16(runAt) .. ':' .. pad16(seq) .. ':' .. id end
local function memberId(m) return string.sub(m, 35) end
-- customer (absent: '-') and queue, length-prefixed so that no two pairs give one owner
local function countOwner(cust, queue)
  return (cust and (#cust .. ':' .. cust) or '-') .. '|' .. #queue .. ':' .. queue
end
`;

// src/redis/job-codec.ts
var OPTIONAL = ["customerId", "userId", "idempotencyKey", "concurrencyKey"];
function encodeNewJob(request) {
  const { type, queue, maxAttempts } = request;
  const priority = request.priority ?? 0;
  const typeJson = JSON.stringify(type);
  const queueJson = JSON.stringify(queue);
  let rec = `{"type":${typeJson},"queue":${queueJson},"priority":${priority},"maxAttempts":${maxAttempts}`;
  const fields = ["type", type, "queue", queue, "grp", readyGroup(queue, type)];
  fields.push("priority", String(priority), "maxAttempts", String(maxAttempts));
  if (request.runAt !== void 0) {
    fields.push("runAt", String(request.runAt.getTime()));
  }
  if (request.timeoutMs !== void 0) {
    const t = request.timeoutMs;
    rec += `,"timeoutMs":${Number.isFinite(t) ? t : JSON.stringify(String(t))}`;
  }
  const paramsJson = JSON.stringify(request.params);
  if (paramsJson !== void 0) rec += `,"params":${paramsJson}`;
  if (request.metadata !== void 0) rec += `,"metadata":${JSON.stringify(request.metadata)}`;
  for (const name of OPTIONAL) {
    const value = request[name];
    if (value === void 0) continue;
    fields.push(name, value);
    rec += `,"${name}":${JSON.stringify(value)}`;
  }
  const parents = (0, import_adapter.requestParents)(request);
  const [first] = parents;
  if (first !== void 0) {
    const parentsJson = JSON.stringify(parents);
    fields.push("parentId", first.id, "parents", parentsJson);
    rec += `,"parentId":${JSON.stringify(first.id)},"parents":${parentsJson}`;
  }
  fields.push("rec", `${rec}}`);
  return { fields, paramsJson };
}
function storedRecord(h) {
  if (h.rec !== void 0) return JSON.parse(h.rec);
  return {
    type: h.type ?? "",
    queue: h.queue ?? "",
    params: json(h.params),
    priority: h.priority ?? "0",
    maxAttempts: h.maxAttempts ?? "1",
    customerId: h.customerId,
    userId: h.userId,
    idempotencyKey: h.idempotencyKey,
    concurrencyKey: h.concurrencyKey,
    parentId: h.parentId,
    timeoutMs: h.timeoutMs,
    metadata: json(h.metadata)
  };
}
function recordFields(rec) {
  return {
    type: rec.type,
    queue: rec.queue,
    params: rec.params,
    priority: Number(rec.priority),
    maxAttempts: Number(rec.maxAttempts),
    customerId: rec.customerId,
    userId: rec.userId,
    idempotencyKey: rec.idempotencyKey,
    concurrencyKey: rec.concurrencyKey,
    parentId: rec.parentId,
    parents: rec.parents ?? (rec.parentId === void 0 ? [] : [{ id: rec.parentId, on: "success" }]),
    timeoutMs: rec.timeoutMs === void 0 ? void 0 : Number(rec.timeoutMs),
    metadata: rec.metadata
  };
}
function decodeJob(flat, id, lease) {
  const h = Array.isArray(flat) ? toRecord(flat) : flat;
  if (h.state === void 0) return void 0;
  const state = h.state;
  return {
    id,
    ...recordFields(storedRecord(h)),
    state,
    runAt: new Date(Number(h.runAt ?? 0)),
    attempts: Number(h.attempts ?? 0),
    worker: json(h.worker),
    // a field of that name in the hash itself is a leftover of earlier versions
    leaseExpiresAt: state === "Processing" ? date(lease ?? h.leaseExpiresAt) : void 0,
    cancelRequested: h.cancelRequested === "1",
    progress: json(h.progress),
    result: json(h.result),
    errorInfo: json(h.errorInfo),
    createdAt: new Date(Number(h.createdAt ?? 0)),
    // a new job's hash has no updatedAt of its own
    updatedAt: new Date(Number(h.updatedAt ?? h.createdAt ?? 0)),
    startedAt: date(h.startedAt),
    finishedAt: date(h.finishedAt)
  };
}
function toRecord(flat) {
  const out = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i]] = flat[i + 1];
  return out;
}
function json(raw) {
  return raw === void 0 || raw === null || raw === "" ? void 0 : JSON.parse(raw);
}
function date(raw) {
  return raw === void 0 || raw === null || raw === "" ? void 0 : new Date(Number(raw));
}

// src/redis/claim-reply.ts
var LINES_PER_JOB = 7;
function decodeClaimReply(reply, worker) {
  const lines = reply.split("\n");
  const now = Number(lines[0]);
  const lease = Number(lines[1]);
  const mark = lines[2] ?? "";
  const jobs = [];
  for (let i = 3; i + LINES_PER_JOB <= lines.length; i += LINES_PER_JOB) {
    const rec = JSON.parse(lines[i + 2]);
    jobs.push({
      id: lines[i],
      ...recordFields(rec),
      state: "Processing",
      runAt: new Date(Number(lines[i + 3])),
      attempts: Number(lines[i + 1] || 0) + 1,
      worker: { ...worker },
      leaseExpiresAt: new Date(lease),
      cancelRequested: false,
      progress: json(lines[i + 5]),
      result: void 0,
      errorInfo: json(lines[i + 6]),
      createdAt: new Date(Number(lines[i + 4])),
      updatedAt: new Date(now),
      startedAt: new Date(now),
      finishedAt: void 0
    });
  }
  if (!mark.startsWith("w")) return { jobs };
  return { jobs, waiting: { nextRunAt: mark.length > 1 ? Number(mark.slice(1)) : void 0, now } };
}

// src/redis/claim-waits.ts
var import_core2 = require("@hangar/core");
var ClaimWaits = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  pending = /* @__PURE__ */ new Map();
  /** Claim script calls on their way (registering or ending a wait). */
  ending = /* @__PURE__ */ new Set();
  seq = 0;
  closed = false;
  /** Claims, waiting for jobs when there are none. */
  claim(request) {
    const token = `${this.deps.channel}:${++this.seq}`;
    return new Promise((resolve, reject) => {
      const p = {
        token,
        request,
        queues: new Set(request.queues),
        state: "registering",
        resolve,
        reject
      };
      this.pending.set(token, p);
      this.track(
        this.deps.run(request, "", { ms: this.deps.waitMs, token }).then(
          (reply) => this.registered(p, reply),
          (error) => {
            if (this.pending.get(token) !== p) return;
            this.pending.delete(token);
            reject(error);
          }
        )
      );
    });
  }
  /** A hand-over message: the token, a line break, then the claim reply. */
  onPush(message) {
    const cut = message.indexOf("\n");
    const p = this.pending.get(message.slice(0, cut));
    if (p && p.state !== "ending") this.handOver(p, message.slice(cut + 1));
  }
  /** A job of a waiting claim's queues became runnable without being handed to it: claim now. */
  onChange(change) {
    if (this.pending.size === 0) return;
    if (!(0, import_core2.isWakeUp)(change)) return;
    for (const p of this.pending.values()) {
      if (p.state === "waiting" && (change.queue === void 0 || p.queues.has(change.queue)))
        this.end(p, true);
    }
  }
  /** Ends every wait (once the claims registering one are back); jobs found are handed back. */
  async close() {
    this.closed = true;
    for (const p of this.pending.values()) if (p.state === "waiting") this.end(p, false);
    while (this.ending.size > 0) await Promise.all([...this.ending]);
  }
  registered(p, reply) {
    if (this.pending.get(p.token) !== p) return;
    if (!reply.waiting) {
      this.pending.delete(p.token);
      p.resolve(reply.jobs);
      return;
    }
    p.state = "waiting";
    if (this.closed) {
      this.end(p, false);
      return;
    }
    const { nextRunAt, now } = reply.waiting;
    const ms = nextRunAt === void 0 ? this.deps.waitMs : Math.min(this.deps.waitMs, nextRunAt - now);
    p.timer = setTimeout(() => this.end(p, false), Math.max(0, ms));
    p.timer.unref();
  }
  handOver(p, reply) {
    this.pending.delete(p.token);
    clearTimeout(p.timer);
    const jobs = this.deps.decode(reply, p.request);
    if (this.closed) this.track(this.deps.release(p.request, jobs).then(() => p.resolve([]), p.reject));
    else p.resolve(jobs);
  }
  end(p, claim) {
    p.state = "ending";
    clearTimeout(p.timer);
    this.track(
      this.deps.run(p.request, p.token, claim ? void 0 : "end").then(
        async (reply) => {
          this.pending.delete(p.token);
          if (!this.closed) return p.resolve(reply.jobs);
          await this.deps.release(p.request, reply.jobs);
          p.resolve([]);
        },
        (error) => {
          this.pending.delete(p.token);
          p.reject(error);
        }
      )
    );
  }
  track(promise) {
    const tracked = promise.finally(() => this.ending.delete(tracked));
    this.ending.add(tracked);
  }
};

// src/drivers/optional-driver.ts
var import_node_module = require("module");
var import_core3 = require("@hangar/core");
var requireFromRunner = (0, import_node_module.createRequire)(importMetaUrl);
var loaded = /* @__PURE__ */ new Map();
function requireDriver(driver, feature) {
  if (loaded.has(driver)) return loaded.get(driver);
  try {
    const module2 = requireFromRunner(driver);
    loaded.set(driver, module2);
    return module2;
  } catch (cause) {
    const missing = cause?.code === "MODULE_NOT_FOUND" && String(cause.message).includes(`'${driver}'`);
    throw missing ? new import_core3.DriverNotInstalledError(driver, feature, cause) : cause;
  }
}

// src/redis/connection.ts
function ioredisClass() {
  return requireDriver("ioredis", "RedisQueue (@hangar/runner/redis)").Redis;
}
function openConnection(url, connectionName) {
  return new (ioredisClass())(url, { connectionName });
}
async function closeConnection(conn) {
  if (conn.status === "end") return;
  const ended = new Promise((resolve) => conn.once("end", () => resolve()));
  if (conn.status === "ready") {
    try {
      await conn.quit();
    } catch {
      conn.disconnect();
    }
  } else {
    conn.disconnect();
  }
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => {
      conn.disconnect();
      resolve();
    }, 2e3);
  });
  await Promise.race([ended, timeout]);
  clearTimeout(timer);
}

// src/redis/list-query.ts
var import_core4 = require("@hangar/core");
var CURSOR_TAG = "redis:";
function encodeCursor(seq) {
  return Buffer.from(`${CURSOR_TAG}${seq}`, "utf8").toString("base64url");
}
function decodeCursor(cursor) {
  const raw = Buffer.from(cursor, "base64url").toString("utf8");
  const seq = raw.startsWith(CURSOR_TAG) ? raw.slice(CURSOR_TAG.length) : "";
  if (!/^\d{1,16}$/.test(seq)) {
    throw new import_core4.ConfigurationError("cursor", "pass the `nextCursor` of the previous page unchanged");
  }
  return seq;
}
function listArgs(filter, limit, beforeSeq, scanLimit) {
  const [index, owner] = filter.userId !== void 0 ? ["user", filter.userId] : filter.customerId !== void 0 ? ["cust", filter.customerId] : ["all", ""];
  const exact = (value) => value === void 0 ? "" : `=${value}`;
  const set = (values) => values === void 0 ? [-1] : [values.length, ...values];
  return [
    index,
    owner,
    beforeSeq === void 0 ? "+inf" : `(${beforeSeq}`,
    limit,
    scanLimit,
    exact(filter.customerId),
    exact(filter.userId),
    exact(filter.queue),
    exact(filter.parentId),
    ...set(filter.states),
    ...set(filter.types)
  ];
}

// src/redis/log-codec.ts
function decodeLogEntry(raw) {
  const stored = JSON.parse(raw);
  return { ...stored, at: new Date(stored.at) };
}
function encodeLogEntry(entry) {
  const { at, ...rest } = entry;
  return JSON.stringify({ at: at.toISOString(), ...rest });
}
function progressOf(entries) {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e?.level !== "progress") continue;
    const snapshot = { message: e.message };
    if (e.current !== void 0) snapshot.current = e.current;
    if (e.total !== void 0) snapshot.total = e.total;
    return JSON.stringify(snapshot);
  }
  return "";
}

// src/redis/lua-core.ts
var import_core5 = require("@hangar/core");

// src/redis/lua-tally.ts
var LUA_TALLY = `
local function tally(j, from, to, seq)
  if from == to then return end
  local owner = countOwner(j.customerId, j.queue)
  if from then
    local f = owner .. '|' .. from
    local n = TALLY[f]
    if not n then TALLY_FIELDS[#TALLY_FIELDS + 1] = f end
    TALLY[f] = (n or 0) - 1
  end
  if to then
    local f = owner .. '|' .. to
    local n = TALLY[f]
    if not n then TALLY_FIELDS[#TALLY_FIELDS + 1] = f end
    TALLY[f] = (n or 0) + 1
  end
  if from == 'Enqueued' or to == 'Enqueued' then
    local key = P .. 'wait:' .. owner
    local w = WAITS[key]
    if not w then
      w = {}
      WAITS[key] = w
      WAIT_KEYS[#WAIT_KEYS + 1] = key
    end
    if to == 'Enqueued' then w[j.id] = seq or j.seq else w[j.id] = false end
  end
end
local function flushTally()
  for _, f in ipairs(TALLY_FIELDS) do
    local n = TALLY[f]
    if n ~= 0 then redis.call('HINCRBY', P .. 'counts', f, n) end
  end
  for _, key in ipairs(WAIT_KEYS) do
    local adds, rems = {}, {}
    for id, seq in pairs(WAITS[key]) do
      if seq then
        adds[#adds + 1] = seq
        adds[#adds + 1] = id
      else
        rems[#rems + 1] = id
      end
    end
    if #adds > 0 then sendSliced('ZADD', key, adds, 4000) end
    if #rems > 0 then sendSliced('ZREM', key, rems, 4000) end
  end
  TALLY, TALLY_FIELDS, WAITS, WAIT_KEYS = {}, {}, {}, {}
end
`;

// src/redis/lua-core.ts
function luaStateSet(states) {
  return `{ ${states.map((state) => `${state} = true`).join(", ")} }`;
}
var LUA_STATE_MACHINE = `
local TERMINAL = ${luaStateSet(import_core5.TERMINAL_STATES)}
local RETRYABLE = ${luaStateSet(import_core5.RETRYABLE_STATES)}
local MOVES = {
${import_core5.JOB_STATES.map((from) => `  ${from} = ${luaStateSet(import_core5.JOB_TRANSITIONS[from])},`).join("\n")}
}
-- the terminal states each parent condition accepts ('end' is a Lua keyword, hence the brackets)
local CONDITION = {
${Object.keys(import_core5.PARENT_CONDITION_STATES).map((c) => `  ['${c}'] = ${luaStateSet(import_core5.PARENT_CONDITION_STATES[c])},`).join("\n")}
}
`;
var LUA_CORE = `${LUA_STATE_MACHINE}-- Redis' clock, not the caller's, so that leases and run-at times agree across hosts.
local NOW, NOW_S
-- Changes of this call, published once as a JSON array after the state change is written.
local CHANGES, GROUP, QUEUE_JSON
-- zset writes of this call by key (member/score pairs), sent when the call ends
local ZADDS, ZADD_KEYS, ZREMS, ZREM_KEYS
-- count moves of this call (see LUA_TALLY), sent when the call ends
local TALLY, TALLY_FIELDS, WAITS, WAIT_KEYS

local function begin(keys)
  P = keys[1]
  local t = redis.call('TIME')
  NOW_S = t[1] .. string.sub(string.sub('000000', 1, 6 - #t[2]) .. t[2], 1, 3)
  NOW = tonumber(NOW_S)
  CHANGES, GROUP, QUEUE_JSON = {}, nil, {}
  ZADDS, ZADD_KEYS, ZREMS, ZREM_KEYS = {}, {}, {}, {}
  TALLY, TALLY_FIELDS, WAITS, WAIT_KEYS = {}, {}, {}, {}
end

-- Consecutive changes of one kind, queue and state travel as one array
-- \`[kind, state|null, queue|null, id...]\`; job ids are UUIDs the adapter minted, so they need no
-- escaping, and queue names are encoded once per call.
-- Wake-ups (a job enqueued, or become Enqueued) go out once more on \`wake\`, the only change
-- channel of workers.
local function emit(kind, id, queue, state)
  local g = GROUP
  if not g or g.kind ~= kind or g.queue ~= queue or g.state ~= state then
    g = { kind = kind, queue = queue, state = state, ids = {} }
    g.wake = kind == 'enqueued' or (kind == 'state' and state == 'Enqueued')
    GROUP = g
    CHANGES[#CHANGES + 1] = g
  end
  g.ids[#g.ids + 1] = id
end
local function emitRaw(json)
  GROUP = nil
  CHANGES[#CHANGES + 1] = json
end
local function changeJson(c)
  if type(c) == 'string' then return c end
  local q = 'null'
  if c.queue then
    q = QUEUE_JSON[c.queue]
    if not q then
      q = cjson.encode(c.queue)
      QUEUE_JSON[c.queue] = q
    end
  end
  local s = c.state and ('"' .. c.state .. '"') or 'null'
  return '["' .. c.kind .. '",' .. s .. ',' .. q .. ',"' .. table.concat(c.ids, '","') .. '"]'
end

local function zaddLater(key, score, member)
  local l = ZADDS[key]
  if not l then
    l = {}
    ZADDS[key] = l
    ZADD_KEYS[#ZADD_KEYS + 1] = key
  end
  l[#l + 1] = score
  l[#l + 1] = member
end
-- Only for keys a script never also adds the same member to (leases, ready sets in a claim).
local function zremLater(key, member)
  local l = ZREMS[key]
  if not l then
    l = {}
    ZREMS[key] = l
    ZREM_KEYS[#ZREM_KEYS + 1] = key
  end
  l[#l + 1] = member
end
-- unpack is bounded by the Lua C stack, so long lists go out in slices
local function sendSliced(cmd, key, l, step)
  for i = 1, #l, step do
    redis.call(cmd, key, unpack(l, i, math.min(i + step - 1, #l)))
  end
end
local function flushZadds(key)
  local l = ZADDS[key]
  if l and #l > 0 then
    sendSliced('ZADD', key, l, 4000)
    ZADDS[key] = {}
  end
end
local function flushZrems(key)
  local l = ZREMS[key]
  if l and #l > 0 then
    sendSliced('ZREM', key, l, 4000)
    ZREMS[key] = {}
  end
end

${LUA_TALLY}
local function flush()
  flushTally()
  for _, key in ipairs(ZREM_KEYS) do flushZrems(key) end
  for _, key in ipairs(ZADD_KEYS) do flushZadds(key) end
  if #CHANGES > 0 then
    local parts, wakes = {}, {}
    for i, c in ipairs(CHANGES) do
      parts[i] = changeJson(c)
      if type(c) == 'table' and c.wake then wakes[#wakes + 1] = parts[i] end
    end
    if #wakes > 0 then redis.call('PUBLISH', P .. 'wake', '[' .. table.concat(wakes, ',') .. ']') end
    redis.call('PUBLISH', P .. 'changes', '[' .. table.concat(parts, ',') .. ']')
  end
end

-- Runs a script's main function; the deferred writes of whatever it did are sent even when it fails
-- half-way (a tampered key), so every job it touched stays consistent, then the error is raised.
local function run(main, keys, args)
  begin(keys)
  local ok, result = pcall(main, args)
  flush()
  if not ok then error(result, 0) end
  return result
end

local FIELDS = { 'state', 'queue', 'grp', 'priority', 'runAt', 'seq', 'attempts', 'maxAttempts',
  'customerId', 'concurrencyKey', 'workerId', 'parentId', 'zkey', 'zmem', 'cancelRequested' }
local function load(id)
  local key = jobKey(id)
  local v = redis.call('HMGET', key, unpack(FIELDS))
  if not v[1] then return nil end
  local j = { id = id, key = key }
  for i, name in ipairs(FIELDS) do
    if v[i] then j[name] = v[i] end
  end
  return j
end

-- A job with only the named fields read; HMGET replies cost per field, so hot paths read few.
local function loadSome(id, names)
  local key = jobKey(id)
  local v = redis.call('HMGET', key, unpack(names))
  if not v[1] then return nil end
  local j = { id = id, key = key }
  for i = 1, #names do
    if v[i] then j[names[i]] = v[i] end
  end
  return j
end

local function attemptsOf(j) return tonumber(j.attempts) or 0 end

-- Small integers as strings, each formatted once (per call, or once for good in a function library).
local INTS = {}
local function int(n)
  local s = INTS[n]
  if not s then
    s = tostring(n)
    if n >= 0 and n < 4096 and n % 1 == 0 then INTS[n] = s end
  end
  return s
end

local function isTerminal(state) return TERMINAL[state] == true end

-- Refuses a move JOB_TRANSITIONS does not allow, before the move writes anything: a script that
-- tried one has a bug, and stopping it leaves the job as it was rather than in a state no other
-- adapter would put it in.
-- The one exception is an operator's retry (\`j.handRetry\`, set by retryJob only), which takes a
-- Failed or Cancelled job back to Enqueued outside the automatic machine.
local function checkMove(j, to)
  if j.handRetry and to == 'Enqueued' and RETRYABLE[j.state] then return end
  local allowed = MOVES[j.state]
  if not (allowed and allowed[to]) then
    error('hangar: job ' .. j.id .. ' cannot go from ' .. tostring(j.state) .. ' to ' .. to)
  end
end

local function setState(j, to)
  checkMove(j, to)
  tally(j, j.state, to)
  redis.call('HSET', j.key, 'state', to, 'updatedAt', NOW_S)
  j.state = to
  emit('state', j.id, j.queue, to)
end

-- The zset entry of a job that is not Processing: key relative to P, and member; nil when none.
local function entryOf(j)
  if j.zkey then return j.zkey, j.zmem or readyMember(j.runAt, j.seq, j.id) end
  if j.state == 'Enqueued' then return 'ready:' .. j.grp, readyMember(j.runAt, j.seq, j.id) end
  if j.state == 'Scheduled' then return 'delayed', j.id end
  return nil
end

-- Forgets an emptied park set; \`cparked\` lists the customers that still have set-aside entries.
local function dropPark(kind, owner, pk)
  local index = parkIndex(kind, owner)
  redis.call('SREM', index, pk)
  if kind == 'c' and redis.call('EXISTS', index) == 0 then redis.call('SREM', P .. 'cparked', owner) end
end

-- Moves the best set-aside entry of each group of a concurrency key ('k') or customer ('c') back
-- to its ready set. One per group is enough: another claim sets it aside again if still blocked.
local function unpark(kind, owner)
  local index = parkIndex(kind, owner)
  local moved = 0
  for _, pk in ipairs(redis.call('SMEMBERS', index)) do
    local head = redis.call('ZPOPMIN', P .. pk)
    if head[1] then
      local id = memberId(head[1])
      local jk = jobKey(id)
      local v = redis.call('HMGET', jk, 'grp', 'queue')
      if v[1] then
        redis.call('ZADD', P .. 'ready:' .. v[1], head[2], head[1])
        -- a ready entry is found from the job's fields, so the park key is forgotten
        redis.call('HDEL', jk, 'zkey', 'zmem')
        -- still Enqueued, but claimable again: idle claimers and workers hear of it
        emit('state', id, v[2] or nil, 'Enqueued')
        moved = moved + 1
      end
    end
    if redis.call('EXISTS', P .. pk) == 0 then dropPark(kind, owner, pk) end
  end
  return moved
end

-- Takes a job that is not Processing out of the ready, park or delayed set holding it.
local function unzset(j)
  local zkey, zmem = entryOf(j)
  if not zkey then return end
  redis.call('ZREM', P .. zkey, zmem)
  if j.zkey then redis.call('HDEL', j.key, 'zkey', 'zmem') end
  local kind = string.sub(zkey, 1, 6)
  if kind == 'ready:' then
    -- entries set aside behind this one would otherwise wait for a release that never comes
    if j.concurrencyKey and redis.call('HEXISTS', P .. 'held', j.concurrencyKey) == 0 then
      unpark('k', j.concurrencyKey)
    end
    if j.customerId then unpark('c', j.customerId) end
  elseif (kind == 'kpark:' or kind == 'cpark:') and redis.call('EXISTS', P .. zkey) == 0 then
    if kind == 'kpark:' then dropPark('k', j.concurrencyKey, zkey) else dropPark('c', j.customerId, zkey) end
  end
  j.zkey = nil
  j.zmem = nil
end

-- Frees what a Processing job holds: its lease, concurrency key and customer slot.
local function leaveProcessing(j)
  zremLater(P .. 'leases', j.id)
  -- only a requested cancellation (which sets the flag in the same script) adds to the set
  if j.workerId and j.cancelRequested == '1' then redis.call('SREM', P .. 'cancels:' .. j.workerId, j.id) end
  if j.concurrencyKey then
    if redis.call('HGET', P .. 'held', j.concurrencyKey) == j.id then
      redis.call('HDEL', P .. 'held', j.concurrencyKey)
    end
    unpark('k', j.concurrencyKey)
  end
  if j.customerId then
    if redis.call('HINCRBY', P .. 'running', j.customerId, '-1') <= 0 then
      redis.call('HDEL', P .. 'running', j.customerId)
    end
    unpark('c', j.customerId)
  end
end

-- Puts a job in the delayed set (Scheduled).
local function toDelayed(j)
  checkMove(j, 'Scheduled')
  redis.call('ZADD', P .. 'delayed', j.runAt, j.id)
  setState(j, 'Scheduled')
end

-- Puts a job in its ready set (Enqueued).
local function toReady(j)
  checkMove(j, 'Enqueued')
  redis.call('ZADD', P .. 'ready:' .. j.grp, j.priority, readyMember(j.runAt, j.seq, j.id))
  setState(j, 'Enqueued')
end

-- Enqueued when due, else Scheduled.
local function makeRunnable(j)
  if tonumber(j.runAt) > NOW then toDelayed(j) else toReady(j) end
end

-- The error of a child cancelled because parentId ended in a state its condition does not accept.
local function parentUnmet(parentId, state, condition)
  return cjson.encode({ { code = 'PARENT_CONDITION_UNMET', key = 'hangar.error.parentConditionUnmet',
    params = { parentId = parentId, state = state, condition = condition }, severity = 'error' } })
end

-- The parents of a job: its \`parents\` field ({id, on} objects), or, for a job stored by an
-- earlier version, its one parent on success.
local function parentsOf(parentId, parentsJson)
  if parentsJson then return cjson.decode(parentsJson) end
  if parentId then return { { id = parentId, on = 'success' } } end
  return {}
end

-- Ends a job (Succeeded, Failed or Cancelled) and, in the same call, settles its Awaiting
-- children: one whose condition on it this ending breaks is cancelled naming it (its own
-- children settled in turn); one whose \`pending\` count of parents reaches zero is released.
-- \`field\`, \`value\`: an optional extra field (result, errorInfo) written with the state.
local finish
finish = function(j, to, field, value)
  checkMove(j, to)
  tally(j, j.state, to)
  if j.state == 'Processing' then leaveProcessing(j) else unzset(j) end
  if j.state == 'Awaiting' then
    for _, p in ipairs(parentsOf(j.parentId, redis.call('HGET', j.key, 'parents'))) do
      redis.call('SREM', childrenKey(p.id), j.id)
    end
  end
  if field then
    redis.call('HSET', j.key, 'finishedAt', NOW_S, 'state', to, 'updatedAt', NOW_S, field, value)
  else
    redis.call('HSET', j.key, 'finishedAt', NOW_S, 'state', to, 'updatedAt', NOW_S)
  end
  j.state = to
  emit('state', j.id, j.queue, to)
  zaddLater(P .. 'done:' .. to, NOW_S, j.id)
  local ck = childrenKey(j.id)
  local kids = redis.call('SMEMBERS', ck)
  if #kids > 0 then redis.call('DEL', ck) end
  for _, kid in ipairs(kids) do
    local c = load(kid)
    if c and c.state == 'Awaiting' then
      local v = redis.call('HMGET', c.key, 'parents', 'pending')
      local on = 'success'
      for _, p in ipairs(parentsOf(c.parentId, v[1])) do
        if p.id == j.id then on = p.on end
      end
      if not CONDITION[on][to] then
        redis.call('HSET', c.key, 'errorInfo', parentUnmet(j.id, to, on))
        finish(c, 'Cancelled')
      elseif not v[2] or redis.call('HINCRBY', c.key, 'pending', -1) <= 0 then
        makeRunnable(c)
      end
    end
  end
end
`;
function coreScript(body, uses = []) {
  return { body, core: true, readOnly: false, uses };
}
function keysScript(body, options = {}) {
  return { body, core: false, readOnly: options.readOnly ?? false, uses: [] };
}
function evalSource(script) {
  return script.core ? `${LUA_KEYS}${LUA_CORE}${script.uses.join("")}${script.body}
return run(main, KEYS, ARGV)
` : `${LUA_KEYS}${script.body}
P = KEYS[1]
return main(ARGV)
`;
}
function librarySource(library, scripts) {
  const chunks = new Set(Object.values(scripts).flatMap((script) => script.uses));
  const parts = [`#!lua name=${library}
${LUA_KEYS}${LUA_CORE}`, ...chunks];
  for (const [name, script] of Object.entries(scripts)) {
    const callback = script.core ? "function(keys, args) return run(main, keys, args) end" : "function(keys, args) P = keys[1] return main(args) end";
    const flags = script.readOnly ? ", flags = { 'no-writes' }" : "";
    parts.push(`do
${script.body}
redis.register_function({ function_name = '${library}_${name}', callback = ${callback}${flags} })
end
`);
  }
  return parts.join("");
}

// src/redis/lua-claim.ts
var CLAIM_CORE = `
local function promote(maxCount)
  local ids = redis.call('ZRANGEBYSCORE', P .. 'delayed', '-inf', NOW_S, 'LIMIT', '0', maxCount)
  for _, id in ipairs(ids) do
    local j = load(id)
    if j and j.state == 'Scheduled' then
      unzset(j)
      toReady(j)
    else
      redis.call('ZREM', P .. 'delayed', id)
    end
  end
end

local function park(j, kind, owner, grp, head)
  local pk = parkKey(kind, owner, grp)
  redis.call('ZADD', P .. pk, head.raw, head.m)
  redis.call('SADD', parkIndex(kind, owner), pk)
  redis.call('HSET', j.key, 'zkey', pk)
end

-- Customer entries are set aside under the limit of the claim that did it (\`climit\`). A claim
-- allowing more (the limit was raised, or it has none) gives every such customer below its limit
-- its jobs back; that is rare, so walking \`cparked\` then is fine.
local function parkCustomer(j, grp, head, maxPer)
  park(j, 'c', j.customerId, grp, head)
  redis.call('SADD', P .. 'cparked', j.customerId)
  redis.call('SET', P .. 'climit', maxPer)
end

local function healRaisedLimit(maxPer)
  local limit = redis.call('GET', P .. 'climit')
  if not limit or (maxPer and maxPer <= tonumber(limit)) then return end
  for _, c in ipairs(redis.call('SMEMBERS', P .. 'cparked')) do
    if not maxPer or tonumber(redis.call('HGET', P .. 'running', c) or '0') < maxPer then unpark('c', c) end
  end
  if maxPer then redis.call('SET', P .. 'climit', maxPer) else redis.call('DEL', P .. 'climit') end
end

-- What deciding on a ready entry reads, then the rest of what a claimed job's record is made of:
-- the unchanging part packed in \`rec\`, and what an earlier attempt may have changed. Each field
-- of an HMGET and each value returned costs Redis about as much as a small command, so few are read
-- and the reply is one string. Fields only a finished job has are left out.
local CLAIM_FIELDS = { 'state', 'attempts', 'concurrencyKey', 'customerId', 'zkey', 'rec', 'runAt',
  'createdAt', 'progress', 'errorInfo' }

-- The \`rec\` of a job stored by an earlier version, built from its separate fields.
local LEGACY_FIELDS = { 'type', 'queue', 'params', 'priority', 'maxAttempts', 'customerId', 'userId',
  'idempotencyKey', 'concurrencyKey', 'parentId', 'timeoutMs', 'metadata' }
local LEGACY_RAW = { params = true, priority = true, maxAttempts = true, timeoutMs = true, metadata = true }
local function legacyRec(key)
  local v = redis.call('HMGET', key, unpack(LEGACY_FIELDS))
  local parts = {}
  for i, name in ipairs(LEGACY_FIELDS) do
    -- JSON values and numbers as stored, strings encoded
    if v[i] then parts[#parts + 1] = '"' .. name .. '":' .. (LEGACY_RAW[name] and v[i] or cjson.encode(v[i])) end
  end
  return '{' .. table.concat(parts, ',') .. '}'
end

-- A claimer: worker id and JSON, limit, lease expiry (string), per-customer limit (nil = none),
-- scan limit, and its groups with the queue of each.
local function claimer(workerId, workerJson, limit, leaseMs, maxPer, scanLimit, grps, queues)
  return { workerId = workerId, workerJson = workerJson, limit = tonumber(limit), leaseMs = leaseMs,
    leaseS = tostring(NOW + tonumber(leaseMs)), maxPer = tonumber(maxPer), maxPerS = maxPer,
    scanLimit = tonumber(scanLimit), grps = grps, queues = queues }
end

-- Takes the claimer's best runnable jobs. Returns the reply lines of the jobs taken (per job its
-- id, attempts before the take, rec, run-at, created-at, progress, errors; '' when absent) and
-- how many there are.
local function takeBest(c)
  local limit, maxPer, grps = c.limit, c.maxPer, c.grps
  local merge = #grps > 1
  -- Entries of each group are read ahead, as many as the claim may still take, in one ZRANGE,
  -- and removed together once examined (\`zremLater\`). The loop only takes entries out of ready
  -- sets, so what was read stays in order and valid, except after an unpark (which adds some):
  -- the removals are sent first and \`fresh\` drops what was read ahead.
  local ahead, pos, heads = {}, {}, {}
  local out = {}
  local claimedCount = 0
  local function fetchHead(i, fresh)
    local r, p = ahead[i], (pos[i] or -1) + 2
    if fresh or not r or not r[p] then
      local key = P .. 'ready:' .. grps[i]
      flushZrems(key)
      r = redis.call('ZRANGE', key, '0', int(math.max(limit - claimedCount, 1) - 1), 'WITHSCORES')
      ahead[i] = r
      p = 1
    end
    pos[i] = p
    local m = r[p]
    if m then
      heads[i] = { m = m, raw = r[p + 1] }
    else
      heads[i] = false
    end
  end
  -- numeric comparison: Lua compares strings with the server's locale
  local function before(a, b)
    if not a.s then a.s, a.t, a.q = tonumber(a.raw), tonumber(string.sub(a.m, 1, 16)), tonumber(string.sub(a.m, 18, 33)) end
    if not b.s then b.s, b.t, b.q = tonumber(b.raw), tonumber(string.sub(b.m, 1, 16)), tonumber(string.sub(b.m, 18, 33)) end
    if a.s ~= b.s then return a.s < b.s end
    if a.t ~= b.t then return a.t < b.t end
    return a.q < b.q
  end
  for i = 1, #grps do fetchHead(i) end

  local scanned = 0
  local leases = P .. 'leases'
  while claimedCount < limit and scanned < c.scanLimit do
    local best
    if merge then
      for i = 1, #grps do
        local h = heads[i]
        if h and (not best or before(h, heads[best])) then best = i end
      end
    elseif heads[1] then
      best = 1
    end
    if not best then break end
    local h, grp = heads[best], grps[best]
    scanned = scanned + 1
    local refetchAll = false
    -- decide before writing, so an error on one entry leaves it untouched
    local id = memberId(h.m)
    local key = jobKey(id)
    local v = redis.call('HMGET', key, unpack(CLAIM_FIELDS))
    local state, ck, customer = v[1], v[3], v[4]
    local keyBusy = ck and redis.call('HEXISTS', P .. 'held', ck) == 1
    local customerFull = not keyBusy and maxPer and customer
      and tonumber(redis.call('HGET', P .. 'running', customer) or '0') >= maxPer
    zremLater(P .. 'ready:' .. grp, h.m)
    if state == 'Enqueued' then
      local j = { id = id, key = key, concurrencyKey = ck or nil, customerId = customer or nil }
      if keyBusy then
        park(j, 'k', ck, grp, h)
      elseif customerFull then
        parkCustomer(j, grp, h, maxPer)
      else
        redis.call('HSET', key, 'state', 'Processing', 'attempts', int((tonumber(v[2]) or 0) + 1),
          'workerId', c.workerId, 'worker', c.workerJson, 'startedAt', NOW_S, 'updatedAt', NOW_S)
        -- written by versions that kept the ready entry on the job
        if v[5] then redis.call('HDEL', key, 'zkey', 'zmem') end
        zaddLater(leases, c.leaseS, id)
        emit('state', id, c.queues[best], 'Processing')
        j.queue = c.queues[best]
        tally(j, 'Enqueued', 'Processing')
        if ck then redis.call('HSET', P .. 'held', ck, id) end
        local n = #out
        out[n + 1] = id
        out[n + 2] = v[2] or ''
        out[n + 3] = v[6] or legacyRec(key)
        out[n + 4] = v[7] or ''
        out[n + 5] = v[8] or ''
        out[n + 6] = v[9] or ''
        out[n + 7] = v[10] or ''
        claimedCount = claimedCount + 1
        -- a customer below the limit (say it was raised) gets its set-aside jobs back
        if customer then
          local running = redis.call('HINCRBY', P .. 'running', customer, '1')
          if maxPer and running < maxPer then
            for i = 1, #grps do flushZrems(P .. 'ready:' .. grps[i]) end
            if unpark('c', customer) > 0 then refetchAll = true end
          end
        end
      end
    end
    if refetchAll then
      for i = 1, #grps do fetchHead(i, true) end
    else
      fetchHead(best)
    end
  end
  return out, claimedCount
end

-- The reply of a claim: start time, lease expiry, the wait mark ('' or 'w' followed by the next
-- scheduled run-at, if any), then the lines of the jobs taken.
local function claimReply(c, lines, waitMark)
  if #lines == 0 then return NOW_S .. '\\n' .. c.leaseS .. '\\n' .. waitMark end
  return NOW_S .. '\\n' .. c.leaseS .. '\\n' .. waitMark .. '\\n' .. table.concat(lines, '\\n')
end
`;
var CLAIM_WAIT = `
-- Registers a claimer that found nothing; returns the wait mark with the next scheduled run-at.
local function registerWait(grps, waitMs, token, spec)
  local ttl = tonumber(waitMs) + 1000
  local expiry = tostring(NOW + ttl)
  redis.call('SET', P .. 'waiter:' .. token, spec, 'PX', tostring(ttl))
  for _, g in ipairs(grps) do redis.call('ZADD', P .. 'waiting:' .. g, expiry, token) end
  local due = redis.call('ZRANGE', P .. 'delayed', '0', '0', 'WITHSCORES')
  return 'w' .. (due[2] or '')
end

-- Ends a wait on the claimer's groups: nil when it was still waiting (or gone), else the reply of
-- the enqueue that claimed for it.
local function unwait(token, grps)
  local wk = P .. 'waiter:' .. token
  local v = redis.call('GET', wk)
  if not v then
    -- expired: its entries may still be listed, as may those of claimers that died waiting
    for _, g in ipairs(grps) do redis.call('ZREMRANGEBYSCORE', P .. 'waiting:' .. g, '-inf', '(' .. NOW_S) end
    return nil
  end
  redis.call('DEL', wk)
  if string.byte(v, 1) ~= 123 then return v end
  for _, g in ipairs(grps) do redis.call('ZREM', P .. 'waiting:' .. g, token) end
  return nil
end

-- The earliest claimer still waiting on a group: its token and claimer (decoded), or nil.
local function waiterOf(grp)
  local wz = P .. 'waiting:' .. grp
  -- the zset is gone when nobody waits, and EXISTS costs far less than a range read
  if redis.call('EXISTS', wz) == 0 then return nil end
  while true do
    local token = redis.call('ZRANGEBYSCORE', wz, NOW_S, '+inf', 'LIMIT', '0', '1')[1]
    if not token then return nil end
    local spec = redis.call('GET', P .. 'waiter:' .. token)
    if spec and string.byte(spec, 1) == 123 then return token, cjson.decode(spec) end
    redis.call('ZREM', wz, token)
  end
end

-- Hands the jobs claimed for a waiting claimer over: it stops waiting, its key keeps the reply
-- (for a claimer whose message is lost) and the reply goes out on its channel.
local function handOver(token, w, c, lines)
  for _, g in ipairs(w.g) do redis.call('ZREM', P .. 'waiting:' .. g, token) end
  local reply = claimReply(c, lines, '')
  redis.call('SET', P .. 'waiter:' .. token, reply, 'KEEPTTL')
  redis.call('PUBLISH', P .. 'push:' .. w.c, token .. '\\n' .. reply)
end

local function claimerOf(w) return claimer(w.w, w.j, w.l, w.ms, w.mp, w.s, w.g, w.q) end

-- Claims for the claimers waiting on a group, earliest first, while they find jobs.
local function serveWaiters(grp)
  while true do
    local token, w = waiterOf(grp)
    if not token then return end
    local c = claimerOf(w)
    local lines, n = takeBest(c)
    -- nothing it may take (set aside behind a busy key or customer): it keeps waiting
    if n == 0 then return end
    handOver(token, w, c, lines)
  end
end

-- Whether none of these groups has a ready entry.
local function readyEmpty(grps)
  for _, g in ipairs(grps) do
    if redis.call('EXISTS', P .. 'ready:' .. g) == 1 then return false end
  end
  return true
end
`;
var CLAIM_LUA = coreScript(
  `
local function main(A)
  local grps, queues = {}, {}
  for i = 12, #A, 2 do
    grps[#grps + 1] = A[i]
    queues[#queues + 1] = A[i + 1]
  end
  local c = claimer(A[1], A[2], A[3], A[4], A[5], A[6], grps, queues)
  if A[8] ~= '' then
    local pushed = unwait(A[8], grps)
    if pushed then return pushed end
    -- a wait that ran out takes nothing that became runnable meanwhile
    if A[9] == '-' then return claimReply(c, {}, '') end
  end
  promote(A[7])
  healRaisedLimit(c.maxPer)
  local lines, n = takeBest(c)
  local waitMark = ''
  if n == 0 and A[9] ~= '' then waitMark = registerWait(grps, A[9], A[10], A[11]) end
  return claimReply(c, lines, waitMark)
end
`,
  [CLAIM_CORE, CLAIM_WAIT]
);

// src/redis/lua-enqueue.ts
var PARENT_NOT_FOUND = "PARENT_NOT_FOUND";
var ENQUEUE_LUA = coreScript(
  `
local PARENT_NOT_FOUND = '${PARENT_NOT_FOUND}'
local function main(A)
  local n = tonumber(A[1])
  local pos = 2
  local jobs = {}
  local batchIdem = {}
  -- Phase 1 only reads: idempotency keys and parents of the whole batch are resolved first.
  for i = 1, n do
    local count = tonumber(A[pos + 1])
    local f, flat = { id = A[pos] }, {}
    pos = pos + 2
    for _ = 1, count do
      local name, value = A[pos], A[pos + 1]
      pos = pos + 2
      f[name] = value
      flat[#flat + 1] = name
      flat[#flat + 1] = value
    end
    local job = { f = f, flat = flat }
    if f.idempotencyKey then
      job.idem = idemField(f.customerId or '', f.idempotencyKey)
      local existing = redis.call('HGET', P .. 'idem', job.idem)
      if existing and redis.call('EXISTS', jobKey(existing)) == 1 then
        job.existing = existing
      elseif batchIdem[job.idem] then
        job.existing = batchIdem[job.idem]
      else
        batchIdem[job.idem] = f.id
      end
    end
    if not job.existing and f.parents then
      -- where the child stands: the first parent (in the order given) that ended in a state its
      -- condition does not accept cancels it; else it waits for the parents not ended yet
      job.waitOn = {}
      for _, p in ipairs(cjson.decode(f.parents)) do
        local ps = redis.call('HGET', jobKey(p.id), 'state')
        -- nothing is written yet: the whole batch is refused
        if not ps then return redis.error_reply(PARENT_NOT_FOUND .. ' ' .. p.id) end
        if not TERMINAL[ps] then
          job.waitOn[#job.waitOn + 1] = p.id
        elseif not job.unmet and not CONDITION[p.on][ps] then
          job.unmet = { p.id, ps, p.on }
        end
      end
    end
    jobs[i] = job
  end

  local created = 0
  for _, job in ipairs(jobs) do
    if not job.existing then created = created + 1 end
  end
  local seq = 0
  if created > 0 then seq = redis.call('INCRBY', P .. 'seq', int(created)) - created end

  -- Phase 2 writes; zset entries of the batch go out as one ZADD per key when the script ends.
  local out = {}
  local filled, fill = {}, {}
  local direct
  for i, job in ipairs(jobs) do
    local f = job.f
    if not job.existing then
      seq = seq + 1
      local seqS = tostring(seq)
      local runAt = f.runAt or NOW_S
      local state
      -- one HSET with every field: the job's own fields plus the ones decided here
      local flat = job.flat
      local function set(name, value)
        flat[#flat + 1] = name
        flat[#flat + 1] = value
      end
      if job.unmet then
        state = 'Cancelled'
        set('finishedAt', NOW_S)
        set('errorInfo', parentUnmet(job.unmet[1], job.unmet[2], job.unmet[3]))
        zaddLater(P .. 'done:Cancelled', NOW_S, f.id)
      elseif job.waitOn and #job.waitOn > 0 then
        state = 'Awaiting'
        set('pending', tostring(#job.waitOn))
        for _, parentId in ipairs(job.waitOn) do redis.call('SADD', childrenKey(parentId), f.id) end
      elseif tonumber(runAt) > NOW then
        state = 'Scheduled'
        zaddLater(P .. 'delayed', runAt, f.id)
      else
        state = 'Enqueued'
        -- A lone job that nothing could be ahead of goes straight to a waiting claimer: written
        -- as taken, without a ready entry to add, read back and remove. Anything else is served
        -- from the ready sets below.
        local token, w
        if n == 1 and not f.concurrencyKey and not f.customerId then token, w = waiterOf(f.grp) end
        if token and readyEmpty(w.g) then
          local c = claimerOf(w)
          set('attempts', '1')
          set('workerId', c.workerId)
          set('worker', c.workerJson)
          set('startedAt', NOW_S)
          set('updatedAt', NOW_S)
          zaddLater(P .. 'leases', c.leaseS, f.id)
          direct = { token = token, w = w, c = c, lines = { f.id, '', f.rec, runAt, NOW_S, '', '' } }
        else
          zaddLater(P .. 'ready:' .. f.grp, f.priority, readyMember(runAt, seqS, f.id))
          if not filled[f.grp] then
            filled[f.grp] = true
            fill[#fill + 1] = f.grp
          end
        end
      end
      if not f.runAt then set('runAt', runAt) end
      set('seq', seqS)
      -- updatedAt is left out until the job first changes: it reads as createdAt
      set('createdAt', NOW_S)
      set('state', direct and 'Processing' or state)
      redis.call('HSET', jobKey(f.id), unpack(flat))
      tally(f, nil, direct and 'Processing' or state, seqS)
      zaddLater(P .. 'idx:all', seqS, f.id)
      if f.customerId then zaddLater(P .. 'idx:cust:' .. f.customerId, seqS, f.id) end
      if f.userId then zaddLater(P .. 'idx:user:' .. f.userId, seqS, f.id) end
      if job.idem then redis.call('HSET', P .. 'idem', job.idem, f.id) end
      -- a wake-up even when handed over: it is how the worker that took it comes back to wait
      emit('enqueued', f.id, f.queue, state)
      if direct then
        emit('state', f.id, f.queue, 'Processing')
        handOver(direct.token, direct.w, direct.c, direct.lines)
      end
      out[i] = { 1, state, NOW_S, seqS, runAt }
      if job.unmet then
        out[i][6], out[i][7], out[i][8] = job.unmet[1], job.unmet[2], job.unmet[3]
      end
    end
  end
  -- Claimers waiting on a group get its jobs now, in this step; their change events follow the
  -- enqueued ones, and the hand-over message goes out before both.
  for _, grp in ipairs(fill) do
    flushZadds(P .. 'ready:' .. grp)
    serveWaiters(grp)
  end
  -- Existing jobs last, so that a duplicate within the batch sees the job created above.
  for i, job in ipairs(jobs) do
    if job.existing then
      out[i] = { 0, job.existing, redis.call('HGETALL', jobKey(job.existing)),
        redis.call('ZSCORE', P .. 'leases', job.existing) }
    end
  end
  return out
end
`,
  [CLAIM_CORE, CLAIM_WAIT]
);

// src/redis/hand-changes.ts
var import_adapter2 = require("@hangar/core/adapter");
var customerArgs = (customerId) => customerId === void 0 ? ["0", ""] : ["1", customerId];
async function retryRedisJob(scripts, jobId, request) {
  (0, import_adapter2.checkRetryRequest)(request);
  const reply = await scripts.retryJob(
    jobId,
    ...customerArgs(request.customerId),
    request.attempts
  );
  const [outcome, ...rest] = reply;
  if (outcome === "not-retryable") return { outcome, state: rest[0] };
  const job = outcome === "retried" ? decodeJob(rest, jobId) : void 0;
  return job ? { outcome: "retried", job } : { outcome: "not-found" };
}
async function deleteRedisJob(scripts, jobId, customerId) {
  return await scripts.deleteJob(jobId, ...customerArgs(customerId));
}

// src/redis/runner-records.ts
var import_adapter3 = require("@hangar/core/adapter");
function lengthPrefixed(value) {
  const colon = value.indexOf(":");
  const length = Number(value.slice(0, colon));
  if (colon < 1 || !Number.isInteger(length)) return void 0;
  const text = value.slice(colon + 1, colon + 1 + length);
  if (value[colon + 1 + length] !== ":") return void 0;
  return [text, value.slice(colon + 2 + length)];
}
function queueOfKey(relative) {
  if (relative.startsWith("ready:")) return lengthPrefixed(relative.slice("ready:".length))?.[0];
  if (relative.startsWith("kpark:") || relative.startsWith("cpark:")) {
    const group = lengthPrefixed(relative.slice("kpark:".length))?.[1];
    return group === void 0 ? void 0 : lengthPrefixed(group)?.[0];
  }
  return void 0;
}
var RedisRunners = class {
  constructor(redis, scripts, base) {
    this.redis = redis;
    this.scripts = scripts;
    this.base = base;
  }
  redis;
  scripts;
  base;
  /** Stores or refreshes an advertisement until `ttlMs` from now (Redis' clock). */
  async advertise(info, ttlMs) {
    const ttl = Math.ceil(ttlMs);
    (0, import_adapter3.checkPositiveInteger)("ttlMs", ttl);
    const { id, host, pid, queues, types, startedAt } = info;
    const json2 = JSON.stringify({ host, pid, queues, types, startedAt: startedAt.toISOString() });
    await this.scripts.advertiseRunner(id, json2, ttl);
  }
  /** Removes an advertisement. */
  async withdraw(id) {
    await this.redis.multi().zrem(`${this.base}runners:exp`, id).hdel(`${this.base}runners`, id).exec();
  }
  /** The advertisements that have not lapsed, by id. */
  async list() {
    const reply = await this.scripts.listRunners();
    const records = [];
    for (let i = 0; i + 2 < reply.length; i += 3) {
      const stored = JSON.parse(reply[i + 2]);
      records.push({
        id: reply[i],
        ...stored.info,
        startedAt: new Date(stored.info.startedAt),
        seenAt: new Date(stored.seenAt),
        expiresAt: new Date(Number(reply[i + 1]))
      });
    }
    return records.sort((x, y) => x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  }
  /**
   * Enqueued jobs per queue: the sizes and oldest entries of the ready zsets and of the park
   * zsets (Enqueued jobs set aside behind a concurrency key or customer limit), found with SCAN,
   * so the cost grows with the number of queues, job types and distinct priorities, not of jobs.
   */
  async queueDepths() {
    const depths = /* @__PURE__ */ new Map();
    for (const pattern of ["ready:*", "kpark:*", "cpark:*"]) {
      let cursor = "0";
      do {
        const [next, keys] = await this.redis.scan(cursor, "MATCH", `${this.base}${pattern}`, "COUNT", 1e3);
        cursor = next;
        const relative = keys.map((key) => key.slice(this.base.length));
        const reply = relative.length > 0 ? await this.scripts.queueDepths(relative) : [];
        relative.forEach((key, i) => {
          const queue = queueOfKey(key);
          const size = Number(reply[2 * i] ?? 0);
          const oldest = String(reply[2 * i + 1] ?? "");
          if (queue === void 0 || size === 0 || oldest === "") return;
          const runAt = new Date(Number(oldest));
          const depth = depths.get(queue);
          if (!depth) depths.set(queue, { queue, waiting: size, oldestRunAt: runAt });
          else {
            depth.waiting += size;
            if (runAt < depth.oldestRunAt) depth.oldestRunAt = runAt;
          }
        });
      } while (cursor !== "0");
    }
    return [...depths.values()].sort((x, y) => x.queue < y.queue ? -1 : x.queue > y.queue ? 1 : 0);
  }
};

// src/redis/operator-calls.ts
function redisOperatorCalls(redis, scripts, base) {
  const runners = new RedisRunners(redis, scripts, base);
  return {
    retryJob: (jobId, request) => retryRedisJob(scripts, jobId, request),
    deleteJob: (jobId, options) => deleteRedisJob(scripts, jobId, options?.customerId),
    advertiseRunner: (info, ttlMs) => runners.advertise(info, ttlMs),
    withdrawRunner: (id) => runners.withdraw(id),
    listRunners: () => runners.list(),
    queueDepths: () => runners.queueDepths()
  };
}

// src/redis/redis-job-counts.ts
var import_core6 = require("@hangar/core");
function lengthPrefixed2(field, at) {
  const colon = field.indexOf(":", at);
  const length = Number(field.slice(at, colon));
  if (colon < 0 || !Number.isInteger(length) || length < 0) return void 0;
  return { text: field.slice(colon + 1, colon + 1 + length), end: colon + 1 + length };
}
function parseCountField(field) {
  let customerId;
  let at = 0;
  if (field.startsWith("-|")) at = 1;
  else {
    const customer = lengthPrefixed2(field, 0);
    if (!customer) return void 0;
    customerId = customer.text;
    at = customer.end;
  }
  if (field[at] !== "|") return void 0;
  const queue = lengthPrefixed2(field, at + 1);
  if (!queue || field[queue.end] !== "|") return void 0;
  const state = field.slice(queue.end + 1);
  if (!import_core6.JOB_STATES.includes(state)) return void 0;
  return { owner: field.slice(0, queue.end), customerId, queue: queue.text, state };
}
async function countRedisJobs(redis, scripts, base, filter = {}) {
  await scripts.recount();
  const raw = await redis.hgetall(`${base}counts`);
  const totals = /* @__PURE__ */ new Map();
  const waitingOwners = /* @__PURE__ */ new Set();
  for (const [name, value] of Object.entries(raw)) {
    const field = parseCountField(name);
    const count = Number(value);
    if (!field || !(count > 0)) continue;
    if (filter.customerId !== void 0 && field.customerId !== filter.customerId) continue;
    const key = `${field.queue}\0${import_core6.JOB_STATES.indexOf(field.state)}`;
    const total = totals.get(key);
    if (total) total.count += count;
    else totals.set(key, { queue: field.queue, state: field.state, count, estimated: false });
    if (field.state === "Enqueued") waitingOwners.add(field.owner);
  }
  const oldest = /* @__PURE__ */ new Map();
  if (waitingOwners.size > 0) {
    const heads = await scripts.oldestWaiting(...waitingOwners);
    for (let i = 0; i + 4 <= heads.length; i += 4) {
      const [owner, jobId, seq, createdAt] = heads.slice(i, i + 4);
      const queue = parseCountField(`${owner}|Enqueued`)?.queue;
      if (queue === void 0) continue;
      const first = oldest.get(queue);
      if (!first || Number(seq) < first.seq) {
        oldest.set(queue, { queue, jobId, createdAt: new Date(Number(createdAt)), seq: Number(seq) });
      }
    }
  }
  const byKey = (entries) => [...entries].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([, value]) => value);
  return {
    counts: byKey(totals),
    oldestWaiting: byKey(oldest).map(({ queue, jobId, createdAt }) => ({ queue, jobId, createdAt })),
    finishedCountedAt: /* @__PURE__ */ new Date()
  };
}

// src/redis/redis-scripts.ts
var import_node_crypto = require("crypto");

// src/redis/lua-coordination.ts
var ACQUIRE_LOCK_LUA = keysScript(`
local function main(A)
  local key = P .. 'lock:' .. A[1]
  local owner = redis.call('GET', key)
  if owner and owner ~= A[2] then return 0 end
  redis.call('SET', key, A[2], 'PX', A[3])
  return 1
end
`);
var EXTEND_LOCK_LUA = keysScript(`
local function main(A)
  local key = P .. 'lock:' .. A[1]
  if redis.call('GET', key) ~= A[2] then return 0 end
  redis.call('PEXPIRE', key, A[3])
  return 1
end
`);
var RELEASE_LOCK_LUA = keysScript(`
local function main(A)
  local key = P .. 'lock:' .. A[1]
  if redis.call('GET', key) ~= A[2] then return 0 end
  redis.call('DEL', key)
  return 1
end
`);
var ADVANCE_SCHEDULE_LUA = keysScript(`
local function main(A)
  local key = P .. 'schedule:' .. A[1]
  if redis.call('HGET', key, 'nextRunAt') ~= A[2] then return 0 end
  if A[3] == '' then
    redis.call('HDEL', key, 'nextRunAt')
  else
    redis.call('HSET', key, 'nextRunAt', A[3])
  end
  redis.call('HSET', key, 'lastRunAt', A[4])
  return 1
end
`);

// src/redis/lua-counts.ts
var RECOUNT_LUA = keysScript(
  `
local function main(A)
  if redis.call('EXISTS', P .. 'countsv') == 1 then return 0 end
  redis.call('DEL', P .. 'counts')
  local counts = {}
  local first = '-inf'
  while true do
    local ids = redis.call('ZRANGEBYSCORE', P .. 'idx:all', first, '+inf', 'WITHSCORES', 'LIMIT', 0, 1000)
    if #ids == 0 then break end
    for i = 1, #ids, 2 do
      local id = ids[i]
      first = '(' .. ids[i + 1]
      local v = redis.call('HMGET', jobKey(id), 'customerId', 'queue', 'state', 'seq')
      if v[2] and v[3] then
        local owner = countOwner(v[1] or nil, v[2])
        local field = owner .. '|' .. v[3]
        counts[field] = (counts[field] or 0) + 1
        if v[3] == 'Enqueued' then
          redis.call('ZADD', P .. 'wait:' .. owner, v[4] or ids[i + 1], id)
        else
          redis.call('ZREM', P .. 'wait:' .. owner, id)
        end
      end
    end
  end
  for field, n in pairs(counts) do redis.call('HSET', P .. 'counts', field, n) end
  redis.call('SET', P .. 'countsv', '1')
  return 1
end
`
);
var OLDEST_WAITING_LUA = keysScript(
  `
local function main(A)
  local out = {}
  for _, owner in ipairs(A) do
    local head = redis.call('ZRANGE', P .. 'wait:' .. owner, 0, 0, 'WITHSCORES')
    if head[1] then
      local at = redis.call('HGET', jobKey(head[1]), 'createdAt')
      if at then
        out[#out + 1] = owner
        out[#out + 1] = head[1]
        out[#out + 1] = head[2]
        out[#out + 1] = at
      end
    end
  end
  return out
end
`,
  { readOnly: true }
);

// src/redis/lua-hand-changes.ts
var import_adapter4 = require("@hangar/core/adapter");
var DROP_JOB = `
local function dropJob(id)
  local key = jobKey(id)
  local v = redis.call('HMGET', key, 'customerId', 'userId', 'idempotencyKey', 'queue', 'state')
  if v[4] and v[5] then tally({ id = id, customerId = v[1] or nil, queue = v[4] }, v[5], nil) end
  redis.call('ZREM', P .. 'idx:all', id)
  if v[1] then redis.call('ZREM', P .. 'idx:cust:' .. v[1], id) end
  if v[2] then redis.call('ZREM', P .. 'idx:user:' .. v[2], id) end
  if v[3] then
    local field = idemField(v[1] or '', v[3])
    if redis.call('HGET', P .. 'idem', field) == id then redis.call('HDEL', P .. 'idem', field) end
  end
  redis.call('UNLINK', key, logKey(id), childrenKey(id))
end
`;
var RETRY_LUA = coreScript(`
local KEY = '"maxAttempts":'

-- \`rec\` is JSON the adapter wrote with maxAttempts before the parameters, so the first
-- occurrence of the key is the job's own (a key inside a string value would be escaped).
local function withMaxAttempts(rec, maxS)
  local at = string.find(rec, KEY, 1, true)
  if not at then return nil end
  local from = at + #KEY
  local value = string.match(rec, '^"?%d+"?', from)
  if not value then return nil end
  return string.sub(rec, 1, from - 1) .. maxS .. string.sub(rec, from + #value)
end

local function main(A)
  local id = A[1]
  local j = load(id)
  if not j or (A[2] == '1' and j.customerId ~= A[3]) then return { 'not-found' } end
  if j.state ~= 'Failed' and j.state ~= 'Cancelled' then return { 'not-retryable', j.state } end
  local max = math.min(attemptsOf(j) + tonumber(A[4]), ${import_adapter4.MAX_ATTEMPTS_CAP})
  local maxS = string.format('%d', max)
  redis.call('ZREM', P .. 'done:' .. j.state, id)
  local rec = redis.call('HGET', j.key, 'rec')
  if rec then
    local updated = withMaxAttempts(rec, maxS)
    if not updated then return redis.error_reply('job ' .. id .. ' has a record without maxAttempts') end
    redis.call('HSET', j.key, 'rec', updated)
  end
  redis.call('HDEL', j.key, 'finishedAt', 'result', 'cancelRequested')
  redis.call('HSET', j.key, 'maxAttempts', maxS, 'runAt', NOW_S)
  j.runAt = NOW_S
  j.handRetry = true
  toReady(j)
  local out = { 'retried' }
  for _, value in ipairs(redis.call('HGETALL', j.key)) do out[#out + 1] = value end
  return out
end
`);
var DELETE_LUA = coreScript(
  `
local function main(A)
  local id = A[1]
  local v = redis.call('HMGET', jobKey(id), 'state', 'customerId')
  if not v[1] or (A[2] == '1' and v[2] ~= A[3]) then return 'not-found' end
  if not isTerminal(v[1]) then return 'not-finished' end
  dropJob(id)
  redis.call('ZREM', P .. 'done:' .. v[1], id)
  return 'deleted'
end
`,
  [DROP_JOB]
);

// src/redis/lua-lifecycle.ts
var HEARTBEAT_LUA = coreScript(`
local function main(A)
  local workerId = A[1]
  local leaseS = tostring(NOW + tonumber(A[2]))
  local held = {}
  for i = 3, #A do
    local id = A[i]
    local v = redis.call('HMGET', jobKey(id), 'state', 'workerId')
    if v[1] == 'Processing' and v[2] == workerId then
      zaddLater(P .. 'leases', leaseS, id)
      held[#held + 1] = id
    end
  end
  return held
end
`);
var SETTLE_LUA = coreScript(`
-- what finishing a Processing job reads; the other actions need the whole job
local FINISH_FIELDS = { 'state', 'workerId', 'queue', 'concurrencyKey', 'customerId', 'cancelRequested' }

local function settle(action, id, workerId, payload, retryAt)
  local j
  if action == 'complete' or action == 'cancelled' then j = loadSome(id, FINISH_FIELDS) else j = load(id) end
  if not j or j.state ~= 'Processing' or j.workerId ~= workerId then return 0 end
  if action == 'complete' then
    finish(j, 'Succeeded', 'result', payload)
  elseif action == 'cancelled' then
    finish(j, 'Cancelled', 'result', payload)
  elseif action == 'fail' then
    -- no retry for a job whose cancellation was requested
    if retryAt ~= '' and attemptsOf(j) < tonumber(j.maxAttempts) and j.cancelRequested ~= '1' then
      redis.call('HSET', j.key, 'errorInfo', payload)
      leaveProcessing(j)
      redis.call('HSET', j.key, 'runAt', retryAt)
      j.runAt = retryAt
      toDelayed(j)
    else
      finish(j, 'Failed', 'errorInfo', payload)
    end
  elseif action ~= 'release' then
    return 0
  elseif j.cancelRequested == '1' then
    -- released or abandoned after a cancellation was requested: honour the request, do not rerun
    finish(j, 'Cancelled')
  else
    -- graceful shutdown: the attempt does not count
    leaveProcessing(j)
    redis.call('HSET', j.key, 'attempts', int(attemptsOf(j) - 1), 'runAt', NOW_S)
    j.runAt = NOW_S
    toReady(j)
  end
  return 1
end

local function main(A)
  local out = {}
  for i = 1, #A, 5 do
    out[#out + 1] = settle(A[i], A[i + 1], A[i + 2], A[i + 3], A[i + 4])
  end
  return out
end
`);
var RECOVER_LUA = coreScript(`
local function main(A)
  local out = {}
  local ids = redis.call('ZRANGEBYSCORE', P .. 'leases', '-inf', NOW_S, 'LIMIT', '0', A[1])
  for _, id in ipairs(ids) do
    local j = load(id)
    if j and j.state == 'Processing' then
      out[#out + 1] = id
      if j.cancelRequested == '1' then
        finish(j, 'Cancelled')
      elseif attemptsOf(j) < tonumber(j.maxAttempts) then
        leaveProcessing(j)
        redis.call('HSET', j.key, 'runAt', NOW_S)
        j.runAt = NOW_S
        toReady(j)
      else
        redis.call('HSET', j.key, 'errorInfo', cjson.encode({ { code = 'LEASE_EXPIRED',
          key = 'hangar.error.leaseExpired', params = { jobId = id }, severity = 'error', source = j.workerId } }))
        finish(j, 'Failed')
      end
    else
      redis.call('ZREM', P .. 'leases', id)
    end
  end
  return out
end
`);
var REQUEST_CANCEL_LUA = coreScript(`
local function main(A)
  local id = A[1]
  local j = load(id)
  if not j or (A[2] == '1' and j.customerId ~= A[3]) then return 'not-found' end
  if isTerminal(j.state) then return 'finished' end
  if j.state ~= 'Processing' then
    finish(j, 'Cancelled')
    return 'cancelled'
  end
  redis.call('HSET', j.key, 'cancelRequested', '1', 'updatedAt', NOW_S)
  if j.workerId then
    -- kept until the job leaves Processing, so a worker that missed the message can catch up
    redis.call('SADD', P .. 'cancels:' .. j.workerId, id)
    redis.call('PUBLISH', P .. 'cancel', cjson.encode({ workerId = j.workerId, jobId = id }))
  end
  emit('cancel-requested', id, j.queue)
  return 'requested'
end
`);

// src/redis/lua-records.ts
var APPEND_LOG_LUA = coreScript(`
local function main(A)
  local id = A[1]
  local key = jobKey(id)
  local queue = redis.call('HGET', key, 'queue')
  if not queue then return 0 end
  local lk = logKey(id)
  local seq = redis.call('LLEN', lk)
  local head = '{"kind":"log","jobId":' .. cjson.encode(id) .. ',"queue":' .. cjson.encode(queue) .. ',"entry":'
  for i = 3, #A do
    seq = seq + 1
    -- spliced rather than decoded and re-encoded, which would round numbers to 14 digits
    local entry = '{"seq":' .. seq .. ',' .. string.sub(A[i], 2)
    redis.call('RPUSH', lk, entry)
    emitRaw(head .. entry .. '}')
  end
  if A[2] ~= '' then redis.call('HSET', key, 'progress', A[2], 'updatedAt', NOW_S) end
  return seq
end
`);
var CLEANUP_LUA = coreScript(
  `
local function main(A)
  local remaining = tonumber(A[1])
  local deleted = 0
  local retention = { { 'Succeeded', A[2] }, { 'Cancelled', A[3] }, { 'Failed', A[4] } }
  for _, r in ipairs(retention) do
    if remaining <= 0 then break end
    local dk = P .. 'done:' .. r[1]
    local ids = redis.call('ZRANGEBYSCORE', dk, '-inf', NOW - tonumber(r[2]), 'LIMIT', 0, remaining)
    for _, id in ipairs(ids) do
      dropJob(id)
      redis.call('ZREM', dk, id)
      deleted = deleted + 1
      remaining = remaining - 1
    end
  end
  return deleted
end
`,
  [DROP_JOB]
);
var LIST_LUA = keysScript(
  `
local function main(A)
  local index = A[1] == 'all' and (P .. 'idx:all') or (P .. 'idx:' .. A[1] .. ':' .. A[2])
  local max = A[3]
  local limit, scanLimit = tonumber(A[4]), tonumber(A[5])
  local fc, fu, fq, fp = A[6], A[7], A[8], A[9]
  local pos = 10
  local function readSet()
    local n = tonumber(A[pos])
    pos = pos + 1
    if n < 0 then return nil end
    local set = {}
    for _ = 1, n do
      set[A[pos]] = true
      pos = pos + 1
    end
    return set
  end
  local states = readSet()
  local types = readSet()
  local function matches(v)
    if not v[4] then return false end
    if fc ~= '' and (not v[1] or '=' .. v[1] ~= fc) then return false end
    if fu ~= '' and (not v[2] or '=' .. v[2] ~= fu) then return false end
    if fq ~= '' and '=' .. v[3] ~= fq then return false end
    if states and not states[v[4]] then return false end
    if types and not types[v[5]] then return false end
    if fp ~= '' and (not v[6] or '=' .. v[6] ~= fp) then
      -- parentId is the first parent only; parents (JSON) lists every one
      if not v[7] then return false end
      local want = string.sub(fp, 2)
      for _, p in ipairs(cjson.decode(v[7])) do
        if p.id == want then return true end
      end
      return false
    end
    return true
  end

  local items, scanned, lastItem, cursor = {}, 0, nil, nil
  local done = false
  while not done do
    local batch = redis.call('ZREVRANGEBYSCORE', index, max, '-inf', 'WITHSCORES', 'LIMIT', '0', '100')
    if #batch == 0 then break end
    for i = 1, #batch, 2 do
      local id, seq = batch[i], batch[i + 1]
      max = '(' .. seq
      scanned = scanned + 1
      local v = redis.call('HMGET', jobKey(id), 'customerId', 'userId', 'queue', 'state', 'type', 'parentId', 'parents')
      if matches(v) then
        if #items >= limit * 2 then
          -- one match beyond the page proves there is a next page
          cursor = lastItem
          done = true
          break
        end
        local hash = redis.call('HGETALL', jobKey(id))
        -- the lease expiry lives in the leases zset only; the decoder takes it from here
        local lease = v[4] == 'Processing' and redis.call('ZSCORE', P .. 'leases', id)
        if lease then
          hash[#hash + 1] = 'leaseExpiresAt'
          hash[#hash + 1] = lease
        end
        items[#items + 1] = id
        items[#items + 1] = hash
        lastItem = seq
      end
      if scanned >= scanLimit then
        cursor = seq
        done = true
        break
      end
    end
  end
  return { cursor or '', items }
end
`,
  { readOnly: true }
);

// src/redis/lua-runners.ts
var CLOCK = `
local function nowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
`;
var ADVERTISE_RUNNER_LUA = keysScript(`${CLOCK}
local function main(A)
  local now = nowMs()
  local nowS = string.format('%d', now)
  redis.call('HSET', P .. 'runners', A[1], '{"seenAt":' .. nowS .. ',"info":' .. A[2] .. '}')
  redis.call('ZADD', P .. 'runners:exp', string.format('%d', now + tonumber(A[3])), A[1])
  return nowS
end
`);
var LIST_RUNNERS_LUA = keysScript(`${CLOCK}
local function main(A)
  local nowS = string.format('%d', nowMs())
  local lapsed = redis.call('ZRANGEBYSCORE', P .. 'runners:exp', '-inf', nowS)
  if #lapsed > 0 then
    redis.call('ZREM', P .. 'runners:exp', unpack(lapsed))
    redis.call('HDEL', P .. 'runners', unpack(lapsed))
  end
  local alive = redis.call('ZRANGEBYSCORE', P .. 'runners:exp', '(' .. nowS, '+inf', 'WITHSCORES')
  local out = {}
  for i = 1, #alive, 2 do
    local stored = redis.call('HGET', P .. 'runners', alive[i])
    if stored then
      out[#out + 1] = alive[i]
      out[#out + 1] = alive[i + 1]
      out[#out + 1] = stored
    end
  end
  return out
end
`);
var QUEUE_DEPTHS_LUA = keysScript(
  `
local function main(A)
  local out = {}
  for _, relative in ipairs(A) do
    local key = P .. relative
    local oldest = ''
    local from = '-inf'
    while true do
      local first = redis.call('ZRANGEBYSCORE', key, from, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
      if #first == 0 then break end
      local runAt = string.sub(first[1], 1, 16)
      if oldest == '' or runAt < oldest then oldest = runAt end
      from = '(' .. first[2]
    end
    out[#out + 1] = redis.call('ZCARD', key)
    out[#out + 1] = oldest
  end
  return out
end
`,
  { readOnly: true }
);

// src/redis/lua-triggers.ts
var ADVANCE_TRIGGER_LUA = keysScript(`
local function main(A)
  local key = P .. 'trigger:' .. A[1]
  local v = redis.call('HMGET', key, 'cursorAt', 'cursorId')
  if v[1] ~= A[2] or (v[2] or '') ~= A[3] then return 0 end
  if A[5] == '' then
    redis.call('HDEL', key, 'cursorId')
    redis.call('HSET', key, 'cursorAt', A[4])
  else
    redis.call('HSET', key, 'cursorAt', A[4], 'cursorId', A[5])
  end
  if A[6] ~= '' then redis.call('HSET', key, 'lastFiredAt', A[6]) end
  return 1
end
`);
var FINISHED_JOBS_LUA = keysScript(
  `
local function main(A)
  local t = redis.call('TIME')
  local upTo = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) - tonumber(A[3])
  local upToS = string.format('%d', upTo)
  local afterAt, afterId, limit = tonumber(A[1]), A[2], tonumber(A[4])
  local keepCustomer, customer = A[5] == '1', A[6]
  local ntypes = tonumber(A[7])
  local types = {}
  for i = 1, ntypes do types[A[7 + i]] = true end
  local entries = {}
  local more = false
  for i = 8 + ntypes, #A do
    local key = P .. 'done:' .. A[i]
    if afterId ~= '' and afterAt <= upTo then
      for _, id in ipairs(redis.call('ZRANGEBYSCORE', key, A[1], A[1])) do
        if id > afterId then entries[#entries + 1] = { afterAt, id } end
      end
    end
    local r = redis.call('ZRANGEBYSCORE', key, '(' .. A[1], upToS, 'WITHSCORES', 'LIMIT', 0, limit)
    if #r >= 2 * limit then more = true end
    for j = 1, #r, 2 do entries[#entries + 1] = { tonumber(r[j + 1]), r[j] } end
  end
  table.sort(entries, function(a, b)
    if a[1] ~= b[1] then return a[1] < b[1] end
    return a[2] < b[2]
  end)
  if #entries > limit then more = true end
  local out = { '', '', more and 1 or 0 }
  for k = 1, math.min(#entries, limit) do
    local e = entries[k]
    out[1] = string.format('%d', e[1])
    out[2] = e[2]
    local key = P .. 'job:' .. e[2]
    local v = redis.call('HMGET', key, 'type', 'customerId')
    if v[1] and types[v[1]] and ((not keepCustomer) or v[2] == customer) then
      out[#out + 1] = e[2]
      out[#out + 1] = redis.call('HGETALL', key)
    end
  end
  return out
end
`,
  { readOnly: true }
);

// src/redis/redis-scripts.ts
var SCRIPTS = {
  enqueue: ENQUEUE_LUA,
  claim: CLAIM_LUA,
  heartbeat: HEARTBEAT_LUA,
  settle: SETTLE_LUA,
  recover: RECOVER_LUA,
  requestCancel: REQUEST_CANCEL_LUA,
  retryJob: RETRY_LUA,
  deleteJob: DELETE_LUA,
  appendLog: APPEND_LOG_LUA,
  cleanup: CLEANUP_LUA,
  list: LIST_LUA,
  acquireLock: ACQUIRE_LOCK_LUA,
  extendLock: EXTEND_LOCK_LUA,
  releaseLock: RELEASE_LOCK_LUA,
  advanceSchedule: ADVANCE_SCHEDULE_LUA,
  advertiseRunner: ADVERTISE_RUNNER_LUA,
  listRunners: LIST_RUNNERS_LUA,
  queueDepths: QUEUE_DEPTHS_LUA,
  advanceTrigger: ADVANCE_TRIGGER_LUA,
  finishedJobs: FINISHED_JOBS_LUA,
  recount: RECOUNT_LUA,
  oldestWaiting: OLDEST_WAITING_LUA
};
var SCRIPT_LIBRARY = `hangar_${(0, import_node_crypto.createHash)("sha1").update(librarySource("hangar", SCRIPTS)).digest("hex").slice(0, 12)}`;
var LIBRARY_SOURCE = librarySource(SCRIPT_LIBRARY, SCRIPTS);
function registerScripts(redis, base, functions) {
  const commands = redis;
  const evalCalls = {};
  for (const [name, script] of Object.entries(SCRIPTS)) {
    const command = `hangar_${name}`;
    redis.defineCommand(command, { numberOfKeys: 1, lua: evalSource(script) });
    const fn = commands[command];
    if (!fn) throw new Error(`ioredis did not define the ${command} command`);
    evalCalls[name] = (...args) => fn.call(redis, base, ...args);
  }
  if (!functions) return evalCalls;
  let mode = "unknown";
  let loading;
  const load = () => {
    loading ??= redis.function("LOAD", "REPLACE", LIBRARY_SOURCE).then(
      () => {
        mode = "function";
      },
      (error) => {
        loading = void 0;
        if (!isReplyError(error)) throw error;
        mode = "eval";
      }
    );
    return loading;
  };
  const fcall = (name, args, reloaded) => redis.fcall(`${SCRIPT_LIBRARY}_${name}`, 1, base, ...args).catch((error) => {
    if (reloaded || !isReplyError(error) || !/Function not found/i.test(error.message)) throw error;
    if (mode === "function") {
      mode = "unknown";
      loading = void 0;
    }
    return load().then(() => mode === "eval" ? evalCalls[name](...args) : fcall(name, args, true));
  });
  const bound = {};
  for (const name of Object.keys(SCRIPTS)) {
    const run = (...args) => {
      if (mode === "function") return fcall(name, args, false);
      if (mode === "eval") return evalCalls[name](...args);
      return load().then(() => run(...args));
    };
    bound[name] = run;
  }
  return bound;
}
function isReplyError(error) {
  return error instanceof Error && error.name === "ReplyError";
}

// src/redis/redis-subscriber.ts
var import_core7 = require("@hangar/core");
var MAX_DELIVERED = 1e4;
var RedisSubscriber = class {
  constructor(deps) {
    this.deps = deps;
    const keyPrefix = deps.main.options.keyPrefix ?? "";
    this.changesChannel = deps.keys.changesChannel(keyPrefix);
    this.wakeChannel = deps.keys.wakeChannel(keyPrefix);
    this.cancelChannel = deps.keys.cancelChannel(keyPrefix);
  }
  deps;
  conn;
  changeListeners = /* @__PURE__ */ new Set();
  wakeListeners = /* @__PURE__ */ new Set();
  /** The change channel subscribed to, or being subscribed to. */
  feed = "none";
  feedSync = Promise.resolve();
  cancelListeners = /* @__PURE__ */ new Map();
  delivered = /* @__PURE__ */ new Map();
  handlers = /* @__PURE__ */ new Map();
  changesChannel;
  wakeChannel;
  cancelChannel;
  readyOnce = false;
  closed = false;
  /**
   * Calls `listener` for every change published by any process, or with `wakeUpsOnly` for the
   * wake-ups at least (see `isWakeUp`; it may get other changes too).
   */
  async onChange(listener, wakeUpsOnly = false) {
    const set = wakeUpsOnly ? this.wakeListeners : this.changeListeners;
    this.connection();
    set.add(listener);
    try {
      await this.syncFeed();
    } catch (err) {
      set.delete(listener);
      throw err;
    }
    return async () => {
      if (!set.delete(listener) || this.closed) return;
      await this.syncFeed().catch(() => {
      });
    };
  }
  /** The change channel the listeners need now. */
  wantedFeed() {
    if (this.changeListeners.size > 0) return "all";
    return this.wakeListeners.size > 0 ? "wake" : "none";
  }
  /**
   * Moves the subscription to the channel the listeners need, subscribing to the new one before
   * leaving the old; messages are read from the current one only, so none comes twice.
   */
  syncFeed() {
    const next = this.feedSync.then(async () => {
      const conn = this.conn;
      const wanted = this.wantedFeed();
      if (!conn || wanted === this.feed) return;
      const channelOf = (feed) => feed === "all" ? this.changesChannel : this.wakeChannel;
      if (wanted !== "none") await conn.subscribe(channelOf(wanted));
      const previous = this.feed;
      this.feed = wanted;
      if (previous !== "none") await conn.unsubscribe(channelOf(previous)).catch(() => {
      });
    });
    this.feedSync = next.catch(() => {
    });
    return next;
  }
  /**
   * Calls `handler` with every message on an adapter-internal `channel` (full name, key prefix
   * included) until the subscriber closes; resolves once subscribed.
   */
  async onMessage(channel, handler) {
    const conn = this.connection();
    this.handlers.set(channel, handler);
    try {
      await conn.subscribe(channel);
    } catch (err) {
      this.handlers.delete(channel);
      throw err;
    }
  }
  /** Calls `listener` with the id of each job of `workerId` whose cancellation is requested. */
  async onCancel(workerId, listener) {
    const conn = this.connection();
    const set = this.cancelListeners.get(workerId) ?? /* @__PURE__ */ new Set();
    this.cancelListeners.set(workerId, set);
    set.add(listener);
    try {
      await conn.subscribe(this.cancelChannel);
    } catch (err) {
      set.delete(listener);
      if (set.size === 0) this.cancelListeners.delete(workerId);
      throw err;
    }
    return async () => {
      const listeners = this.cancelListeners.get(workerId);
      if (!listeners?.delete(listener)) return;
      if (listeners.size === 0) {
        this.cancelListeners.delete(workerId);
        this.delivered.delete(workerId);
      }
      if (this.cancelListenerCount() > 0 || this.closed) return;
      await conn.unsubscribe(this.cancelChannel).catch(() => {
      });
    };
  }
  /** Drops every listener and closes the pub/sub connection. */
  async close() {
    this.closed = true;
    this.changeListeners.clear();
    this.wakeListeners.clear();
    this.cancelListeners.clear();
    this.handlers.clear();
    const conn = this.conn;
    this.conn = void 0;
    if (conn) await closeConnection(conn);
  }
  connection() {
    if (this.closed) throw new Error("The Redis queue is closed");
    if (this.conn) return this.conn;
    const conn = this.deps.main.duplicate({
      connectionName: `${this.deps.connectionName}:subscriber`,
      lazyConnect: false
    });
    conn.on("error", (err) => this.deps.logger.warn({ err }, "Redis pub/sub connection error"));
    conn.on("ready", () => {
      if (this.readyOnce) void this.afterReconnect(conn);
      this.readyOnce = true;
    });
    conn.on("message", (channel, message) => this.dispatch(channel, message));
    this.conn = conn;
    return conn;
  }
  dispatch(channel, message) {
    const handler = this.handlers.get(channel);
    if (handler) {
      this.call(() => handler(message));
      return;
    }
    try {
      const all = channel === this.changesChannel;
      if (all || channel === this.wakeChannel) {
        if ((all ? "all" : "wake") !== this.feed) return;
        for (const raw of JSON.parse(message)) {
          if (Array.isArray(raw)) {
            const [kind, state, queue] = raw;
            for (let i = 3; i < raw.length; i++) {
              const change = { kind, jobId: raw[i] };
              if (queue !== null) change.queue = queue;
              if (state !== null) change.state = state;
              this.deliverChange(change);
            }
          } else {
            this.deliverChange(
              raw.kind === "log" && raw.entry !== void 0 ? { ...raw, entry: decodeLogEntry(JSON.stringify(raw.entry)) } : raw
            );
          }
        }
      } else if (channel === this.cancelChannel) {
        const { workerId, jobId } = JSON.parse(message);
        this.deliverCancel(workerId, jobId);
      }
    } catch (err) {
      this.deps.logger.error({ err, channel }, "Unreadable message on a Hangar channel");
    }
  }
  deliverChange(change) {
    for (const listener of this.changeListeners) this.call(() => listener(change));
    if (this.wakeListeners.size > 0 && (0, import_core7.isWakeUp)(change))
      for (const listener of this.wakeListeners) this.call(() => listener(change));
  }
  deliverCancel(workerId, jobId) {
    const listeners = this.cancelListeners.get(workerId);
    if (!listeners || listeners.size === 0) return;
    const seen = this.delivered.get(workerId) ?? /* @__PURE__ */ new Set();
    this.delivered.set(workerId, seen);
    seen.add(jobId);
    if (seen.size > MAX_DELIVERED) {
      const oldest = seen.values().next().value;
      if (oldest !== void 0) seen.delete(oldest);
    }
    for (const listener of listeners) this.call(() => listener(jobId));
  }
  /** Confirms the subscriptions, then catches up on cancellations published while disconnected. */
  async afterReconnect(conn) {
    try {
      const channels = [
        ...this.feed === "all" ? [this.changesChannel] : this.feed === "wake" ? [this.wakeChannel] : [],
        ...this.cancelListenerCount() > 0 ? [this.cancelChannel] : [],
        ...this.handlers.keys()
      ];
      if (channels.length > 0) await conn.subscribe(...channels);
      for (const workerId of [...this.cancelListeners.keys()]) {
        const pending = await this.deps.main.smembers(this.deps.keys.cancels(workerId));
        const seen = this.delivered.get(workerId);
        for (const jobId of pending) if (!seen?.has(jobId)) this.deliverCancel(workerId, jobId);
        const still = new Set(pending);
        for (const jobId of seen ?? []) if (!still.has(jobId)) seen?.delete(jobId);
      }
    } catch (err) {
      this.deps.logger.warn({ err }, "Could not catch up on cancellations after reconnecting to Redis");
    }
  }
  cancelListenerCount() {
    let n = 0;
    for (const set of this.cancelListeners.values()) n += set.size;
    return n;
  }
  call(fn) {
    try {
      fn();
    } catch (err) {
      this.deps.logger.error({ err }, "A Hangar change listener threw");
    }
  }
};

// src/redis/redis-triggers.ts
var import_adapter5 = require("@hangar/core/adapter");

// src/redis/trigger-codec.ts
function encodeTrigger(trigger) {
  const fields = {
    name: trigger.name,
    on: JSON.stringify(trigger.on),
    job: JSON.stringify(trigger.job),
    paused: trigger.paused ? "1" : "0",
    since: String(trigger.since.getTime()),
    cursorAt: String(trigger.cursor.at.getTime())
  };
  if (trigger.cursor.jobId !== void 0) fields.cursorId = trigger.cursor.jobId;
  if (trigger.lastFiredAt) fields.lastFiredAt = String(trigger.lastFiredAt.getTime());
  return fields;
}
function decodeTrigger(hash) {
  if (hash.name === void 0 || hash.on === void 0 || hash.job === void 0) return void 0;
  return {
    name: hash.name,
    on: JSON.parse(hash.on),
    job: JSON.parse(hash.job),
    paused: hash.paused === "1",
    since: new Date(Number(hash.since ?? 0)),
    cursor: {
      at: new Date(Number(hash.cursorAt ?? hash.since ?? 0)),
      ...hash.cursorId === void 0 ? {} : { jobId: hash.cursorId }
    },
    lastFiredAt: hash.lastFiredAt === void 0 ? null : new Date(Number(hash.lastFiredAt))
  };
}

// src/redis/redis-triggers.ts
var RedisTriggers = class {
  constructor(redis, keys, scripts) {
    this.redis = redis;
    this.keys = keys;
    this.scripts = scripts;
  }
  redis;
  keys;
  scripts;
  key(name) {
    return `${this.keys.base}trigger:${name}`;
  }
  async saveTrigger(trigger) {
    const key = this.key(trigger.name);
    await this.redis.multi().del(key).hset(key, encodeTrigger(trigger)).sadd(`${this.keys.base}triggers`, trigger.name).exec();
  }
  async getTrigger(name) {
    return decodeTrigger(await this.redis.hgetall(this.key(name)));
  }
  async listTriggers() {
    const names = await this.redis.smembers(`${this.keys.base}triggers`);
    if (names.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const name of names) pipeline.hgetall(this.key(name));
    const out = [];
    for (const [err, hash] of await pipeline.exec() ?? []) {
      if (err) throw err;
      const trigger = decodeTrigger(hash);
      if (trigger) out.push(trigger);
    }
    return out.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  }
  async deleteTrigger(name) {
    const replies = await this.redis.multi().del(this.key(name)).srem(`${this.keys.base}triggers`, name).exec();
    return replies?.[0]?.[1] === 1;
  }
  async advanceTrigger(name, expected, next, firedAt) {
    const reply = await this.scripts.advanceTrigger(
      name,
      String(expected.at.getTime()),
      expected.jobId ?? "",
      String(next.at.getTime()),
      next.jobId ?? "",
      firedAt ? String(firedAt.getTime()) : ""
    );
    return reply === 1;
  }
  async listFinishedJobs(query) {
    const limit = (0, import_adapter5.checkFinishedJobsQuery)(query);
    const reply = await this.scripts.finishedJobs(
      String(query.after.at.getTime()),
      query.after.jobId ?? "",
      query.settledMs,
      limit,
      query.customerId === void 0 ? "0" : "1",
      query.customerId ?? "",
      query.types.length,
      [...query.types],
      [...query.states]
    );
    const [reachedAt, reachedId, more, ...items] = reply;
    const jobs = [];
    for (let i = 0; i + 1 < items.length; i += 2) {
      const job = decodeJob(items[i + 1], items[i]);
      if (job) jobs.push(job);
    }
    return {
      jobs,
      reached: reachedAt === "" ? void 0 : { at: new Date(Number(reachedAt)), jobId: reachedId },
      more: more === 1
    };
  }
};

// src/redis/schedule-codec.ts
function encodeSchedule(schedule) {
  const fields = {
    name: schedule.name,
    cron: schedule.cron,
    timezone: schedule.timezone,
    type: schedule.type,
    options: JSON.stringify(schedule.options),
    paused: schedule.paused ? "1" : "0"
  };
  const params = JSON.stringify(schedule.params);
  if (params !== void 0) fields.params = params;
  if (schedule.nextRunAt) fields.nextRunAt = String(schedule.nextRunAt.getTime());
  if (schedule.lastRunAt) fields.lastRunAt = String(schedule.lastRunAt.getTime());
  return fields;
}
function decodeSchedule(hash) {
  if (hash.name === void 0) return void 0;
  return {
    name: hash.name,
    cron: hash.cron ?? "",
    timezone: hash.timezone ?? "UTC",
    type: hash.type ?? "",
    params: hash.params === void 0 ? void 0 : JSON.parse(hash.params),
    options: JSON.parse(hash.options ?? "{}"),
    paused: hash.paused === "1",
    nextRunAt: hash.nextRunAt === void 0 ? null : new Date(Number(hash.nextRunAt)),
    lastRunAt: hash.lastRunAt === void 0 ? null : new Date(Number(hash.lastRunAt))
  };
}

// src/redis/settle-batcher.ts
var import_adapter6 = require("@hangar/core/adapter");
var MAX_SETTLE_BATCH = 256;
var MAX_SETTLES_IN_FLIGHT = 1;
var SettleBatcher = class {
  batcher;
  constructor(settle) {
    this.batcher = new import_adapter6.CallBatcher({
      maxBatch: MAX_SETTLE_BATCH,
      maxInFlight: MAX_SETTLES_IN_FLIGHT,
      defer: process.nextTick,
      send: async (batch) => {
        const args = [];
        for (const entry of batch) for (const arg of entry) args.push(arg);
        const outcomes = await settle(args);
        return batch.map((_, i) => outcomes[i] === 1);
      }
    });
  }
  /** Queues one attempt end; resolves to whether the worker still held the job. */
  add(action, jobId, workerId, payload, retryAt = "") {
    return this.batcher.add([action, jobId, workerId, payload, retryAt]);
  }
  /** Sends every queued attempt end and waits for the calls on their way. */
  drain() {
    return this.batcher.drain();
  }
};

// src/redis/redis-queue.ts
var RedisQueue = class extends OperatorCallsBase {
  name = "redis";
  /** The options in effect, defaults applied. */
  options;
  /** The command connection (yours when you passed a client). */
  redis;
  keys;
  operatorCalls;
  scripts;
  subscriber;
  ownsConnection;
  closing;
  settles;
  /** This instance's hand-over channel: enqueues publish there the jobs they claimed for its waits. */
  pushChannel = (0, import_node_crypto2.randomUUID)();
  waitsReady;
  waits;
  triggerStore;
  constructor(options = {}) {
    super();
    this.options = resolveRedisQueueOptions(options);
    const { connection, connectionName, prefix, logger } = this.options;
    this.ownsConnection = typeof connection === "string";
    this.redis = typeof connection === "string" ? openConnection(connection, connectionName) : connection;
    if (this.ownsConnection) {
      this.redis.on("error", (err) => logger.warn({ err }, "Redis connection error"));
    }
    this.keys = new RedisKeys(prefix);
    this.scripts = registerScripts(this.redis, this.keys.base, this.options.functions);
    this.operatorCalls = redisOperatorCalls(this.redis, this.scripts, this.keys.base);
    this.settles = new SettleBatcher(this.scripts.settle);
    this.triggerStore = new RedisTriggers(this.redis, this.keys, this.scripts);
    this.subscriber = new RedisSubscriber({ main: this.redis, keys: this.keys, connectionName, logger });
  }
  async enqueue(request, options) {
    const [result] = await this.enqueueMany([request], options);
    if (!result) throw new Error("The enqueue script returned no result");
    return result;
  }
  async enqueueMany(requests, options) {
    options?.signal?.throwIfAborted();
    (0, import_adapter7.refuseTransaction)(options, "the Redis queue");
    if (requests.length === 0) return [];
    (0, import_adapter7.checkEnqueueRequests)(requests);
    const ids = [];
    const encoded = [];
    const args = [requests.length];
    for (const request of requests) {
      const id = (0, import_node_crypto2.randomUUID)();
      const job = encodeNewJob(request);
      ids.push(id);
      encoded.push(job);
      args.push(id, job.fields.length / 2);
      for (const field of job.fields) args.push(field);
    }
    const replies = await this.scripts.enqueue(args).catch(refuseMissingParent);
    return replies.map((reply, i) => {
      const id = ids[i];
      if (reply[0] === 0) {
        const job2 = decodeJob(reply[2], reply[1], reply[3]);
        if (!job2) throw new Error(`Job ${reply[1]} vanished while enqueueing`);
        return { id: job2.id, created: false, job: job2 };
      }
      const [, state, createdAt, , runAt, parentId, parentState, condition] = reply;
      const unmet = parentId === void 0 || parentState === void 0 || condition === void 0 ? void 0 : { parentId, state: parentState, condition };
      const paramsJson = encoded[i].paramsJson;
      const request = requests[i];
      const job = (0, import_adapter7.newJobRecord)(request, {
        id,
        state,
        unmet,
        runAt: new Date(Number(runAt)),
        createdAt: new Date(Number(createdAt)),
        params: paramsJson === void 0 ? void 0 : JSON.parse(paramsJson),
        metadata: request.metadata === void 0 ? void 0 : JSON.parse(JSON.stringify(request.metadata))
      });
      return { id, created: true, job };
    });
  }
  async claim(request) {
    (0, import_adapter7.checkClaimRequest)(request);
    if (request.queues.length === 0 || request.types.length === 0) return [];
    if (this.options.claimWaitMs === 0 || this.closing) return (await this.runClaim(request, "")).jobs;
    if (this.waits) return this.waits.claim(request);
    this.waitsReady ??= this.openWaits().then(
      (waits) => {
        this.waits = waits;
        return waits;
      },
      (error) => {
        this.waitsReady = void 0;
        throw error;
      }
    );
    return (await this.waitsReady).claim(request);
  }
  /** Runs the claim script; see `RunClaim`. */
  async runClaim(request, unwait, next) {
    const { worker, limit, leaseMs, maxPerCustomer } = request;
    const groups = /* @__PURE__ */ new Map();
    for (const queue of request.queues)
      for (const type of request.types) groups.set(readyGroup(queue, type), queue);
    const { claimScanLimit, promoteBatchSize } = this.options;
    const reply = await this.scripts.claim(
      worker.id,
      JSON.stringify(worker),
      Math.floor(limit),
      Math.ceil(leaseMs),
      maxPerCustomer === void 0 ? "" : Math.floor(maxPerCustomer),
      claimScanLimit,
      promoteBatchSize,
      unwait,
      next === void 0 ? "" : next === "end" ? "-" : next.ms,
      next === void 0 || next === "end" ? "" : next.token,
      next === void 0 || next === "end" ? "" : this.waiterSpec(request, groups),
      [...groups].flat()
    );
    return decodeClaimReply(reply, worker);
  }
  /** A waiting claimer as the enqueue script reads it (see `CLAIM_WAIT`). */
  waiterSpec(request, groups) {
    const { worker, limit, leaseMs, maxPerCustomer } = request;
    return JSON.stringify({
      w: worker.id,
      j: JSON.stringify(worker),
      l: Math.floor(limit),
      ms: Math.ceil(leaseMs),
      mp: maxPerCustomer === void 0 ? void 0 : Math.floor(maxPerCustomer),
      s: this.options.claimScanLimit,
      c: this.pushChannel,
      g: [...groups.keys()],
      q: [...groups.values()]
    });
  }
  /** Subscribes to this queue's hand-over channel and to changes, for claims that wait. */
  async openWaits() {
    const waits = new ClaimWaits({
      waitMs: this.options.claimWaitMs,
      channel: this.pushChannel,
      run: (request, unwait, next) => this.runClaim(request, unwait, next),
      decode: (reply, request) => decodeClaimReply(reply, request.worker).jobs,
      release: async (request, jobs) => {
        await Promise.all(jobs.map((job) => this.release(job.id, request.worker.id)));
      }
    });
    const keyPrefix = this.redis.options.keyPrefix ?? "";
    await this.subscriber.onMessage(
      this.keys.pushChannel(keyPrefix, this.pushChannel),
      (message) => waits.onPush(message)
    );
    await this.subscriber.onChange((change) => waits.onChange(change), true);
    return waits;
  }
  async heartbeat(workerId, jobIds, leaseMs) {
    (0, import_adapter7.checkPositiveInteger)("leaseMs", leaseMs);
    if (jobIds.length === 0) return [];
    return await this.scripts.heartbeat(workerId, leaseMs, jobIds);
  }
  async complete(jobId, workerId, result) {
    return this.settles.add("complete", jobId, workerId, JSON.stringify(result));
  }
  async fail(jobId, workerId, request) {
    const retryAt = request.retryAt === void 0 ? "" : String(request.retryAt.getTime());
    return this.settles.add("fail", jobId, workerId, JSON.stringify(request.errorInfo), retryAt);
  }
  async markCancelled(jobId, workerId, result) {
    return this.settles.add("cancelled", jobId, workerId, JSON.stringify(result));
  }
  async release(jobId, workerId) {
    return this.settles.add("release", jobId, workerId, "");
  }
  async recoverExpiredLeases() {
    return await this.scripts.recover(this.options.recoverBatchSize);
  }
  async requestCancel(jobId, options = {}) {
    const { customerId } = options;
    const checkCustomer = customerId === void 0 ? "0" : "1";
    return await this.scripts.requestCancel(jobId, checkCustomer, customerId ?? "");
  }
  async onCancelRequest(workerId, listener) {
    return this.subscriber.onCancel(workerId, listener);
  }
  async get(jobId, options = {}) {
    const replies = await this.redis.multi().hgetall(this.keys.job(jobId)).zscore(this.keys.leases(), jobId).exec();
    const [hashReply, leaseReply] = replies ?? [];
    if (hashReply?.[0]) throw hashReply[0];
    if (leaseReply?.[0]) throw leaseReply[0];
    const job = decodeJob(
      hashReply?.[1] ?? {},
      jobId,
      leaseReply?.[1]
    );
    if (!job || options.customerId !== void 0 && job.customerId !== options.customerId) return void 0;
    return job;
  }
  async list(filter = {}) {
    const limit = (0, import_adapter7.listPageSize)(filter.limit);
    const before = filter.cursor === void 0 ? void 0 : decodeCursor(filter.cursor);
    const reply = await this.scripts.list(listArgs(filter, limit, before, this.options.listScanLimit));
    const [cursor, items] = reply;
    const jobs = [];
    for (let i = 0; i + 1 < items.length; i += 2) {
      const job = decodeJob(items[i + 1], items[i]);
      if (job && (0, import_adapter7.jobHasLabels)(job, filter.metadata)) jobs.push(job);
    }
    return { items: jobs, nextCursor: cursor === "" ? void 0 : encodeCursor(cursor) };
  }
  /** Per queue and state, exactly, from the counts the scripts keep on every move (nothing scanned). */
  countJobs(filter) {
    return countRedisJobs(this.redis, this.scripts, this.keys.base, filter);
  }
  async appendLog(jobId, entries) {
    if (entries.length === 0) return;
    const last = await this.scripts.appendLog(jobId, progressOf(entries), entries.map(encodeLogEntry));
    if (last === 0) throw new import_core8.JobNotFoundError(jobId);
  }
  async getLog(jobId, options = {}) {
    const after = Math.max(0, Math.floor(options.afterSeq ?? 0));
    const raw = await this.redis.lrange(this.keys.log(jobId), after, -1);
    return raw.map(decodeLogEntry);
  }
  async acquireLock(name, owner, ttlMs) {
    return await this.scripts.acquireLock(name, owner, (0, import_adapter7.lockTtlMs)(ttlMs)) === 1;
  }
  async extendLock(name, owner, ttlMs) {
    return await this.scripts.extendLock(name, owner, (0, import_adapter7.lockTtlMs)(ttlMs)) === 1;
  }
  async releaseLock(name, owner) {
    return await this.scripts.releaseLock(name, owner) === 1;
  }
  async saveSchedule(schedule) {
    const key = this.keys.schedule(schedule.name);
    await this.redis.multi().del(key).hset(key, encodeSchedule(schedule)).sadd(this.keys.schedules(), schedule.name).exec();
  }
  async getSchedule(name) {
    return decodeSchedule(await this.redis.hgetall(this.keys.schedule(name)));
  }
  async listSchedules() {
    const names = (await this.redis.smembers(this.keys.schedules())).sort();
    if (names.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const name of names) pipeline.hgetall(this.keys.schedule(name));
    const replies = await pipeline.exec() ?? [];
    const out = [];
    for (const [err, hash] of replies) {
      if (err) throw err;
      const schedule = decodeSchedule(hash);
      if (schedule) out.push(schedule);
    }
    return out.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  }
  async deleteSchedule(name) {
    const replies = await this.redis.multi().del(this.keys.schedule(name)).srem(this.keys.schedules(), name).exec();
    return replies?.[0]?.[1] === 1;
  }
  async advanceSchedule(name, expected, next, firedAt) {
    const nextArg = next === null ? "" : String(next.getTime());
    const reply = await this.scripts.advanceSchedule(
      name,
      String(expected.getTime()),
      nextArg,
      String(firedAt.getTime())
    );
    return reply === 1;
  }
  async cleanup(policy) {
    const batch = (0, import_adapter7.checkRetentionPolicy)(policy);
    const ages = [policy.succeededMs, policy.cancelledMs, policy.failedMs];
    return await this.scripts.cleanup(batch, ...ages.map((ms) => Math.floor(ms)));
  }
  async subscribe(listener, options) {
    return this.subscriber.onChange(listener, options?.wakeUpsOnly === true);
  }
  /** Closes the pub/sub connection, and the command connection when the queue opened it. */
  async close() {
    this.closing ??= (async () => {
      await this.settles.drain().catch(() => void 0);
      const waits = await this.waitsReady?.catch(() => void 0);
      await waits?.close();
      await this.subscriber.close();
      if (this.ownsConnection) await closeConnection(this.redis);
    })();
    return this.closing;
  }
};
function refuseMissingParent(error) {
  const message = error instanceof Error ? error.message : "";
  if (message.startsWith(`${PARENT_NOT_FOUND} `)) {
    throw new import_core8.JobNotFoundError(message.slice(PARENT_NOT_FOUND.length + 1));
  }
  throw error;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  REDIS_QUEUE_DEFAULTS,
  RedisQueue
});
//# sourceMappingURL=index.cjs.map