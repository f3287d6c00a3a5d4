import { LUA_KEYS } from './redis-keys.js';

/**
 * Lua shared by the state-changing scripts: the clock, change events, and the moves every
 * transition is made of. Redis does not roll a failed script back, so scripts load a job (and
 * whatever decides its fate) before writing to it.
 */
const LUA_CORE = `
-- Redis' clock, not the caller's, so that leases and run-at times agree across hosts.
local NOW
do
  local t = redis.call('TIME')
  NOW = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

-- Changes are published once per script, as a JSON array, after the state change is written.
local CHANGES = {}
-- Built by hand rather than by cjson.encode of a table per change: ids are UUIDs, kinds and states
-- plain words, and queue names (which may need escaping) are encoded once per script.
local QUEUE_JSON = {}
local function emit(kind, id, queue, state)
  local jid
  if string.find(id, '^[%w%-]+$') then jid = '"' .. id .. '"' else jid = cjson.encode(id) end
  local c = '{"kind":"' .. kind .. '","jobId":' .. jid
  if queue then
    local q = QUEUE_JSON[queue]
    if not q then
      q = cjson.encode(queue)
      QUEUE_JSON[queue] = q
    end
    c = c .. ',"queue":' .. q
  end
  if state then c = c .. ',"state":"' .. state .. '"' end
  CHANGES[#CHANGES + 1] = c .. '}'
end
local function emitRaw(json) CHANGES[#CHANGES + 1] = json end
local function flush()
  if #CHANGES > 0 then redis.call('PUBLISH', P .. 'changes', '[' .. table.concat(CHANGES, ',') .. ']') end
end

local FIELDS = { 'state', 'queue', 'grp', 'priority', 'runAt', 'seq', 'attempts', 'maxAttempts',
  'customerId', 'concurrencyKey', 'workerId', 'parentId', 'zkey', 'zmem', 'cancelRequested' }
local function load(id)
  local key = jobKey(id)
  local v = redis.call('HMGET', key, unpack(FIELDS))
  if not v[1] then return nil end
  local j = { id = id, key = key }
  for i, name in ipairs(FIELDS) do
    if v[i] then j[name] = v[i] end
  end
  return j
end

-- A job with only the named fields read; HMGET replies cost per field, so hot paths read few.
local function loadSome(id, names)
  local key = jobKey(id)
  local v = redis.call('HMGET', key, unpack(names))
  if not v[1] then return nil end
  local j = { id = id, key = key }
  for i = 1, #names do
    if v[i] then j[names[i]] = v[i] end
  end
  return j
end

local function isTerminal(state) return state == 'Succeeded' or state == 'Failed' or state == 'Cancelled' end

local function setState(j, to)
  redis.call('HSET', j.key, 'state', to, 'updatedAt', NOW)
  j.state = to
  emit('state', j.id, j.queue, to)
end

-- Forgets an emptied park set; \`cparked\` lists the customers that still have set-aside entries.
local function dropPark(kind, owner, pk)
  local index = parkIndex(kind, owner)
  redis.call('SREM', index, pk)
  if kind == 'c' and redis.call('EXISTS', index) == 0 then redis.call('SREM', P .. 'cparked', owner) end
end

-- Moves the best set-aside entry of each group of a concurrency key ('k') or customer ('c') back
-- to its ready set. One per group is enough: another claim sets it aside again if still blocked.
local function unpark(kind, owner)
  local index = parkIndex(kind, owner)
  local moved = 0
  for _, pk in ipairs(redis.call('SMEMBERS', index)) do
    local head = redis.call('ZPOPMIN', P .. pk)
    if head[1] then
      local jk = jobKey(memberId(head[1]))
      local grp = redis.call('HGET', jk, 'grp')
      if grp then
        redis.call('ZADD', P .. 'ready:' .. grp, head[2], head[1])
        redis.call('HSET', jk, 'zkey', 'ready:' .. grp)
        moved = moved + 1
      end
    end
    if redis.call('EXISTS', P .. pk) == 0 then dropPark(kind, owner, pk) end
  end
  return moved
end

-- Takes a job that is not Processing out of the ready, park or delayed set holding it.
local function unzset(j)
  if not j.zkey then return end
  redis.call('ZREM', P .. j.zkey, j.zmem)
  redis.call('HDEL', j.key, 'zkey', 'zmem')
  local kind = string.sub(j.zkey, 1, 6)
  if kind == 'ready:' then
    -- entries set aside behind this one would otherwise wait for a release that never comes
    if j.concurrencyKey and redis.call('HEXISTS', P .. 'held', j.concurrencyKey) == 0 then
      unpark('k', j.concurrencyKey)
    end
    if j.customerId then unpark('c', j.customerId) end
  elseif (kind == 'kpark:' or kind == 'cpark:') and redis.call('EXISTS', P .. j.zkey) == 0 then
    if kind == 'kpark:' then dropPark('k', j.concurrencyKey, j.zkey) else dropPark('c', j.customerId, j.zkey) end
  end
  j.zkey = nil
  j.zmem = nil
end

-- Frees what a Processing job holds: its lease, concurrency key and customer slot.
local function leaveProcessing(j)
  redis.call('ZREM', P .. 'leases', j.id)
  redis.call('HDEL', j.key, 'leaseExpiresAt')
  -- only a requested cancellation (which sets the flag in the same script) adds to the set
  if j.workerId and j.cancelRequested == '1' then redis.call('SREM', P .. 'cancels:' .. j.workerId, j.id) end
  if j.concurrencyKey then
    if redis.call('HGET', P .. 'held', j.concurrencyKey) == j.id then
      redis.call('HDEL', P .. 'held', j.concurrencyKey)
    end
    unpark('k', j.concurrencyKey)
  end
  if j.customerId then
    if redis.call('HINCRBY', P .. 'running', j.customerId, -1) <= 0 then
      redis.call('HDEL', P .. 'running', j.customerId)
    end
    unpark('c', j.customerId)
  end
end

-- Puts a job in the delayed set (Scheduled).
local function toDelayed(j)
  redis.call('ZADD', P .. 'delayed', j.runAt, j.id)
  redis.call('HSET', j.key, 'zkey', 'delayed', 'zmem', j.id)
  setState(j, 'Scheduled')
end

-- Puts a job in its ready set (Enqueued).
local function toReady(j)
  local m = readyMember(tonumber(j.runAt), tonumber(j.seq), j.id)
  redis.call('ZADD', P .. 'ready:' .. j.grp, j.priority, m)
  redis.call('HSET', j.key, 'zkey', 'ready:' .. j.grp, 'zmem', m)
  setState(j, 'Enqueued')
end

-- Enqueued when due, else Scheduled.
local function makeRunnable(j)
  if tonumber(j.runAt) > NOW then toDelayed(j) else toReady(j) end
end

local function parentFailed(parentId)
  return cjson.encode({ { code = 'PARENT_FAILED', key = 'hangar.error.parentFailed',
    params = { parentId = parentId }, severity = 'error' } })
end

-- Ends a job (Succeeded, Failed or Cancelled) and releases or cancels its Awaiting children.
-- \`field\`, \`value\`: an optional extra field (result, errorInfo) written with the state.
local finish
finish = function(j, to, field, value)
  if j.state == 'Processing' then leaveProcessing(j) else unzset(j) end
  if j.state == 'Awaiting' and j.parentId then redis.call('SREM', childrenKey(j.parentId), j.id) end
  if field then
    redis.call('HSET', j.key, 'finishedAt', NOW, 'state', to, 'updatedAt', NOW, field, value)
  else
    redis.call('HSET', j.key, 'finishedAt', NOW, 'state', to, 'updatedAt', NOW)
  end
  j.state = to
  emit('state', j.id, j.queue, to)
  redis.call('ZADD', P .. 'done:' .. to, NOW, j.id)
  local ck = childrenKey(j.id)
  local kids = redis.call('SMEMBERS', ck)
  if #kids > 0 then redis.call('DEL', ck) end
  for _, kid in ipairs(kids) do
    local c = load(kid)
    if c and c.state == 'Awaiting' then
      if to == 'Succeeded' then
        makeRunnable(c)
      else
        redis.call('HSET', c.key, 'errorInfo', parentFailed(j.id))
        finish(c, 'Cancelled')
      end
    end
  end
end
`;

/** Wraps a script body (which defines `local function main()`) with the shared code and the flush. */
export function withCore(body: string): string {
  return `${LUA_KEYS}${LUA_CORE}${body}
local result = main()
flush()
return result
`;
}

/** Wraps a script that changes no job (locks, schedules, listings) with the key helpers only. */
export function withKeys(body: string): string {
  return `${LUA_KEYS}${body}
return main()
`;
}
