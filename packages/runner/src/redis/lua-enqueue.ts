import { CLAIM_CORE, CLAIM_WAIT } from './lua-claim.js';
import { coreScript } from './lua-script.js';

/** Prefix of the enqueue script's error for a parent that does not exist, followed by its id. */
export const PARENT_NOT_FOUND = 'PARENT_NOT_FOUND';

/**
 * Stores a batch of jobs, all or none.
 *
 * ARGV: count, then per job its id, the number of fields and field/value pairs of the job hash
 * (`type`, `queue`, `grp`, `priority`, `maxAttempts`, `rec` and the optional ones, among them
 * `parents`: a JSON array of `{id, on}`).
 * Returns per job `{1, state, createdAt, seq, runAt}` when created (followed by the parent, its
 * state and the condition it broke for a child cancelled at once), or `{0, id, hash, lease expiry}`
 * when an idempotency key matched an existing job; an error `PARENT_NOT_FOUND <id>`, with nothing
 * written, when a parent does not exist.
 */
export const ENQUEUE_LUA = coreScript(
  `
local PARENT_NOT_FOUND = '${PARENT_NOT_FOUND}'
local function main(A)
  local n = tonumber(A[1])
  local pos = 2
  local jobs = {}
  local batchIdem = {}
  -- Phase 1 only reads: idempotency keys and parents of the whole batch are resolved first.
  for i = 1, n do
    local count = tonumber(A[pos + 1])
    local f, flat = { id = A[pos] }, {}
    pos = pos + 2
    for _ = 1, count do
      local name, value = A[pos], A[pos + 1]
      pos = pos + 2
      f[name] = value
      flat[#flat + 1] = name
      flat[#flat + 1] = value
    end
    local job = { f = f, flat = flat }
    if f.idempotencyKey then
      job.idem = idemField(f.customerId or '', f.idempotencyKey)
      local existing = redis.call('HGET', P .. 'idem', job.idem)
      if existing and redis.call('EXISTS', jobKey(existing)) == 1 then
        job.existing = existing
      elseif batchIdem[job.idem] then
        job.existing = batchIdem[job.idem]
      else
        batchIdem[job.idem] = f.id
      end
    end
    if not job.existing and f.parents then
      -- where the child stands: the first parent (in the order given) that ended in a state its
      -- condition does not accept cancels it; else it waits for the parents not ended yet
      job.waitOn = {}
      for _, p in ipairs(cjson.decode(f.parents)) do
        local ps = redis.call('HGET', jobKey(p.id), 'state')
        -- nothing is written yet: the whole batch is refused
        if not ps then return redis.error_reply(PARENT_NOT_FOUND .. ' ' .. p.id) end
        if not TERMINAL[ps] then
          job.waitOn[#job.waitOn + 1] = p.id
        elseif not job.unmet and not CONDITION[p.on][ps] then
          job.unmet = { p.id, ps, p.on }
        end
      end
    end
    jobs[i] = job
  end

  local created = 0
  for _, job in ipairs(jobs) do
    if not job.existing then created = created + 1 end
  end
  local seq = 0
  if created > 0 then seq = redis.call('INCRBY', P .. 'seq', int(created)) - created end

  -- Phase 2 writes; zset entries of the batch go out as one ZADD per key when the script ends.
  local out = {}
  local filled, fill = {}, {}
  local direct
  for i, job in ipairs(jobs) do
    local f = job.f
    if not job.existing then
      seq = seq + 1
      local seqS = tostring(seq)
      local runAt = f.runAt or NOW_S
      local state
      -- one HSET with every field: the job's own fields plus the ones decided here
      local flat = job.flat
      local function set(name, value)
        flat[#flat + 1] = name
        flat[#flat + 1] = value
      end
      if job.unmet then
        state = 'Cancelled'
        set('finishedAt', NOW_S)
        set('errorInfo', parentUnmet(job.unmet[1], job.unmet[2], job.unmet[3]))
        zaddLater(P .. 'done:Cancelled', NOW_S, f.id)
      elseif job.waitOn and #job.waitOn > 0 then
        state = 'Awaiting'
        set('pending', tostring(#job.waitOn))
        for _, parentId in ipairs(job.waitOn) do redis.call('SADD', childrenKey(parentId), f.id) end
      elseif tonumber(runAt) > NOW then
        state = 'Scheduled'
        zaddLater(P .. 'delayed', runAt, f.id)
      else
        state = 'Enqueued'
        -- A lone job that nothing could be ahead of goes straight to a waiting claimer: written
        -- as taken, without a ready entry to add, read back and remove. Anything else is served
        -- from the ready sets below.
        local token, w
        if n == 1 and not f.concurrencyKey and not f.customerId then token, w = waiterOf(f.grp) end
        if token and readyEmpty(w.g) then
          local c = claimerOf(w)
          set('attempts', '1')
          set('workerId', c.workerId)
          set('worker', c.workerJson)
          set('startedAt', NOW_S)
          set('updatedAt', NOW_S)
          zaddLater(P .. 'leases', c.leaseS, f.id)
          direct = { token = token, w = w, c = c, lines = { f.id, '', f.rec, runAt, NOW_S, '', '' } }
        else
          zaddLater(P .. 'ready:' .. f.grp, f.priority, readyMember(runAt, seqS, f.id))
          if not filled[f.grp] then
            filled[f.grp] = true
            fill[#fill + 1] = f.grp
          end
        end
      end
      if not f.runAt then set('runAt', runAt) end
      set('seq', seqS)
      -- updatedAt is left out until the job first changes: it reads as createdAt
      set('createdAt', NOW_S)
      set('state', direct and 'Processing' or state)
      redis.call('HSET', jobKey(f.id), unpack(flat))
      tally(f, nil, direct and 'Processing' or state, seqS)
      zaddLater(P .. 'idx:all', seqS, f.id)
      if f.customerId then zaddLater(P .. 'idx:cust:' .. f.customerId, seqS, f.id) end
      if f.userId then zaddLater(P .. 'idx:user:' .. f.userId, seqS, f.id) end
      if job.idem then redis.call('HSET', P .. 'idem', job.idem, f.id) end
      -- a wake-up even when handed over: it is how the worker that took it comes back to wait
      emit('enqueued', f.id, f.queue, state)
      if direct then
        emit('state', f.id, f.queue, 'Processing')
        handOver(direct.token, direct.w, direct.c, direct.lines)
      end
      out[i] = { 1, state, NOW_S, seqS, runAt }
      if job.unmet then
        out[i][6], out[i][7], out[i][8] = job.unmet[1], job.unmet[2], job.unmet[3]
      end
    end
  end
  -- Claimers waiting on a group get its jobs now, in this step; their change events follow the
  -- enqueued ones, and the hand-over message goes out before both.
  for _, grp in ipairs(fill) do
    flushZadds(P .. 'ready:' .. grp)
    serveWaiters(grp)
  end
  -- Existing jobs last, so that a duplicate within the batch sees the job created above.
  for i, job in ipairs(jobs) do
    if job.existing then
      out[i] = { 0, job.existing, redis.call('HGETALL', jobKey(job.existing)),
        redis.call('ZSCORE', P .. 'leases', job.existing) }
    end
  end
  return out
end
`,
  [CLAIM_CORE, CLAIM_WAIT],
);
