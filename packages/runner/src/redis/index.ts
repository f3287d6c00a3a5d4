/**
 * Redis queue adapter for Hangar (`@hangar/runner/redis`).
 *
 * Every state change of a job is one Lua script (FCALL of a function library on Redis 7, EVALSHA
 * on 6.2), so it is atomic with respect to every other runner sharing the server, and Redis' clock
 * decides leases and run-at times. Needs Redis 6.2 or newer (tested with 7.0); `ioredis` is a peer
 * dependency. A claim that finds nothing waits (`claimWaitMs`) for an enqueue to hand it jobs.
 *
 * Times: leases, due run-at times and retention ages are measured with Redis' clock (`TIME`), so
 * runners on hosts with skewed clocks still agree; run-at and retry times you pass are absolute
 * dates, so keep hosts NTP-synchronised. `EnqueueOptions.transaction` is not supported (Redis cannot
 * join a SQL transaction): enqueue after your commit.
 *
 * Delivery is at-least-once: a job whose worker dies is handed out again once its lease expires
 * (`recoverExpiredLeases`), so a job may run more than once and should be idempotent.
 *
 * Durability depends on the server's persistence settings, not on this adapter:
 * - `appendonly yes` with `appendfsync always`: an acknowledged enqueue or state change survives
 *   a crash of the Redis host. Slowest.
 * - `appendonly yes` with `appendfsync everysec` (the usual choice): a crash of the host can lose
 *   the last second of writes. A lost completion only makes the job run again (still
 *   at-least-once); a lost enqueue loses the job, so callers that cannot afford that need `always`.
 * - RDB snapshots only, or no persistence: a restart loses everything since the last snapshot.
 *   Not suitable for jobs that matter.
 * Also set `maxmemory-policy noeviction`: an evicted job hash or index breaks the queue.
 * A script never stops half-way for lack of memory: Redis refuses a script's first write, not later
 * ones. Scripts read before they write: `enqueueMany` resolves the whole batch first (all or
 * nothing), and a claim decides each job before touching it. Redis does not roll scripts back, so
 * an error after a write (only possible when keys were tampered with) is not undone.
 * A replica promoted after a failover may miss the last writes of the old primary (replication is
 * asynchronous); the same reasoning as `everysec` applies.
 */

export { REDIS_QUEUE_DEFAULTS, type RedisQueueOptions, type ResolvedRedisQueueOptions } from './options.js';
export { RedisQueue } from './redis-queue.js';
