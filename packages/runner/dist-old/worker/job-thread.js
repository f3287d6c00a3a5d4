import {
  deserializeError,
  serializeError
} from "../chunk-WY5ZCKJX.js";

// src/worker/isolation/job-thread.ts
import { parentPort } from "worker_threads";
import {
  UnknownJobTypeError
} from "@hangar/core";
var port = parentPort;
var post = (message) => port.postMessage(message);
var servicesByType = /* @__PURE__ */ new Map();
var current;
port.on("message", (message) => {
  if (message.kind === "run") {
    void run(message.start);
    return;
  }
  const attempt = current;
  if (!attempt) return;
  if (message.kind === "stop") {
    attempt.stopError ??= deserializeError(message.error);
    attempt.controller.abort(attempt.stopError);
    try {
      const aborted = attempt.job?.abort?.();
      if (aborted instanceof Promise) aborted.catch(() => {
      });
    } catch {
    }
  } else {
    const pending = attempt.pendingLocks.get(message.id);
    attempt.pendingLocks.delete(message.id);
    if (message.error) pending?.reject(deserializeError(message.error));
    else pending?.resolve();
  }
});
function findDefinition(exports, type) {
  const found = [];
  for (const value of Object.values(exports)) {
    const candidates = Array.isArray(value?.jobs) ? value.jobs : [value];
    for (const def of candidates) {
      if (typeof def?.create !== "function" || typeof def.type !== "string") continue;
      if (def.type === type) return def;
      found.push(def.type);
    }
  }
  throw new UnknownJobTypeError(type, found);
}
async function threadServices(def, shared) {
  const entries = /* @__PURE__ */ new Map();
  for (const [name, value] of shared) entries.set(name, { value, built: true });
  const resolver = {
    get(token) {
      const entry = entries.get(token.name);
      if (!entry) throw new Error(`Service "${token.name}" is not available in the job's worker thread`);
      if (!entry.built && entry.factory) {
        entry.value = entry.factory(resolver);
        entry.built = true;
      }
      return entry.value;
    },
    has: (token) => entries.has(token.name)
  };
  const built = def.workerServices ? await def.workerServices(resolver) : [];
  for (const registration of built) {
    entries.set(
      registration.token.name,
      "value" in registration ? { value: registration.value, built: true } : { factory: registration.factory, built: false }
    );
  }
  return resolver;
}
function threadLogger(bindings) {
  const at = (level) => (fieldsOrMsg, msg) => typeof fieldsOrMsg === "string" ? post({ kind: "logger", level, fields: bindings, msg: fieldsOrMsg }) : post({ kind: "logger", level, fields: { ...bindings, ...fieldsOrMsg }, msg });
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (more) => threadLogger({ ...bindings, ...more })
  };
}
function context(attempt, services) {
  const log = (level) => (message, counts) => post({ kind: "log", level, message, counts });
  return {
    ...attempt.start.job,
    type: attempt.start.type,
    signal: attempt.controller.signal,
    log: threadLogger({}),
    services,
    progress: log("progress"),
    info: log("info"),
    warn: log("warning"),
    error: log("error"),
    addOutputFile: (file) => post({ kind: "output-file", file }),
    checkpoint: () => {
      if (attempt.stopError) throw attempt.stopError;
    },
    lock: (name, options) => {
      const id = ++attempt.nextLock;
      return new Promise((resolve, reject) => {
        attempt.pendingLocks.set(id, {
          resolve: () => resolve({ name, release: async () => post({ kind: "unlock", id }) }),
          reject
        });
        post({ kind: "lock", id, name, options });
      });
    }
  };
}
async function run(start) {
  const attempt = {
    start,
    controller: new AbortController(),
    stopError: void 0,
    job: void 0,
    nextLock: 0,
    pendingLocks: /* @__PURE__ */ new Map()
  };
  current = attempt;
  let outcome;
  try {
    const def = findDefinition(await import(start.module), start.type);
    let services = servicesByType.get(start.type);
    if (!services) {
      services = threadServices(def, start.shared);
      servicesByType.set(start.type, services);
      services.catch(() => servicesByType.delete(start.type));
    }
    attempt.job = def.create(await services);
    outcome = {
      kind: "done",
      value: await attempt.job.execute(start.params, context(attempt, await services))
    };
  } catch (error) {
    outcome = { kind: "failed", error: serializeError(error, start.type) };
  }
  try {
    await attempt.job?.dispose?.();
  } catch (error) {
    post({ kind: "logger", level: "warn", fields: { err: String(error) }, msg: "dispose() threw" });
  }
  current = void 0;
  post(outcome);
}
//# sourceMappingURL=job-thread.js.map