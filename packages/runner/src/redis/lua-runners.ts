import { keysScript } from './lua-script.js';

// Redis' clock in ms as a string, so that every runner's expiry is read against the same clock.
const CLOCK = `
local function nowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
`;

/**
 * ARGV: runner id, its info as JSON, ttlMs. Stores `{"seenAt": <ms>, "info": …}` in the
 * `runners` hash and the expiry in the `runners:exp` zset.
 */
export const ADVERTISE_RUNNER_LUA = keysScript(`${CLOCK}
local function main(A)
  local now = nowMs()
  local nowS = string.format('%d', now)
  redis.call('HSET', P .. 'runners', A[1], '{"seenAt":' .. nowS .. ',"info":' .. A[2] .. '}')
  redis.call('ZADD', P .. 'runners:exp', string.format('%d', now + tonumber(A[3])), A[1])
  return nowS
end
`);

/**
 * No ARGV. Forgets the lapsed advertisements, then returns the others by id as
 * \`{id, expiry ms, stored JSON, …}\`.
 */
export const LIST_RUNNERS_LUA = keysScript(`${CLOCK}
local function main(A)
  local nowS = string.format('%d', nowMs())
  local lapsed = redis.call('ZRANGEBYSCORE', P .. 'runners:exp', '-inf', nowS)
  if #lapsed > 0 then
    redis.call('ZREM', P .. 'runners:exp', unpack(lapsed))
    redis.call('HDEL', P .. 'runners', unpack(lapsed))
  end
  local alive = redis.call('ZRANGEBYSCORE', P .. 'runners:exp', '(' .. nowS, '+inf', 'WITHSCORES')
  local out = {}
  for i = 1, #alive, 2 do
    local stored = redis.call('HGET', P .. 'runners', alive[i])
    if stored then
      out[#out + 1] = alive[i]
      out[#out + 1] = alive[i + 1]
      out[#out + 1] = stored
    end
  end
  return out
end
`);

/**
 * Read-only. ARGV: ready or park zset keys relative to the prefix. Returns per key its size and
 * the earliest run-at of its entries ('' when empty). Entries are scored by priority and, within
 * one priority, ordered by their member, which starts with the run-at: the first entry of each
 * priority is its oldest, so one lookup per distinct priority finds the oldest of all.
 */
export const QUEUE_DEPTHS_LUA = keysScript(
  `
local function main(A)
  local out = {}
  for _, relative in ipairs(A) do
    local key = P .. relative
    local oldest = ''
    local from = '-inf'
    while true do
      local first = redis.call('ZRANGEBYSCORE', key, from, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
      if #first == 0 then break end
      local runAt = string.sub(first[1], 1, 16)
      if oldest == '' or runAt < oldest then oldest = runAt end
      from = '(' .. first[2]
    end
    out[#out + 1] = redis.call('ZCARD', key)
    out[#out + 1] = oldest
  end
  return out
end
`,
  { readOnly: true },
);
