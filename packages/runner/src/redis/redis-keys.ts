/**
 * The key layout of one deployment, `P` being `<prefix>:`. TypeScript and Lua build keys from the
 * same rules, so both halves live in this file: keep them in step.
 *
 * | key                          | type   | content                                                   |
 * | ---------------------------- | ------ | --------------------------------------------------------- |
 * | `P seq`                      | string | enqueue counter (order of jobs, list cursor)              |
 * | `P job:<id>`                 | hash   | the job record (fields below)                             |
 * | `P log:<id>`                 | list   | JSON log entries; the index + 1 is the entry's seq        |
 * | `P children:<id>`            | set    | Awaiting children of a job that has not ended             |
 * | `P idem`                     | hash   | `<len(customer)>:<customer>:<key>` → job id               |
 * | `P ready:<group>`            | zset   | Enqueued jobs of one queue and type (see below)           |
 * | `P delayed`                  | zset   | Scheduled job ids by run-at                               |
 * | `P leases`                   | zset   | Processing job ids by lease expiry (the only copy of it)  |
 * | `P held`                     | hash   | concurrency key → the Processing job holding it          |
 * | `P running`                  | hash   | customer → number of Processing jobs                      |
 * | `P kpark:<key>:<group>`      | zset   | ready entries set aside while their concurrency key is held |
 * | `P kparks:<key>`             | set    | the `kpark` zsets of a concurrency key                    |
 * | `P cpark:<customer>:<group>` | zset   | ready entries set aside while their customer is at its limit |
 * | `P cparks:<customer>`        | set    | the `cpark` zsets of a customer                           |
 * | `P cparked`, `P climit`      | set, string | customers with set-aside entries; the limit applied  |
 * | `P cancels:<workerId>`       | set    | Processing jobs of a worker with a pending cancellation   |
 * | `P waiter:<token>`           | string | a waiting claim's claimer (JSON), then the jobs an enqueue claimed for it; TTL |
 * | `P waiting:<group>`          | zset   | tokens of the claims waiting on a group, by expiry        |
 * | `P done:<state>`             | zset   | finished job ids by finish time (retention)               |
 * | `P idx:all`, `idx:cust:<c>`, `idx:user:<u>` | zset | job ids by seq, for listings                   |
 * | `P counts`                   | hash   | `<owner>|<state>` → jobs; owner: `countOwner(customer, queue)` |
 * | `P wait:<owner>`             | zset   | Enqueued job ids of one customer and queue, by seq        |
 * | `P countsv`                  | string | set once `counts` and `wait:` cover every job (recount done) |
 * | `P lock:<name>`              | string | lock owner, with a TTL                                    |
 * | `P schedules`, `P schedule:<name>` | set, hash | schedule names and schedules                     |
 * | `P triggers`, `P trigger:<name>` | set, hash | event trigger names and triggers (cursor in `cursorAt`/`cursorId`) |
 *
 * Ready and park zsets score an entry by priority; the member is
 * `<run-at ms, 16 digits>:<seq, 16 digits>:<id>`, so equal priorities sort by run-at then enqueue
 * order (Redis orders equal scores by member bytes).
 *
 * Where a job's entry sits follows from its hash, so the hot paths write as few fields as they can:
 * an Enqueued job is in `ready:<grp>` under `readyMember(runAt, seq, id)` unless its `zkey` field
 * names the park set holding it (the member is the same); a Scheduled job is in `delayed` under
 * its id. `zkey`/`zmem` of ready and delayed entries written by earlier versions are still read.
 * Fields left out when they would hold their default: `attempts` (0), `cancelRequested` (set to 1
 * only on request), `updatedAt` (createdAt until the first change). The lease expiry lives only in
 * `leases`; the id only in the key. `rec` packs the unchanging part of the record (JSON) for the
 * reader; scripts keep separate copies of the fields they decide on (queue, grp, priority,
 * maxAttempts, customerId, concurrencyKey, parentId, type, userId, idempotencyKey). A child has
 * `parents` (JSON `[{id, on}]`, read when one of them ends) and, while Awaiting, `pending`: how many
 * of them have not ended; the end of the last one releases it in the same script. A child stored
 * by an earlier version has `parentId` only (one parent, on success, no count).
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

  /** Processing job ids by lease expiry. */
  leases(): string {
    return `${this.base}leases`;
  }

  /** The pending cancellations of a worker. */
  cancels(workerId: string): string {
    return `${this.base}cancels:${workerId}`;
  }

  /** Pub/sub channel of job changes (channels ignore ioredis `keyPrefix`, so it is passed in). */
  changesChannel(keyPrefix: string): string {
    return `${keyPrefix}${this.base}changes`;
  }

  /** Pub/sub channel of the wake-ups among job changes, also sent on `changesChannel`. */
  wakeChannel(keyPrefix: string): string {
    return `${keyPrefix}${this.base}wake`;
  }

  /** Pub/sub channel on which enqueues hand jobs to the waiting claims of one queue instance. */
  pushChannel(keyPrefix: string, channel: string): string {
    return `${keyPrefix}${this.base}push:${channel}`;
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

/** Lua helpers building the same keys from the prefix `P`, which every script sets first. */
export const LUA_KEYS = `
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

/** The ready-set member of a job, as the Lua `readyMember` builds it (for consistency checks). */
export function readyMember(runAt: string, seq: string, id: string): string {
  const pad = (s: string) => (s.startsWith('-') ? '0' : s).padStart(16, '0');
  return `${pad(runAt)}:${pad(seq)}:${id}`;
}

/** The owner of a count, as the Lua `countOwner` builds it: customer (or `-`) and queue. */
export function countOwner(customerId: string | undefined, queue: string): string {
  return `${customerId === undefined ? '-' : `${customerId.length}:${customerId}`}|${queue.length}:${queue}`;
}
