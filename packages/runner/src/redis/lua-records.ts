import { DROP_JOB } from './lua-hand-changes.js';
import { coreScript, keysScript } from './lua-script.js';

/**
 * ARGV: jobId, progress snapshot JSON or '', then log entries as JSON objects without `seq`.
 * Appends them numbered from the log's length, updates the latest progress and publishes each.
 * Returns the last seq, or 0 when the job does not exist.
 */
export const APPEND_LOG_LUA = coreScript(`
local function main(A)
  local id = A[1]
  local key = jobKey(id)
  local queue = redis.call('HGET', key, 'queue')
  if not queue then return 0 end
  local lk = logKey(id)
  local seq = redis.call('LLEN', lk)
  local head = '{"kind":"log","jobId":' .. cjson.encode(id) .. ',"queue":' .. cjson.encode(queue) .. ',"entry":'
  for i = 3, #A do
    seq = seq + 1
    -- spliced rather than decoded and re-encoded, which would round numbers to 14 digits
    local entry = '{"seq":' .. seq .. ',' .. string.sub(A[i], 2)
    redis.call('RPUSH', lk, entry)
    emitRaw(head .. entry .. '}')
  end
  if A[2] ~= '' then redis.call('HSET', key, 'progress', A[2], 'updatedAt', NOW_S) end
  return seq
end
`);

/**
 * ARGV: batch size, then the retention in ms of Succeeded, Cancelled and Failed jobs. Deletes
 * finished jobs older than that, oldest first, with their logs and index entries.
 */
export const CLEANUP_LUA = coreScript(
  `
local function main(A)
  local remaining = tonumber(A[1])
  local deleted = 0
  local retention = { { 'Succeeded', A[2] }, { 'Cancelled', A[3] }, { 'Failed', A[4] } }
  for _, r in ipairs(retention) do
    if remaining <= 0 then break end
    local dk = P .. 'done:' .. r[1]
    local ids = redis.call('ZRANGEBYSCORE', dk, '-inf', NOW - tonumber(r[2]), 'LIMIT', 0, remaining)
    for _, id in ipairs(ids) do
      dropJob(id)
      redis.call('ZREM', dk, id)
      deleted = deleted + 1
      remaining = remaining - 1
    end
  end
  return deleted
end
`,
  [DROP_JOB],
);

/**
 * Read-only. ARGV: index (`all`, `cust` or `user`), its owner, max seq (`+inf` or `(<seq>`), limit,
 * scan limit, then customer, user, queue and parent filters ('' = any, else '=' followed by the value),
 * then the number of states (-1 = any) and the states, the number of types (-1 = any) and the
 * types. Returns `{cursor, items}`, items being each job's id followed by its hash; the cursor is
 * the seq to continue below, or ''. The hash of a Processing job ends with its lease expiry as
 * `leaseExpiresAt` (the zset holds it, not the hash).
 */
export const LIST_LUA = keysScript(
  `
local function main(A)
  local index = A[1] == 'all' and (P .. 'idx:all') or (P .. 'idx:' .. A[1] .. ':' .. A[2])
  local max = A[3]
  local limit, scanLimit = tonumber(A[4]), tonumber(A[5])
  local fc, fu, fq, fp = A[6], A[7], A[8], A[9]
  local pos = 10
  local function readSet()
    local n = tonumber(A[pos])
    pos = pos + 1
    if n < 0 then return nil end
    local set = {}
    for _ = 1, n do
      set[A[pos]] = true
      pos = pos + 1
    end
    return set
  end
  local states = readSet()
  local types = readSet()
  local function matches(v)
    if not v[4] then return false end
    if fc ~= '' and (not v[1] or '=' .. v[1] ~= fc) then return false end
    if fu ~= '' and (not v[2] or '=' .. v[2] ~= fu) then return false end
    if fq ~= '' and '=' .. v[3] ~= fq then return false end
    if states and not states[v[4]] then return false end
    if types and not types[v[5]] then return false end
    if fp ~= '' and (not v[6] or '=' .. v[6] ~= fp) then
      -- parentId is the first parent only; parents (JSON) lists every one
      if not v[7] then return false end
      local want = string.sub(fp, 2)
      for _, p in ipairs(cjson.decode(v[7])) do
        if p.id == want then return true end
      end
      return false
    end
    return true
  end

  local items, scanned, lastItem, cursor = {}, 0, nil, nil
  local done = false
  while not done do
    local batch = redis.call('ZREVRANGEBYSCORE', index, max, '-inf', 'WITHSCORES', 'LIMIT', '0', '100')
    if #batch == 0 then break end
    for i = 1, #batch, 2 do
      local id, seq = batch[i], batch[i + 1]
      max = '(' .. seq
      scanned = scanned + 1
      local v = redis.call('HMGET', jobKey(id), 'customerId', 'userId', 'queue', 'state', 'type', 'parentId', 'parents')
      if matches(v) then
        if #items >= limit * 2 then
          -- one match beyond the page proves there is a next page
          cursor = lastItem
          done = true
          break
        end
        local hash = redis.call('HGETALL', jobKey(id))
        -- the lease expiry lives in the leases zset only; the decoder takes it from here
        local lease = v[4] == 'Processing' and redis.call('ZSCORE', P .. 'leases', id)
        if lease then
          hash[#hash + 1] = 'leaseExpiresAt'
          hash[#hash + 1] = lease
        end
        items[#items + 1] = id
        items[#items + 1] = hash
        lastItem = seq
      end
      if scanned >= scanLimit then
        cursor = seq
        done = true
        break
      end
    end
  end
  return { cursor or '', items }
end
`,
  { readOnly: true },
);
