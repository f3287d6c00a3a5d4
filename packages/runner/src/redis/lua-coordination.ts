import { withKeys } from './lua-core.js';

/** ARGV: name, owner, ttlMs. Takes the lock when free, expired (Redis dropped it) or already ours. */
export const ACQUIRE_LOCK_LUA = withKeys(`
local function main()
  local key = P .. 'lock:' .. ARGV[1]
  local owner = redis.call('GET', key)
  if owner and owner ~= ARGV[2] then return 0 end
  redis.call('SET', key, ARGV[2], 'PX', ARGV[3])
  return 1
end
`);

/** ARGV: name, owner, ttlMs. Extends the lock only when `owner` holds it. */
export const EXTEND_LOCK_LUA = withKeys(`
local function main()
  local key = P .. 'lock:' .. ARGV[1]
  if redis.call('GET', key) ~= ARGV[2] then return 0 end
  redis.call('PEXPIRE', key, ARGV[3])
  return 1
end
`);

/** ARGV: name, owner. Deletes the lock only when `owner` holds it. */
export const RELEASE_LOCK_LUA = withKeys(`
local function main()
  local key = P .. 'lock:' .. ARGV[1]
  if redis.call('GET', key) ~= ARGV[2] then return 0 end
  redis.call('DEL', key)
  return 1
end
`);

/**
 * ARGV: name, expected next run (ms), new next run (ms or '' for none), fired at (ms).
 * Compare-and-set: exactly one of many runners moves a due schedule on.
 */
export const ADVANCE_SCHEDULE_LUA = withKeys(`
local function main()
  local key = P .. 'schedule:' .. ARGV[1]
  if redis.call('HGET', key, 'nextRunAt') ~= ARGV[2] then return 0 end
  if ARGV[3] == '' then
    redis.call('HDEL', key, 'nextRunAt')
  else
    redis.call('HSET', key, 'nextRunAt', ARGV[3])
  end
  redis.call('HSET', key, 'lastRunAt', ARGV[4])
  return 1
end
`);
