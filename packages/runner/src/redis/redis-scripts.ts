import type { Redis } from 'ioredis';
import { CLAIM_LUA } from './lua-claim.js';
import {
  ACQUIRE_LOCK_LUA,
  ADVANCE_SCHEDULE_LUA,
  EXTEND_LOCK_LUA,
  RELEASE_LOCK_LUA,
} from './lua-coordination.js';
import { ENQUEUE_LUA } from './lua-enqueue.js';
import { HEARTBEAT_LUA, RECOVER_LUA, REQUEST_CANCEL_LUA, SETTLE_LUA } from './lua-lifecycle.js';
import { APPEND_LOG_LUA, CLEANUP_LUA, LIST_LUA } from './lua-records.js';

const SCRIPTS = {
  enqueue: ENQUEUE_LUA,
  claim: CLAIM_LUA,
  heartbeat: HEARTBEAT_LUA,
  settle: SETTLE_LUA,
  recover: RECOVER_LUA,
  requestCancel: REQUEST_CANCEL_LUA,
  appendLog: APPEND_LOG_LUA,
  cleanup: CLEANUP_LUA,
  list: LIST_LUA,
  acquireLock: ACQUIRE_LOCK_LUA,
  extendLock: EXTEND_LOCK_LUA,
  releaseLock: RELEASE_LOCK_LUA,
  advanceSchedule: ADVANCE_SCHEDULE_LUA,
} as const;

/** Names of the queue's Lua scripts. */
export type ScriptName = keyof typeof SCRIPTS;

/** One argument of a script; arrays are flattened by ioredis. */
export type ScriptArg = string | number | ReadonlyArray<string | number>;

/** Runs a script with the key prefix as its only key (KEYS[1]); resolves to the raw reply. */
export type ScriptCall = (...args: ScriptArg[]) => Promise<unknown>;

/** The scripts bound to one connection and key prefix. */
export type RedisScripts = Readonly<Record<ScriptName, ScriptCall>>;

/**
 * Registers the scripts on `redis` with `defineCommand`, so ioredis sends EVALSHA and falls back
 * to EVAL after a server restart flushed the script cache. Command names carry a `hangar` prefix
 * to stay clear of the caller's own commands on a shared client.
 */
export function registerScripts(redis: Redis, base: string): RedisScripts {
  const bound = {} as Record<ScriptName, ScriptCall>;
  const commands = redis as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const [name, lua] of Object.entries(SCRIPTS) as Array<[ScriptName, string]>) {
    const command = `hangar_${name}`;
    redis.defineCommand(command, { numberOfKeys: 1, lua });
    const fn = commands[command];
    if (!fn) throw new Error(`ioredis did not define the ${command} command`);
    bound[name] = (...args) => fn.call(redis, base, ...args);
  }
  return bound;
}
