import { MAX_ATTEMPTS_CAP } from '@hangar/core/adapter';
import { coreScript } from './lua-script.js';

/** Lua that forgets a finished job: its hash, log, children set and index entries (not its `done:` entry). */
export const DROP_JOB = `
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

/**
 * ARGV: jobId, '1' to check the customer or '0', customerId, attempts to add. A Failed or
 * Cancelled job back to its ready set, runnable now, with `maxAttempts` raised (in the hash and
 * in \`rec\`, which claims return). Returns \`{'retried', hash...}\`, \`{'not-found'}\` or
 * \`{'not-retryable', state}\`.
 */
export const RETRY_LUA = coreScript(`
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
  local max = math.min(attemptsOf(j) + tonumber(A[4]), ${MAX_ATTEMPTS_CAP})
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

/**
 * ARGV: jobId, '1' to check the customer or '0', customerId. Deletes a finished job with its log.
 * Returns 'deleted', 'not-found' or 'not-finished'.
 */
export const DELETE_LUA = coreScript(
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
  [DROP_JOB],
);
