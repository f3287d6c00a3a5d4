/**
 * The key layout of one deployment, `P` being `<prefix>:`. TypeScript and Lua build keys from the
 * same rules, so both halves live in this file: keep them in step.
 *
 * | key                          | type   | content                                                   |
 * | ---------------------------- | ------ | --------------------------------------------------------- |
 * | `P seq`                      | string | enqueue counter (order of jobs, list cursor)              |
 * | `P job:<id>`                 | hash   | the job record                                            |
 * | `P log:<id>`                 | list   | JSON log entries; the index + 1 is the entry's seq        |
 * | `P children:<id>`            | set    | Awaiting children of a job                                |
 * | `P idem`                     | hash   | `<len(customer)>:<customer>:<key>` → job id               |
 * | `P ready:<group>`            | zset   | Enqueued jobs of one queue and type (see below)           |
 * | `P delayed`                  | zset   | Scheduled job ids by run-at                               |
 * | `P leases`                   | zset   | Processing job ids by lease expiry                        |
 * | `P held`                     | hash   | concurrency key → the Processing job holding it          |
 * | `P running`                  | hash   | customer → number of Processing jobs                      |
 * | `P kpark:<key>:<group>`      | zset   | ready entries set aside while their concurrency key is held |
 * | `P kparks:<key>`             | set    | the `kpark` zsets of a concurrency key                    |
 * | `P cpark:<customer>:<group>` | zset   | ready entries set aside while their customer is at its limit |
 * | `P cparks:<customer>`        | set    | the `cpark` zsets of a customer                           |
 * | `P cparked`, `P climit`      | set, string | customers with set-aside entries; the limit applied  |
 * | `P cancels:<workerId>`       | set    | Processing jobs of a worker with a pending cancellation   |
 * | `P done:<state>`             | zset   | finished job ids by finish time (retention)               |
 * | `P idx:all`, `idx:cust:<c>`, `idx:user:<u>` | zset | job ids by seq, for listings                   |
 * | `P lock:<name>`              | string | lock owner, with a TTL                                    |
 * | `P schedules`, `P schedule:<name>` | set, hash | schedule names and schedules                     |
 *
 * Ready and park zsets score an entry by priority; the member is
 * `<run-at ms, 16 digits>:<seq, 16 digits>:<id>`, so equal priorities sort by run-at then enqueue
 * order (Redis orders equal scores by member bytes).
 */

/** Keys the TypeScript side reads or writes directly. */
export class RedisKeys {
  /** `<prefix>:`, the start of every key; scripts get it as KEYS[1]. */
  readonly base: string;

  constructor(prefix: string) {
    this.base = `${prefix}:`;
  }

  /** The job hash. */
  job(id: string): string {
    return `${this.base}job:${id}`;
  }

  /** The job's log list. */
  log(id: string): string {
    return `${this.base}log:${id}`;
  }

  /** The set of schedule names. */
  schedules(): string {
    return `${this.base}schedules`;
  }

  /** One schedule's hash. */
  schedule(name: string): string {
    return `${this.base}schedule:${name}`;
  }

  /** The pending cancellations of a worker. */
  cancels(workerId: string): string {
    return `${this.base}cancels:${workerId}`;
  }

  /** Pub/sub channel of job changes (channels ignore ioredis `keyPrefix`, so it is passed in). */
  changesChannel(keyPrefix: string): string {
    return `${keyPrefix}${this.base}changes`;
  }

  /** Pub/sub channel of cancellation requests. */
  cancelChannel(keyPrefix: string): string {
    return `${keyPrefix}${this.base}cancel`;
  }
}

/**
 * The ready-set group of a queue and job type. The length prefix keeps `a:b` + `c` apart from
 * `a` + `b:c`.
 */
export function readyGroup(queue: string, type: string): string {
  return `${queue.length}:${queue}:${type}`;
}

/** Lua helpers building the same keys from KEYS[1]; prepended to every script. */
export const LUA_KEYS = `
local P = KEYS[1]
local function jobKey(id) return P .. 'job:' .. id end
local function logKey(id) return P .. 'log:' .. id end
local function childrenKey(id) return P .. 'children:' .. id end
local function idemField(cust, key) return #cust .. ':' .. cust .. ':' .. key end
-- park keys are stored relative to P on the job (zkey), so they are built without it here
local function parkKey(kind, owner, grp) return kind .. 'park:' .. #owner .. ':' .. owner .. ':' .. grp end
local function parkIndex(kind, owner) return P .. kind .. 'parks:' .. owner end
local function readyMember(runAt, seq, id)
  return string.format('%016d:%016d:', math.max(runAt, 0), seq) .. id
end
local function memberId(m) return string.sub(m, 35) end
`;
