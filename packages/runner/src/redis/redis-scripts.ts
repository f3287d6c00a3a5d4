import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { CLAIM_LUA } from './lua-claim.js';
import {
  ACQUIRE_LOCK_LUA,
  ADVANCE_SCHEDULE_LUA,
  EXTEND_LOCK_LUA,
  RELEASE_LOCK_LUA,
} from './lua-coordination.js';
import { OLDEST_WAITING_LUA, RECOUNT_LUA } from './lua-counts.js';
import { ENQUEUE_LUA } from './lua-enqueue.js';
import { DELETE_LUA, RETRY_LUA } from './lua-hand-changes.js';
import { HEARTBEAT_LUA, RECOVER_LUA, REQUEST_CANCEL_LUA, SETTLE_LUA } from './lua-lifecycle.js';
import { APPEND_LOG_LUA, CLEANUP_LUA, LIST_LUA } from './lua-records.js';
import { ADVERTISE_RUNNER_LUA, LIST_RUNNERS_LUA, QUEUE_DEPTHS_LUA } from './lua-runners.js';
import { evalSource, type LuaScript, librarySource } from './lua-script.js';
import { ADVANCE_TRIGGER_LUA, FINISHED_JOBS_LUA } from './lua-triggers.js';

const SCRIPTS = {
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
  oldestWaiting: OLDEST_WAITING_LUA,
} as const satisfies Record<string, LuaScript>;

/** Names of the queue's Lua scripts. */
export type ScriptName = keyof typeof SCRIPTS;

/** One argument of a script; arrays are flattened by ioredis. */
export type ScriptArg = string | number | ReadonlyArray<string | number>;

/** Runs a script with the key prefix as its only key (KEYS[1]); resolves to the raw reply. */
export type ScriptCall = (...args: ScriptArg[]) => Promise<unknown>;

/** The scripts bound to one connection and key prefix. */
export type RedisScripts = Readonly<Record<ScriptName, ScriptCall>>;

/**
 * The function library's name: it changes with the code, so runners of different versions sharing
 * a server each call their own functions.
 */
export const SCRIPT_LIBRARY = `hangar_${createHash('sha1')
  .update(librarySource('hangar', SCRIPTS))
  .digest('hex')
  .slice(0, 12)}`;
const LIBRARY_SOURCE = librarySource(SCRIPT_LIBRARY, SCRIPTS);

type Mode = 'unknown' | 'function' | 'eval';

/**
 * Binds the scripts to `redis`. With `functions` on, they run as a Redis 7 function library
 * (FCALL), loaded once per queue with FUNCTION LOAD and again when a restarted or failed-over
 * server lacks it; Redis then runs only each call's own work, where EVALSHA sets the shared Lua up
 * again on every call. A server that refuses FUNCTION LOAD (Redis 6.2, an ACL) gets EVALSHA, as
 * does `functions: false`: the scripts are registered with `defineCommand`, so ioredis falls back
 * to EVAL after a restart flushed the script cache. Command names carry a `hangar` prefix to stay
 * clear of the caller's own commands on a shared client.
 */
export function registerScripts(redis: Redis, base: string, functions: boolean): RedisScripts {
  const commands = redis as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const evalCalls = {} as Record<ScriptName, ScriptCall>;
  for (const [name, script] of Object.entries(SCRIPTS) as Array<[ScriptName, LuaScript]>) {
    const command = `hangar_${name}`;
    redis.defineCommand(command, { numberOfKeys: 1, lua: evalSource(script) });
    const fn = commands[command];
    if (!fn) throw new Error(`ioredis did not define the ${command} command`);
    evalCalls[name] = (...args) => fn.call(redis, base, ...args);
  }
  if (!functions) return evalCalls;

  let mode: Mode = 'unknown';
  let loading: Promise<void> | undefined;
  const load = (): Promise<void> => {
    loading ??= redis.function('LOAD', 'REPLACE', LIBRARY_SOURCE).then(
      () => {
        mode = 'function';
      },
      (error: unknown) => {
        loading = undefined;
        // a refusal by the server is final; a connection problem is retried by the next call
        if (!isReplyError(error)) throw error;
        mode = 'eval';
      },
    );
    return loading;
  };
  const fcall = (name: ScriptName, args: ScriptArg[], reloaded: boolean): Promise<unknown> =>
    redis
      .fcall(`${SCRIPT_LIBRARY}_${name}`, 1, base, ...(args as Array<string | number>))
      .catch((error: unknown) => {
        if (reloaded || !isReplyError(error) || !/Function not found/i.test(error.message)) throw error;
        // the server restarted without persistence, or another one took over: the first call to
        // notice loads the library again, the others wait for that
        if (mode === 'function') {
          mode = 'unknown';
          loading = undefined;
        }
        return load().then(() => (mode === 'eval' ? evalCalls[name](...args) : fcall(name, args, true)));
      });
  const bound = {} as Record<ScriptName, ScriptCall>;
  for (const name of Object.keys(SCRIPTS) as ScriptName[]) {
    const run: ScriptCall = (...args) => {
      if (mode === 'function') return fcall(name, args, false);
      if (mode === 'eval') return evalCalls[name](...args);
      return load().then(() => run(...args));
    };
    bound[name] = run;
  }
  return bound;
}

/** An error reply of the server (by name: the parser may load its own copy of the error classes). */
function isReplyError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'ReplyError';
}
