/**
 * Lua that every script moving a job runs, so that \`countJobs\` reads a few keys instead of the
 * jobs: the \`counts\` hash (\`<owner>|<state>\` → jobs, the owner being \`countOwner(customer,
 * queue)\`) and per owner the \`wait:<owner>\` zset of its Enqueued jobs by seq, whose first entry
 * is the owner's oldest waiting job. \`tally(j, from, to, seq)\` records one move (\`from\` nil for
 * a new job, \`to\` nil for a deleted one); \`j\` needs \`id\`, \`queue\` and \`customerId\`, and
 * \`seq\` (or \`j.seq\`) when it becomes Enqueued. Written at once rather than deferred, as one
 * call may add and remove the same job (promoted, then claimed).
 */
export const LUA_TALLY = `
local function tally(j, from, to, seq)
  if from == to then return end
  local owner = countOwner(j.customerId, j.queue)
  if from then redis.call('HINCRBY', P .. 'counts', owner .. '|' .. from, -1) end
  if to then redis.call('HINCRBY', P .. 'counts', owner .. '|' .. to, 1) end
  if from == 'Enqueued' then redis.call('ZREM', P .. 'wait:' .. owner, j.id) end
  if to == 'Enqueued' then redis.call('ZADD', P .. 'wait:' .. owner, seq or j.seq, j.id) end
end
`;
