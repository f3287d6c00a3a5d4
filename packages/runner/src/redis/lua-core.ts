import { LUA_STATE_MACHINE } from './lua-state-machine.js';
import { LUA_TALLY } from './lua-tally.js';

/**
 * Lua shared by the state-changing scripts: the clock, change events, deferred zset writes and the
 * moves every transition is made of. Redis does not roll a failed script back, so scripts load a
 * job (and whatever decides its fate) before writing to it.
 *
 * Costs that matter on the hot paths, measured with callgrind on redis-server 7.0: a number passed
 * to `redis.call` or concatenated is formatted with sprintf (several thousand instructions), so
 * times go around as strings; each `redis.call` has a fixed cost, so zset writes of a batch are
 * collected and sent as one command per key.
 */
export const LUA_CORE = `${LUA_STATE_MACHINE}-- Redis' clock, not the caller's, so that leases and run-at times agree across hosts.
local NOW, NOW_S
-- Changes of this call, published once as a JSON array after the state change is written.
local CHANGES, GROUP, QUEUE_JSON
-- zset writes of this call by key (member/score pairs), sent when the call ends
local ZADDS, ZADD_KEYS, ZREMS, ZREM_KEYS
-- count moves of this call (see LUA_TALLY), sent when the call ends
local TALLY, TALLY_FIELDS, WAITS, WAIT_KEYS

local function begin(keys)
  P = keys[1]
  local t = redis.call('TIME')
  NOW_S = t[1] .. string.sub(string.sub('000000', 1, 6 - #t[2]) .. t[2], 1, 3)
  NOW = tonumber(NOW_S)
  CHANGES, GROUP, QUEUE_JSON = {}, nil, {}
  ZADDS, ZADD_KEYS, ZREMS, ZREM_KEYS = {}, {}, {}, {}
  TALLY, TALLY_FIELDS, WAITS, WAIT_KEYS = {}, {}, {}, {}
end

-- Consecutive changes of one kind, queue and state travel as one array
-- \`[kind, state|null, queue|null, id...]\`; job ids are UUIDs the adapter minted, so they need no
-- escaping, and queue names are encoded once per call.
-- Wake-ups (a job enqueued, or become Enqueued) go out once more on \`wake\`, the only change
-- channel of workers.
local function emit(kind, id, queue, state)
  local g = GROUP
  if not g or g.kind ~= kind or g.queue ~= queue or g.state ~= state then
    g = { kind = kind, queue = queue, state = state, ids = {} }
    g.wake = kind == 'enqueued' or (kind == 'state' and state == 'Enqueued')
    GROUP = g
    CHANGES[#CHANGES + 1] = g
  end
  g.ids[#g.ids + 1] = id
end
local function emitRaw(json)
  GROUP = nil
  CHANGES[#CHANGES + 1] = json
end
local function changeJson(c)
  if type(c) == 'string' then return c end
  local q = 'null'
  if c.queue then
    q = QUEUE_JSON[c.queue]
    if not q then
      q = cjson.encode(c.queue)
      QUEUE_JSON[c.queue] = q
    end
  end
  local s = c.state and ('"' .. c.state .. '"') or 'null'
  return '["' .. c.kind .. '",' .. s .. ',' .. q .. ',"' .. table.concat(c.ids, '","') .. '"]'
end

local function zaddLater(key, score, member)
  local l = ZADDS[key]
  if not l then
    l = {}
    ZADDS[key] = l
    ZADD_KEYS[#ZADD_KEYS + 1] = key
  end
  l[#l + 1] = score
  l[#l + 1] = member
end
-- Only for keys a script never also adds the same member to (leases, ready sets in a claim).
local function zremLater(key, member)
  local l = ZREMS[key]
  if not l then
    l = {}
    ZREMS[key] = l
    ZREM_KEYS[#ZREM_KEYS + 1] = key
  end
  l[#l + 1] = member
end
-- unpack is bounded by the Lua C stack, so long lists go out in slices
local function sendSliced(cmd, key, l, step)
  for i = 1, #l, step do
    redis.call(cmd, key, unpack(l, i, math.min(i + step - 1, #l)))
  end
end
local function flushZadds(key)
  local l = ZADDS[key]
  if l and #l > 0 then
    sendSliced('ZADD', key, l, 4000)
    ZADDS[key] = {}
  end
end
local function flushZrems(key)
  local l = ZREMS[key]
  if l and #l > 0 then
    sendSliced('ZREM', key, l, 4000)
    ZREMS[key] = {}
  end
end

${LUA_TALLY}
local function flush()
  flushTally()
  for _, key in ipairs(ZREM_KEYS) do flushZrems(key) end
  for _, key in ipairs(ZADD_KEYS) do flushZadds(key) end
  if #CHANGES > 0 then
    local parts, wakes = {}, {}
    for i, c in ipairs(CHANGES) do
      parts[i] = changeJson(c)
      if type(c) == 'table' and c.wake then wakes[#wakes + 1] = parts[i] end
    end
    if #wakes > 0 then redis.call('PUBLISH', P .. 'wake', '[' .. table.concat(wakes, ',') .. ']') end
    redis.call('PUBLISH', P .. 'changes', '[' .. table.concat(parts, ',') .. ']')
  end
end

-- Runs a script's main function; the deferred writes of whatever it did are sent even when it fails
-- half-way (a tampered key), so every job it touched stays consistent, then the error is raised.
local function run(main, keys, args)
  begin(keys)
  local ok, result = pcall(main, args)
  flush()
  if not ok then error(result, 0) end
  return result
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

local function attemptsOf(j) return tonumber(j.attempts) or 0 end

-- Small integers as strings, each formatted once (per call, or once for good in a function library).
local INTS = {}
local function int(n)
  local s = INTS[n]
  if not s then
    s = tostring(n)
    if n >= 0 and n < 4096 and n % 1 == 0 then INTS[n] = s end
  end
  return s
end

local function isTerminal(state) return TERMINAL[state] == true end

-- Refuses a move JOB_TRANSITIONS does not allow, before the move writes anything: a script that
-- tried one has a bug, and stopping it leaves the job as it was rather than in a state no other
-- adapter would put it in.
-- The one exception is an operator's retry (\`j.handRetry\`, set by retryJob only), which takes a
-- Failed or Cancelled job back to Enqueued outside the automatic machine.
local function checkMove(j, to)
  if j.handRetry and to == 'Enqueued' and RETRYABLE[j.state] then return end
  local allowed = MOVES[j.state]
  if not (allowed and allowed[to]) then
    error('hangar: job ' .. j.id .. ' cannot go from ' .. tostring(j.state) .. ' to ' .. to)
  end
end

local function setState(j, to)
  checkMove(j, to)
  tally(j, j.state, to)
  redis.call('HSET', j.key, 'state', to, 'updatedAt', NOW_S)
  j.state = to
  emit('state', j.id, j.queue, to)
end

-- The zset entry of a job that is not Processing: key relative to P, and member; nil when none.
local function entryOf(j)
  if j.zkey then return j.zkey, j.zmem or readyMember(j.runAt, j.seq, j.id) end
  if j.state == 'Enqueued' then return 'ready:' .. j.grp, readyMember(j.runAt, j.seq, j.id) end
  if j.state == 'Scheduled' then return 'delayed', j.id end
  return nil
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
      local id = memberId(head[1])
      local jk = jobKey(id)
      local v = redis.call('HMGET', jk, 'grp', 'queue')
      if v[1] then
        redis.call('ZADD', P .. 'ready:' .. v[1], head[2], head[1])
        -- a ready entry is found from the job's fields, so the park key is forgotten
        redis.call('HDEL', jk, 'zkey', 'zmem')
        -- still Enqueued, but claimable again: idle claimers and workers hear of it
        emit('state', id, v[2] or nil, 'Enqueued')
        moved = moved + 1
      end
    end
    if redis.call('EXISTS', P .. pk) == 0 then dropPark(kind, owner, pk) end
  end
  return moved
end

-- Takes a job that is not Processing out of the ready, park or delayed set holding it.
local function unzset(j)
  local zkey, zmem = entryOf(j)
  if not zkey then return end
  redis.call('ZREM', P .. zkey, zmem)
  if j.zkey then redis.call('HDEL', j.key, 'zkey', 'zmem') end
  local kind = string.sub(zkey, 1, 6)
  if kind == 'ready:' then
    -- entries set aside behind this one would otherwise wait for a release that never comes
    if j.concurrencyKey and redis.call('HEXISTS', P .. 'held', j.concurrencyKey) == 0 then
      unpark('k', j.concurrencyKey)
    end
    if j.customerId then unpark('c', j.customerId) end
  elseif (kind == 'kpark:' or kind == 'cpark:') and redis.call('EXISTS', P .. zkey) == 0 then
    if kind == 'kpark:' then dropPark('k', j.concurrencyKey, zkey) else dropPark('c', j.customerId, zkey) end
  end
  j.zkey = nil
  j.zmem = nil
end

-- Frees what a Processing job holds: its lease, concurrency key and customer slot.
local function leaveProcessing(j)
  zremLater(P .. 'leases', j.id)
  -- only a requested cancellation (which sets the flag in the same script) adds to the set
  if j.workerId and j.cancelRequested == '1' then redis.call('SREM', P .. 'cancels:' .. j.workerId, j.id) end
  if j.concurrencyKey then
    if redis.call('HGET', P .. 'held', j.concurrencyKey) == j.id then
      redis.call('HDEL', P .. 'held', j.concurrencyKey)
    end
    unpark('k', j.concurrencyKey)
  end
  if j.customerId then
    if redis.call('HINCRBY', P .. 'running', j.customerId, '-1') <= 0 then
      redis.call('HDEL', P .. 'running', j.customerId)
    end
    unpark('c', j.customerId)
  end
end

-- Puts a job in the delayed set (Scheduled).
local function toDelayed(j)
  checkMove(j, 'Scheduled')
  redis.call('ZADD', P .. 'delayed', j.runAt, j.id)
  setState(j, 'Scheduled')
end

-- Puts a job in its ready set (Enqueued).
local function toReady(j)
  checkMove(j, 'Enqueued')
  redis.call('ZADD', P .. 'ready:' .. j.grp, j.priority, readyMember(j.runAt, j.seq, j.id))
  setState(j, 'Enqueued')
end

-- Enqueued when due, else Scheduled.
local function makeRunnable(j)
  if tonumber(j.runAt) > NOW then toDelayed(j) else toReady(j) end
end

-- The error of a child cancelled because parentId ended in a state its condition does not accept.
local function parentUnmet(parentId, state, condition)
  return cjson.encode({ { code = 'PARENT_CONDITION_UNMET', key = 'hangar.error.parentConditionUnmet',
    params = { parentId = parentId, state = state, condition = condition }, severity = 'error' } })
end

-- The parents of a job: its \`parents\` field ({id, on} objects), or, for a job stored by an
-- earlier version, its one parent on success.
local function parentsOf(parentId, parentsJson)
  if parentsJson then return cjson.decode(parentsJson) end
  if parentId then return { { id = parentId, on = 'success' } } end
  return {}
end

-- Ends a job (Succeeded, Failed or Cancelled) and, in the same call, settles its Awaiting
-- children: one whose condition on it this ending breaks is cancelled naming it (its own
-- children settled in turn); one whose \`pending\` count of parents reaches zero is released.
-- \`field\`, \`value\`: an optional extra field (result, errorInfo) written with the state.
local finish
finish = function(j, to, field, value)
  checkMove(j, to)
  tally(j, j.state, to)
  if j.state == 'Processing' then leaveProcessing(j) else unzset(j) end
  if j.state == 'Awaiting' then
    for _, p in ipairs(parentsOf(j.parentId, redis.call('HGET', j.key, 'parents'))) do
      redis.call('SREM', childrenKey(p.id), j.id)
    end
  end
  if field then
    redis.call('HSET', j.key, 'finishedAt', NOW_S, 'state', to, 'updatedAt', NOW_S, field, value)
  else
    redis.call('HSET', j.key, 'finishedAt', NOW_S, 'state', to, 'updatedAt', NOW_S)
  end
  j.state = to
  emit('state', j.id, j.queue, to)
  zaddLater(P .. 'done:' .. to, NOW_S, j.id)
  local ck = childrenKey(j.id)
  local kids = redis.call('SMEMBERS', ck)
  if #kids > 0 then redis.call('DEL', ck) end
  for _, kid in ipairs(kids) do
    local c = load(kid)
    if c and c.state == 'Awaiting' then
      local v = redis.call('HMGET', c.key, 'parents', 'pending')
      local on = 'success'
      for _, p in ipairs(parentsOf(c.parentId, v[1])) do
        if p.id == j.id then on = p.on end
      end
      if not CONDITION[on][to] then
        redis.call('HSET', c.key, 'errorInfo', parentUnmet(j.id, to, on))
        finish(c, 'Cancelled')
      elseif not v[2] or redis.call('HINCRBY', c.key, 'pending', -1) <= 0 then
        makeRunnable(c)
      end
    end
  end
end
`;
