import type { Redis } from 'ioredis';
import { countOwner } from './redis-keys.js';

/**
 * Checks the counts the scripts keep against the jobs (`jobs`: each job hash with its `id`): the
 * `counts` hash holds, per customer, queue and state, exactly the jobs there, and each `wait:`
 * zset exactly the Enqueued jobs of its customer and queue at their seq. Returns the violations.
 */
export async function countProblems(
  redis: Redis,
  P: string,
  jobs: ReadonlyMap<string, Record<string, string>>,
): Promise<string[]> {
  const problems: string[] = [];
  const expected = new Map<string, number>();
  const waiting = new Map<string, Map<string, string>>();
  for (const [id, j] of jobs) {
    if (j.queue === undefined || j.state === undefined) continue;
    const owner = countOwner(j.customerId, j.queue);
    const field = `${owner}|${j.state}`;
    expected.set(field, (expected.get(field) ?? 0) + 1);
    if (j.state === 'Enqueued') {
      const members = waiting.get(`${P}wait:${owner}`) ?? new Map<string, string>();
      members.set(id, j.seq ?? '');
      waiting.set(`${P}wait:${owner}`, members);
    }
  }
  const actual = await redis.hgetall(`${P}counts`);
  for (const field of new Set([...expected.keys(), ...Object.keys(actual)])) {
    const want = expected.get(field) ?? 0;
    const have = Number(actual[field] ?? 0);
    if (want !== have) problems.push(`counts ${field} is ${have}, ${want} jobs are there`);
  }
  const waitKeys = new Set(waiting.keys());
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${P}wait:*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) waitKeys.add(key);
  } while (cursor !== '0');
  for (const key of waitKeys) {
    const flat = await redis.zrange(key, 0, -1, 'WITHSCORES');
    const have = new Map<string, string>();
    for (let i = 0; i + 1 < flat.length; i += 2) have.set(flat[i] as string, flat[i + 1] as string);
    const want = waiting.get(key) ?? new Map<string, string>();
    for (const [id, seq] of want) {
      if (have.get(id) !== seq)
        problems.push(`${key.slice(P.length)} lacks Enqueued job ${id} at seq ${seq}`);
    }
    for (const id of have.keys()) {
      if (!want.has(id)) problems.push(`${key.slice(P.length)} lists job ${id}, which is not Enqueued there`);
    }
  }
  return problems;
}
