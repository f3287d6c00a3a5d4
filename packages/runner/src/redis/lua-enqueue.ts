import { withCore } from './lua-core.js';

/**
 * Stores a batch of jobs, all or none.
 *
 * ARGV: count, then per job the number of fields followed by field/value pairs of the job hash
 * (`id`, `type`, `queue`, `grp`, `params`, `priority`, `maxAttempts` and the optional ones).
 * Returns per job `{1, state, createdAt, seq, runAt}` when created, or `{0, id, hash}` when an
 * idempotency key matched an existing job.
 */
export const ENQUEUE_LUA = withCore(`
local function main()
  local n = tonumber(ARGV[1])
  local pos = 2
  local jobs = {}
  local batchIdem = {}
  -- Phase 1 only reads: idempotency keys and parents of the whole batch are resolved first.
  for i = 1, n do
    local count = tonumber(ARGV[pos])
    pos = pos + 1
    local f, flat = {}, {}
    for _ = 1, count do
      local name, value = ARGV[pos], ARGV[pos + 1]
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
    if not job.existing and f.parentId then
      job.parentState = redis.call('HGET', jobKey(f.parentId), 'state') or 'missing'
    end
    jobs[i] = job
  end

  local created = 0
  for _, job in ipairs(jobs) do
    if not job.existing then created = created + 1 end
  end
  local seq = 0
  if created > 0 then seq = redis.call('INCRBY', P .. 'seq', created) - created end

  -- Phase 2 writes.
  local out = {}
  for i, job in ipairs(jobs) do
    local f = job.f
    if not job.existing then
      seq = seq + 1
      local key = jobKey(f.id)
      local runAt = f.runAt or tostring(NOW)
      local ps = job.parentState
      local state
      -- one HSET with every field: the job's own fields plus the ones decided here
      local flat = job.flat
      local function set(name, value)
        flat[#flat + 1] = name
        flat[#flat + 1] = value
      end
      if ps == 'missing' or ps == 'Failed' or ps == 'Cancelled' then
        state = 'Cancelled'
        set('finishedAt', NOW)
        set('errorInfo', parentFailed(f.parentId))
        redis.call('ZADD', P .. 'done:Cancelled', NOW, f.id)
      elseif ps and ps ~= 'Succeeded' then
        state = 'Awaiting'
        redis.call('SADD', childrenKey(f.parentId), f.id)
      elseif tonumber(runAt) > NOW then
        state = 'Scheduled'
        redis.call('ZADD', P .. 'delayed', runAt, f.id)
        set('zkey', 'delayed')
        set('zmem', f.id)
      else
        state = 'Enqueued'
        local m = readyMember(tonumber(runAt), seq, f.id)
        redis.call('ZADD', P .. 'ready:' .. f.grp, f.priority, m)
        set('zkey', 'ready:' .. f.grp)
        set('zmem', m)
      end
      if not f.runAt then set('runAt', runAt) end
      set('seq', seq)
      set('attempts', 0)
      set('cancelRequested', 0)
      set('createdAt', NOW)
      set('updatedAt', NOW)
      set('state', state)
      redis.call('HSET', key, unpack(flat))
      redis.call('ZADD', P .. 'idx:all', seq, f.id)
      if f.customerId then redis.call('ZADD', P .. 'idx:cust:' .. f.customerId, seq, f.id) end
      if f.userId then redis.call('ZADD', P .. 'idx:user:' .. f.userId, seq, f.id) end
      if job.idem then redis.call('HSET', P .. 'idem', job.idem, f.id) end
      emit('enqueued', f.id, f.queue, state)
      out[i] = { 1, state, tostring(NOW), tostring(seq), runAt }
    end
  end
  -- Existing jobs last, so that a duplicate within the batch sees the job created above.
  for i, job in ipairs(jobs) do
    if job.existing then out[i] = { 0, job.existing, redis.call('HGETALL', jobKey(job.existing)) } end
  end
  return out
end
`);
