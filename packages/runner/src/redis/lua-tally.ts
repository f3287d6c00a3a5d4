/**
 * Lua that every script moving a job runs, so that `countJobs` reads a few keys instead of the
 * jobs: the `counts` hash (`<owner>|<state>` → jobs, the owner being `countOwner(customer,
 * queue)`) and per owner the `wait:<owner>` zset of its Enqueued jobs by seq, whose first entry
 * is the owner's oldest waiting job. `tally(j, from, to, seq)` records one move (`from` nil for a
 * new job, `to` nil for a deleted one); `j` needs `id`, `queue` and `customerId`, and `seq` (or
 * `j.seq`) when it becomes Enqueued. The moves of a call are summed and sent when it ends (one
 * `HINCRBY` per field, one `ZADD`/`ZREM` per zset), keeping for each job only where it ended, as
 * one call may add and remove the same job (promoted, then claimed). The tables are set up by
 * `begin` and sent by `flush` (see `LUA_CORE`).
 */
export const LUA_TALLY = `
local function tally(j, from, to, seq)
  if from == to then return end
  local owner = countOwner(j.customerId, j.queue)
  if from then
    local f = owner .. '|' .. from
    local n = TALLY[f]
    if not n then TALLY_FIELDS[#TALLY_FIELDS + 1] = f end
    TALLY[f] = (n or 0) - 1
  end
  if to then
    local f = owner .. '|' .. to
    local n = TALLY[f]
    if not n then TALLY_FIELDS[#TALLY_FIELDS + 1] = f end
    TALLY[f] = (n or 0) + 1
  end
  if from == 'Enqueued' or to == 'Enqueued' then
    local key = P .. 'wait:' .. owner
    local w = WAITS[key]
    if not w then
      w = {}
      WAITS[key] = w
      WAIT_KEYS[#WAIT_KEYS + 1] = key
    end
    if to == 'Enqueued' then w[j.id] = seq or j.seq else w[j.id] = false end
  end
end
local function flushTally()
  for _, f in ipairs(TALLY_FIELDS) do
    local n = TALLY[f]
    if n ~= 0 then redis.call('HINCRBY', P .. 'counts', f, n) end
  end
  for _, key in ipairs(WAIT_KEYS) do
    local adds, rems = {}, {}
    for id, seq in pairs(WAITS[key]) do
      if seq then
        adds[#adds + 1] = seq
        adds[#adds + 1] = id
      else
        rems[#rems + 1] = id
      end
    end
    if #adds > 0 then sendSliced('ZADD', key, adds, 4000) end
    if #rems > 0 then sendSliced('ZREM', key, rems, 4000) end
  end
  TALLY, TALLY_FIELDS, WAITS, WAIT_KEYS = {}, {}, {}, {}
end
`;
