import { coreScript } from './lua-script.js';

/**
 * The claim procedure, shared by the claim script and the enqueue script (which claims for a
 * waiting claimer, see `CLAIM_WAIT`). It moves the best runnable jobs of a claimer's groups
 * (queue × type) to Processing; the ready sets are merged by (priority, run-at, seq). An entry
 * whose concurrency key is held, or whose customer is at `maxPerCustomer`, is set aside in a park
 * set until that key or a slot of that customer is freed, so blocked jobs are examined once rather
 * than on every claim, and a busy customer cannot hide the jobs of others behind its own.
 */
export const CLAIM_CORE = `
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

-- A claimer: worker id and JSON, limit, lease expiry (string), per-customer limit (nil = none),
-- scan limit, and its groups with the queue of each.
local function claimer(workerId, workerJson, limit, leaseMs, maxPer, scanLimit, grps, queues)
  return { workerId = workerId, workerJson = workerJson, limit = tonumber(limit), leaseMs = leaseMs,
    leaseS = tostring(NOW + tonumber(leaseMs)), maxPer = tonumber(maxPer), maxPerS = maxPer,
    scanLimit = tonumber(scanLimit), grps = grps, queues = queues }
end

-- Takes the claimer's best runnable jobs. Returns the reply lines of the jobs taken (per job its
-- id, attempts before the take, rec, run-at, created-at, progress, errors; '' when absent) and
-- how many there are.
local function takeBest(c)
  local limit, maxPer, grps = c.limit, c.maxPer, c.grps
  local merge = #grps > 1
  -- Entries of each group are read ahead, as many as the claim may still take, in one ZRANGE,
  -- and removed together once examined (\`zremLater\`). The loop only takes entries out of ready
  -- sets, so what was read stays in order and valid, except after an unpark (which adds some):
  -- the removals are sent first and \`fresh\` drops what was read ahead.
  local ahead, pos, heads = {}, {}, {}
  local out = {}
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
  while claimedCount < limit and scanned < c.scanLimit do
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
          'workerId', c.workerId, 'worker', c.workerJson, 'startedAt', NOW_S, 'updatedAt', NOW_S)
        -- written by versions that kept the ready entry on the job
        if v[5] then redis.call('HDEL', key, 'zkey', 'zmem') end
        zaddLater(leases, c.leaseS, id)
        emit('state', id, c.queues[best], 'Processing')
        j.queue = c.queues[best]
        tally(j, 'Enqueued', 'Processing')
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
  return out, claimedCount
end

-- The reply of a claim: start time, lease expiry, the wait mark ('' or 'w' followed by the next
-- scheduled run-at, if any), then the lines of the jobs taken.
local function claimReply(c, lines, waitMark)
  if #lines == 0 then return NOW_S .. '\\n' .. c.leaseS .. '\\n' .. waitMark end
  return NOW_S .. '\\n' .. c.leaseS .. '\\n' .. waitMark .. '\\n' .. table.concat(lines, '\\n')
end
`;

/**
 * Waiting claims. A claim that finds nothing may register as waiting: `waiter:<token>` holds its
 * claimer as JSON (built by the adapter), `waiting:<grp>` zsets its token by expiry. The enqueue
 * script then claims for the earliest waiter of a group it filled, in the same atomic step,
 * replaces the waiter's JSON with the claim reply (kept until it expires, for a claimer whose
 * message is lost) and publishes the reply on the claimer's `push:<channel>`, so the job starts
 * one round trip after its enqueue instead of two. Registering and ending a wait (`unwait`) are
 * part of the claim script.
 */
export const CLAIM_WAIT = `
-- Registers a claimer that found nothing; returns the wait mark with the next scheduled run-at.
local function registerWait(grps, waitMs, token, spec)
  local ttl = tonumber(waitMs) + 1000
  local expiry = tostring(NOW + ttl)
  redis.call('SET', P .. 'waiter:' .. token, spec, 'PX', tostring(ttl))
  for _, g in ipairs(grps) do redis.call('ZADD', P .. 'waiting:' .. g, expiry, token) end
  local due = redis.call('ZRANGE', P .. 'delayed', '0', '0', 'WITHSCORES')
  return 'w' .. (due[2] or '')
end

-- Ends a wait on the claimer's groups: nil when it was still waiting (or gone), else the reply of
-- the enqueue that claimed for it.
local function unwait(token, grps)
  local wk = P .. 'waiter:' .. token
  local v = redis.call('GET', wk)
  if not v then
    -- expired: its entries may still be listed, as may those of claimers that died waiting
    for _, g in ipairs(grps) do redis.call('ZREMRANGEBYSCORE', P .. 'waiting:' .. g, '-inf', '(' .. NOW_S) end
    return nil
  end
  redis.call('DEL', wk)
  if string.byte(v, 1) ~= 123 then return v end
  for _, g in ipairs(grps) do redis.call('ZREM', P .. 'waiting:' .. g, token) end
  return nil
end

-- The earliest claimer still waiting on a group: its token and claimer (decoded), or nil.
local function waiterOf(grp)
  local wz = P .. 'waiting:' .. grp
  -- the zset is gone when nobody waits, and EXISTS costs far less than a range read
  if redis.call('EXISTS', wz) == 0 then return nil end
  while true do
    local token = redis.call('ZRANGEBYSCORE', wz, NOW_S, '+inf', 'LIMIT', '0', '1')[1]
    if not token then return nil end
    local spec = redis.call('GET', P .. 'waiter:' .. token)
    if spec and string.byte(spec, 1) == 123 then return token, cjson.decode(spec) end
    redis.call('ZREM', wz, token)
  end
end

-- Hands the jobs claimed for a waiting claimer over: it stops waiting, its key keeps the reply
-- (for a claimer whose message is lost) and the reply goes out on its channel.
local function handOver(token, w, c, lines)
  for _, g in ipairs(w.g) do redis.call('ZREM', P .. 'waiting:' .. g, token) end
  local reply = claimReply(c, lines, '')
  redis.call('SET', P .. 'waiter:' .. token, reply, 'KEEPTTL')
  redis.call('PUBLISH', P .. 'push:' .. w.c, token .. '\\n' .. reply)
end

local function claimerOf(w) return claimer(w.w, w.j, w.l, w.ms, w.mp, w.s, w.g, w.q) end

-- Claims for the claimers waiting on a group, earliest first, while they find jobs.
local function serveWaiters(grp)
  while true do
    local token, w = waiterOf(grp)
    if not token then return end
    local c = claimerOf(w)
    local lines, n = takeBest(c)
    -- nothing it may take (set aside behind a busy key or customer): it keeps waiting
    if n == 0 then return end
    handOver(token, w, c, lines)
  end
end

-- Whether none of these groups has a ready entry.
local function readyEmpty(grps)
  for _, g in ipairs(grps) do
    if redis.call('EXISTS', P .. 'ready:' .. g) == 1 then return false end
  end
  return true
end
`;

/**
 * ARGV: workerId, worker JSON, limit, leaseMs, maxPerCustomer ('' = none), scan limit, promote
 * limit, the token of a wait to end first ('' = none), how long to wait when nothing is found
 * (ms; '' = do not wait; '-' with a wait to end = only end it), the token to wait with and the
 * claimer as JSON for the enqueue that serves it (`{w, j, l, ms, mp?, s, c, g, q}`: worker id and
 * JSON, limit, lease ms, per-customer limit, scan limit, push channel, groups, their queues), then
 * per group its name and its queue. Ending a wait that an enqueue already served returns that enqueue's reply instead of
 * claiming. Returns one string of lines, see `claimReply` and `decodeClaimReply`.
 */
export const CLAIM_LUA = coreScript(
  `
local function main(A)
  local grps, queues = {}, {}
  for i = 12, #A, 2 do
    grps[#grps + 1] = A[i]
    queues[#queues + 1] = A[i + 1]
  end
  local c = claimer(A[1], A[2], A[3], A[4], A[5], A[6], grps, queues)
  if A[8] ~= '' then
    local pushed = unwait(A[8], grps)
    if pushed then return pushed end
    -- a wait that ran out takes nothing that became runnable meanwhile
    if A[9] == '-' then return claimReply(c, {}, '') end
  end
  promote(A[7])
  healRaisedLimit(c.maxPer)
  local lines, n = takeBest(c)
  local waitMark = ''
  if n == 0 and A[9] ~= '' then waitMark = registerWait(grps, A[9], A[10], A[11]) end
  return claimReply(c, lines, waitMark)
end
`,
  [CLAIM_CORE, CLAIM_WAIT],
);
