import { keysScript } from './lua-script.js';

/**
 * ARGV: name, expected cursor time (ms), expected cursor job id ('' for none), next time (ms),
 * next job id, fired at (ms or ''). Compare-and-set of a trigger's cursor.
 */
export const ADVANCE_TRIGGER_LUA = keysScript(`
local function main(A)
  local key = P .. 'trigger:' .. A[1]
  local v = redis.call('HMGET', key, 'cursorAt', 'cursorId')
  if v[1] ~= A[2] or (v[2] or '') ~= A[3] then return 0 end
  if A[5] == '' then
    redis.call('HDEL', key, 'cursorId')
    redis.call('HSET', key, 'cursorAt', A[4])
  else
    redis.call('HSET', key, 'cursorAt', A[4], 'cursorId', A[5])
  end
  if A[6] ~= '' then redis.call('HSET', key, 'lastFiredAt', A[6]) end
  return 1
end
`);

/**
 * ARGV: after time (ms), after job id ('' for none), settledMs, limit, '1' to keep one customer
 * or '0', that customer, number of types, the types, then the terminal states.
 *
 * Reads the \`done:<state>\` zsets (finish time by Redis' clock) from the cursor up to now minus
 * settledMs, merged in (finish time, id) order: ids of one ms sort by bytes, as in the zsets.
 * Looks at \`limit\` entries at most and returns \`{reached time, reached id, more, id, hash, …}\`
 * with the hashes of the jobs of the wanted types and customer among them; the reached point is
 * the last entry looked at, so a sweep moves on past the jobs it does not want.
 */
export const FINISHED_JOBS_LUA = keysScript(
  `
local function main(A)
  local t = redis.call('TIME')
  local upTo = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) - tonumber(A[3])
  local upToS = string.format('%d', upTo)
  local afterAt, afterId, limit = tonumber(A[1]), A[2], tonumber(A[4])
  local keepCustomer, customer = A[5] == '1', A[6]
  local ntypes = tonumber(A[7])
  local types = {}
  for i = 1, ntypes do types[A[7 + i]] = true end
  local entries = {}
  local more = false
  for i = 8 + ntypes, #A do
    local key = P .. 'done:' .. A[i]
    if afterId ~= '' and afterAt <= upTo then
      for _, id in ipairs(redis.call('ZRANGEBYSCORE', key, A[1], A[1])) do
        if id > afterId then entries[#entries + 1] = { afterAt, id } end
      end
    end
    local r = redis.call('ZRANGEBYSCORE', key, '(' .. A[1], upToS, 'WITHSCORES', 'LIMIT', 0, limit)
    if #r >= 2 * limit then more = true end
    for j = 1, #r, 2 do entries[#entries + 1] = { tonumber(r[j + 1]), r[j] } end
  end
  table.sort(entries, function(a, b)
    if a[1] ~= b[1] then return a[1] < b[1] end
    return a[2] < b[2]
  end)
  if #entries > limit then more = true end
  local out = { '', '', more and 1 or 0 }
  for k = 1, math.min(#entries, limit) do
    local e = entries[k]
    out[1] = string.format('%d', e[1])
    out[2] = e[2]
    local key = P .. 'job:' .. e[2]
    local v = redis.call('HMGET', key, 'type', 'customerId')
    if v[1] and types[v[1]] and ((not keepCustomer) or v[2] == customer) then
      out[#out + 1] = e[2]
      out[#out + 1] = redis.call('HGETALL', key)
    end
  end
  return out
end
`,
  { readOnly: true },
);
