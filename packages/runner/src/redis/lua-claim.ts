import { coreScript } from './lua-core.js';

/**
 * Promotes due delayed jobs, then moves the best runnable jobs of the asked groups (queue × type)
 * to Processing. The ready sets are merged by (priority, run-at, seq). An entry whose concurrency
 * key is held, or whose customer is at `maxPerCustomer`, is set aside in a park set until that key
 * or a slot of that customer is freed, so blocked jobs are examined once rather than on every
 * claim, and a busy customer cannot hide the jobs of others behind its own.
 *
 * ARGV: workerId, worker JSON, limit, leaseMs, maxPerCustomer ('' = none), scan limit,
 * promote limit, then per group its name and its queue. Returns one string of lines: the start
 * time and the lease expiry (ms), then per claimed job its id, attempts before the take, `rec`,
 * run-at, created-at, progress and errors ('' when absent); see `decodeClaimReply`.
 */
export const CLAIM_LUA = coreScript(`
local function promote(maxCount)
  local ids = redis.call('ZRANGEBYSCORE', P .. 'delayed', '-inf', NOW_S, 'LIMIT', '0', maxCount)
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

-- What deciding on a ready entry reads, then the rest of what a claimed job's record is made of:
-- the unchanging part packed in \`rec\`, and what an earlier attempt may have changed. Each field
-- of an HMGET and each value returned costs Redis about as much as a small command, so few are read
-- and the reply is one string. Fields only a finished job has are left out.
local CLAIM_FIELDS = { 'state', 'attempts', 'concurrencyKey', 'customerId', 'zkey', 'rec', 'runAt',
  'createdAt', 'progress', 'errorInfo' }

-- The \`rec\` of a job stored by an earlier version, built from its separate fields.
local LEGACY_FIELDS = { 'type', 'queue', 'params', 'priority', 'maxAttempts', 'customerId', 'userId',
  'idempotencyKey', 'concurrencyKey', 'parentId', 'timeoutMs', 'metadata' }
local LEGACY_RAW = { params = true, priority = true, maxAttempts = true, timeoutMs = true, metadata = true }
local function legacyRec(key)
  local v = redis.call('HMGET', key, unpack(LEGACY_FIELDS))
  local parts = {}
  for i, name in ipairs(LEGACY_FIELDS) do
    -- JSON values and numbers as stored, strings encoded
    if v[i] then parts[#parts + 1] = '"' .. name .. '":' .. (LEGACY_RAW[name] and v[i] or cjson.encode(v[i])) end
  end
  return '{' .. table.concat(parts, ',') .. '}'
end

local function main(A)
  local workerId, workerJson = A[1], A[2]
  local limit, leaseMs = tonumber(A[3]), tonumber(A[4])
  local maxPer = tonumber(A[5])
  local scanLimit = tonumber(A[6])
  local leaseS = tostring(NOW + leaseMs)
  promote(A[7])
  healRaisedLimit(maxPer)

  local grps, queues, heads = {}, {}, {}
  for i = 8, #A, 2 do
    grps[#grps + 1] = A[i]
    queues[#queues + 1] = A[i + 1]
  end
  local merge = #grps > 1
  -- Entries of each group are read ahead, as many as the claim may still take, in one ZRANGE,
  -- and removed together once examined (\`zremLater\`). The loop only takes entries out of ready
  -- sets, so what was read stays in order and valid, except after an unpark (which adds some):
  -- the removals are sent first and \`fresh\` drops what was read ahead.
  local ahead, pos = {}, {}
  local out = { NOW_S, leaseS }
  local claimedCount = 0
  local function fetchHead(i, fresh)
    local r, p = ahead[i], (pos[i] or -1) + 2
    if fresh or not r or not r[p] then
      local key = P .. 'ready:' .. grps[i]
      flushZrems(key)
      r = redis.call('ZRANGE', key, '0', int(math.max(limit - claimedCount, 1) - 1), 'WITHSCORES')
      ahead[i] = r
      p = 1
    end
    pos[i] = p
    local m = r[p]
    if m then
      heads[i] = { m = m, raw = r[p + 1] }
    else
      heads[i] = false
    end
  end
  -- numeric comparison: Lua compares strings with the server's locale
  local function before(a, b)
    if not a.s then a.s, a.t, a.q = tonumber(a.raw), tonumber(string.sub(a.m, 1, 16)), tonumber(string.sub(a.m, 18, 33)) end
    if not b.s then b.s, b.t, b.q = tonumber(b.raw), tonumber(string.sub(b.m, 1, 16)), tonumber(string.sub(b.m, 18, 33)) end
    if a.s ~= b.s then return a.s < b.s end
    if a.t ~= b.t then return a.t < b.t end
    return a.q < b.q
  end
  for i = 1, #grps do fetchHead(i) end

  local scanned = 0
  local leases = P .. 'leases'
  while claimedCount < limit and scanned < scanLimit do
    local best
    if merge then
      for i = 1, #grps do
        local h = heads[i]
        if h and (not best or before(h, heads[best])) then best = i end
      end
    elseif heads[1] then
      best = 1
    end
    if not best then break end
    local h, grp = heads[best], grps[best]
    scanned = scanned + 1
    local refetchAll = false
    -- decide before writing, so an error on one entry leaves it untouched
    local id = memberId(h.m)
    local key = jobKey(id)
    local v = redis.call('HMGET', key, unpack(CLAIM_FIELDS))
    local state, ck, customer = v[1], v[3], v[4]
    local keyBusy = ck and redis.call('HEXISTS', P .. 'held', ck) == 1
    local customerFull = not keyBusy and maxPer and customer
      and tonumber(redis.call('HGET', P .. 'running', customer) or '0') >= maxPer
    zremLater(P .. 'ready:' .. grp, h.m)
    if state == 'Enqueued' then
      local j = { id = id, key = key, concurrencyKey = ck or nil, customerId = customer or nil }
      if keyBusy then
        park(j, 'k', ck, grp, h)
      elseif customerFull then
        parkCustomer(j, grp, h, maxPer)
      else
        redis.call('HSET', key, 'state', 'Processing', 'attempts', int((tonumber(v[2]) or 0) + 1),
          'workerId', workerId, 'worker', workerJson, 'startedAt', NOW_S, 'updatedAt', NOW_S)
        -- written by versions that kept the ready entry on the job
        if v[5] then redis.call('HDEL', key, 'zkey', 'zmem') end
        zaddLater(leases, leaseS, id)
        emit('state', id, queues[best], 'Processing')
        if ck then redis.call('HSET', P .. 'held', ck, id) end
        local n = #out
        out[n + 1] = id
        out[n + 2] = v[2] or ''
        out[n + 3] = v[6] or legacyRec(key)
        out[n + 4] = v[7] or ''
        out[n + 5] = v[8] or ''
        out[n + 6] = v[9] or ''
        out[n + 7] = v[10] or ''
        claimedCount = claimedCount + 1
        -- a customer below the limit (say it was raised) gets its set-aside jobs back
        if customer then
          local running = redis.call('HINCRBY', P .. 'running', customer, '1')
          if maxPer and running < maxPer then
            for i = 1, #grps do flushZrems(P .. 'ready:' .. grps[i]) end
            if unpark('c', customer) > 0 then refetchAll = true end
          end
        end
      end
    end
    if refetchAll then
      for i = 1, #grps do fetchHead(i, true) end
    else
      fetchHead(best)
    end
  end
  return table.concat(out, '\\n')
end
`);
