import { keysScript } from './lua-script.js';

/**
 * Recounts from the jobs themselves, once: the counts of a deployment whose jobs were stored by a
 * version that kept none. Walks `idx:all` in one call (atomic, so no move is counted twice; it
 * blocks the server for the walk, about a second per million jobs) and marks the counts as kept
 * (`countsv`); returns 1 when it recounted, 0 when they were kept already.
 */
export const RECOUNT_LUA = keysScript(
  `
local function main(A)
  if redis.call('EXISTS', P .. 'countsv') == 1 then return 0 end
  redis.call('DEL', P .. 'counts')
  local counts = {}
  local first = '-inf'
  while true do
    local ids = redis.call('ZRANGEBYSCORE', P .. 'idx:all', first, '+inf', 'WITHSCORES', 'LIMIT', 0, 1000)
    if #ids == 0 then break end
    for i = 1, #ids, 2 do
      local id = ids[i]
      first = '(' .. ids[i + 1]
      local v = redis.call('HMGET', jobKey(id), 'customerId', 'queue', 'state', 'seq')
      if v[2] and v[3] then
        local owner = countOwner(v[1] or nil, v[2])
        local field = owner .. '|' .. v[3]
        counts[field] = (counts[field] or 0) + 1
        if v[3] == 'Enqueued' then
          redis.call('ZADD', P .. 'wait:' .. owner, v[4] or ids[i + 1], id)
        else
          redis.call('ZREM', P .. 'wait:' .. owner, id)
        end
      end
    end
  end
  for field, n in pairs(counts) do redis.call('HSET', P .. 'counts', field, n) end
  redis.call('SET', P .. 'countsv', '1')
  return 1
end
`,
);

/**
 * ARGV: owners (`countOwner`). The first entry of each owner's `wait:` zset, with the job's
 * seq and `createdAt`: `{ owner, id, seq, createdAt, ... }`, owners without waiting jobs left out.
 */
export const OLDEST_WAITING_LUA = keysScript(
  `
local function main(A)
  local out = {}
  for _, owner in ipairs(A) do
    local head = redis.call('ZRANGE', P .. 'wait:' .. owner, 0, 0, 'WITHSCORES')
    if head[1] then
      local at = redis.call('HGET', jobKey(head[1]), 'createdAt')
      if at then
        out[#out + 1] = owner
        out[#out + 1] = head[1]
        out[#out + 1] = head[2]
        out[#out + 1] = at
      end
    end
  end
  return out
end
`,
  { readOnly: true },
);
