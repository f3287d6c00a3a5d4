import { keysScript } from './lua-script.js';

/** ARGV: name, owner, ttlMs. Takes the lock when free, expired (Redis dropped it) or already ours. */
export const ACQUIRE_LOCK_LUA = keysScript(`
local function main(A)
  local key = P .. 'lock:' .. A[1]
  local owner = redis.call('GET', key)
  if owner and owner ~= A[2] then return 0 end
  redis.call('SET', key, A[2], 'PX', A[3])
  return 1
end
`);

/** ARGV: name, owner, ttlMs. Extends the lock only when `owner` holds it. */
export const EXTEND_LOCK_LUA = keysScript(`
local function main(A)
  local key = P .. 'lock:' .. A[1]
  if redis.call('GET', key) ~= A[2] then return 0 end
  redis.call('PEXPIRE', key, A[3])
  return 1
end
`);

/** ARGV: name, owner. Deletes the lock only when `owner` holds it. */
export const RELEASE_LOCK_LUA = keysScript(`
local function main(A)
  local key = P .. 'lock:' .. A[1]
  if redis.call('GET', key) ~= A[2] then return 0 end
  redis.call('DEL', key)
  return 1
end
`);

/**
 * ARGV: name, expected next run (ms), new next run (ms or '' for none), fired at (ms).
 * Compare-and-set: exactly one of many runners moves a due schedule on.
 */
export const ADVANCE_SCHEDULE_LUA = keysScript(`
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
