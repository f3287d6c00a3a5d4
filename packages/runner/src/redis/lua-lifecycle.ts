import { coreScript } from './lua-script.js';

/** ARGV: workerId, leaseMs, job ids. Extends the leases the worker still holds; returns their ids. */
export const HEARTBEAT_LUA = coreScript(`
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

/**
 * Ends attempts of jobs their workers hold, many per call (the queue coalesces concurrent calls).
 * ARGV: per attempt five values: action (`complete`, `fail`, `cancelled`, `release`), jobId,
 * workerId, payload JSON (result or errorInfo, '' for release), retryAt ms or ''. A job released
 * after its cancellation was requested ends Cancelled rather than running again. Returns per
 * attempt 1, or 0 when the worker no longer holds the job (or the action is unknown).
 */
export const SETTLE_LUA = coreScript(`
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

/**
 * ARGV: batch size. Hands back Processing jobs whose lease expired: Enqueued while attempts
 * remain, else Failed with LEASE_EXPIRED; Cancelled when a cancellation was requested. Returns
 * their ids.
 */
export const RECOVER_LUA = coreScript(`
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

/**
 * ARGV: jobId, '1' to check the customer or '0', customerId. Cancels a job that has not started;
 * for a running one records the request and publishes it to the worker's process.
 */
export const REQUEST_CANCEL_LUA = coreScript(`
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
