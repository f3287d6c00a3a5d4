import { withCore } from './lua-core.js';

/**
 * Promotes due delayed jobs, then moves the best runnable jobs of the asked groups (queue × type)
 * to Processing. The ready sets are merged by (priority, run-at, seq). An entry whose concurrency
 * key is held, or whose customer is at `maxPerCustomer`, is set aside in a park set until that key
 * or a slot of that customer is freed, so blocked jobs are examined once rather than on every
 * claim, and a busy customer cannot hide the jobs of others behind its own.
 *
 * ARGV: workerId, worker JSON, limit, leaseMs, maxPerCustomer ('' = none), scan limit,
 * promote limit, then the groups. Returns per claimed job the values of `CLAIM_FIELDS` as
 * stored after the take, then its id, start time and lease expiry.
 */
export const CLAIM_LUA = withCore(`
local function promote(maxCount)
  local ids = redis.call('ZRANGEBYSCORE', P .. 'delayed', '-inf', NOW, 'LIMIT', 0, maxCount)
  for _, id in ipairs(ids) do
    local j = load(id)
    if j and j.state == 'Scheduled' then
      unzset(j)
      toReady(j)
    else
      redis.call('ZREM', P .. 'delayed', id)
    end
  end
end

local function park(j, kind, owner, grp, head)
  local pk = parkKey(kind, owner, grp)
  redis.call('ZADD', P .. pk, head.raw, head.m)
  redis.call('SADD', parkIndex(kind, owner), pk)
  redis.call('HSET', j.key, 'zkey', pk)
end

-- Customer entries are set aside under the limit of the claim that did it (\`climit\`). A claim
-- allowing more (the limit was raised, or it has none) gives every such customer below its limit
-- its jobs back; that is rare, so walking \`cparked\` then is fine.
local function parkCustomer(j, grp, head, maxPer)
  park(j, 'c', j.customerId, grp, head)
  redis.call('SADD', P .. 'cparked', j.customerId)
  redis.call('SET', P .. 'climit', maxPer)
end

local function healRaisedLimit(maxPer)
  local limit = redis.call('GET', P .. 'climit')
  if not limit or (maxPer and maxPer <= tonumber(limit)) then return end
  for _, c in ipairs(redis.call('SMEMBERS', P .. 'cparked')) do
    if not maxPer or tonumber(redis.call('HGET', P .. 'running', c) or '0') < maxPer then unpark('c', c) end
  end
  if maxPer then redis.call('SET', P .. 'climit', maxPer) else redis.call('DEL', P .. 'climit') end
end

local function take(j, workerId, workerJson, leaseMs)
  local lease = NOW + leaseMs
  redis.call('HSET', j.key, 'state', 'Processing', 'attempts', tonumber(j.attempts) + 1, 'workerId', workerId,
    'worker', workerJson, 'leaseExpiresAt', lease, 'startedAt', NOW, 'updatedAt', NOW, 'cancelRequested', 0)
  redis.call('HDEL', j.key, 'zkey', 'zmem')
  emit('state', j.id, j.queue, 'Processing')
  redis.call('ZADD', P .. 'leases', lease, j.id)
  if j.concurrencyKey then redis.call('HSET', P .. 'held', j.concurrencyKey, j.id) end
  if j.customerId then return redis.call('HINCRBY', P .. 'running', j.customerId, 1) end
  return 0
end

-- What deciding on a ready entry reads, then the rest of what a claimed job's record is made of
-- (the order is \`CLAIMED_FIELDS\` of the queue). One HMGET of these is cheaper than reading
-- a few to decide and the whole hash after taking it.
local CLAIM_FIELDS = { 'state', 'attempts', 'concurrencyKey', 'customerId', 'queue', 'type', 'params',
  'priority', 'runAt', 'maxAttempts', 'userId', 'idempotencyKey', 'parentId', 'timeoutMs', 'progress',
  'result', 'errorInfo', 'metadata', 'createdAt', 'finishedAt' }
local function loadClaim(id)
  local key = jobKey(id)
  local v = redis.call('HMGET', key, unpack(CLAIM_FIELDS))
  if not v[1] then return nil end
  return { id = id, key = key, v = v, state = v[1], attempts = v[2], concurrencyKey = v[3] or nil,
    customerId = v[4] or nil, queue = v[5] }
end

local function main()
  local workerId, workerJson = ARGV[1], ARGV[2]
  local limit, leaseMs = tonumber(ARGV[3]), tonumber(ARGV[4])
  local maxPer = tonumber(ARGV[5])
  local scanLimit = tonumber(ARGV[6])
  promote(tonumber(ARGV[7]))
  healRaisedLimit(maxPer)

  local grps, heads = {}, {}
  for i = 8, #ARGV do grps[#grps + 1] = ARGV[i] end
  -- Entries of each group are read ahead, as many as the claim may still take, in one ZRANGE.
  -- The loop only removes entries from ready sets, so what was read stays in order and valid,
  -- except after an unpark (which adds some): \`fresh\` then drops what was read ahead.
  local ahead, pos = {}, {}
  local claimedCount = 0
  local function fetchHead(i, fresh)
    local r, p = ahead[i], (pos[i] or -1) + 2
    if fresh or not r or not r[p] then
      local want = math.max(limit - claimedCount, 1)
      r = redis.call('ZRANGE', P .. 'ready:' .. grps[i], 0, want - 1, 'WITHSCORES')
      ahead[i] = r
      p = 1
    end
    pos[i] = p
    local m = r[p]
    if m then
      heads[i] = { m = m, raw = r[p + 1], s = tonumber(r[p + 1]),
        t = tonumber(string.sub(m, 1, 16)), q = tonumber(string.sub(m, 18, 33)) }
    else
      heads[i] = false
    end
  end
  -- numeric comparison: Lua compares strings with the server's locale
  local function before(a, b)
    if a.s ~= b.s then return a.s < b.s end
    if a.t ~= b.t then return a.t < b.t end
    return a.q < b.q
  end
  for i = 1, #grps do fetchHead(i) end

  local claimed, scanned = {}, 0
  while #claimed < limit and scanned < scanLimit do
    local best
    for i = 1, #grps do
      local h = heads[i]
      if h and (not best or before(h, heads[best])) then best = i end
    end
    if not best then break end
    local h, grp = heads[best], grps[best]
    scanned = scanned + 1
    local refetchAll = false
    -- decide before writing, so an error on one entry leaves it untouched
    local j = loadClaim(memberId(h.m))
    local keyBusy = j and j.concurrencyKey and redis.call('HEXISTS', P .. 'held', j.concurrencyKey) == 1
    local customerFull = j and not keyBusy and maxPer and j.customerId
      and tonumber(redis.call('HGET', P .. 'running', j.customerId) or '0') >= maxPer
    redis.call('ZREM', P .. 'ready:' .. grp, h.m)
    if j and j.state == 'Enqueued' then
      if keyBusy then
        park(j, 'k', j.concurrencyKey, grp, h)
      elseif customerFull then
        parkCustomer(j, grp, h, maxPer)
      else
        local running = take(j, workerId, workerJson, leaseMs)
        -- the fields as read, updated by the take, then id, start and lease expiry
        local v = j.v
        v[1] = 'Processing'
        v[2] = tostring(tonumber(j.attempts) + 1)
        v[#CLAIM_FIELDS + 1] = j.id
        v[#CLAIM_FIELDS + 2] = tostring(NOW)
        v[#CLAIM_FIELDS + 3] = tostring(NOW + leaseMs)
        claimed[#claimed + 1] = v
        claimedCount = #claimed
        -- a customer below the limit (say it was raised) gets its set-aside jobs back
        if maxPer and j.customerId and running < maxPer and unpark('c', j.customerId) > 0 then
          refetchAll = true
        end
      end
    end
    if refetchAll then
      for i = 1, #grps do fetchHead(i, true) end
    else
      fetchHead(best)
    end
  end
  return claimed
end
`);
