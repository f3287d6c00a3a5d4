import type { Redis } from 'ioredis';
import { countProblems } from './redis-count-invariants.js';
import { readyMember } from './redis-keys.js';

type Hash = Record<string, string>;

/** Every key matching `pattern`, by SCAN. */
async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    out.push(...keys);
  } while (cursor !== '0');
  return out;
}

async function zsets(redis: Redis, keys: readonly string[]): Promise<Map<string, Map<string, string>>> {
  const pipeline = redis.pipeline();
  for (const key of keys) pipeline.zrange(key, 0, -1, 'WITHSCORES');
  const replies = (await pipeline.exec()) ?? [];
  const out = new Map<string, Map<string, string>>();
  keys.forEach((key, i) => {
    const flat = (replies[i]?.[1] ?? []) as string[];
    const members = new Map<string, string>();
    for (let n = 0; n + 1 < flat.length; n += 2) members.set(flat[n] as string, flat[n + 1] as string);
    out.set(key, members);
  });
  return out;
}

/** Where an Enqueued job's entry is: the park set its `zkey` names, else its ready set. */
function readyEntry(j: Hash): { key: string; member: string } | undefined {
  if (j.id === undefined || j.runAt === undefined || j.seq === undefined) return undefined;
  const member = j.zmem ?? readyMember(j.runAt, j.seq, j.id);
  if (j.zkey !== undefined) return { key: j.zkey, member };
  return j.grp === undefined ? undefined : { key: `ready:${j.grp}`, member };
}

/**
 * Checks that the indexes of a deployment agree with its job hashes: each job sits in exactly the
 * structure its state calls for, held keys and running counts match the Processing jobs, and no
 * set-aside entry is stranded; with `counts`, that the counts kept for `countJobs` match the jobs
 * (not for tests that write job hashes of earlier versions by hand, which keep no counts).
 * Returns the violations (empty when consistent). For tests: it reads the whole namespace.
 */
export async function checkInvariants(
  redis: Redis,
  prefix: string,
  options: { counts?: boolean } = {},
): Promise<string[]> {
  const P = `${prefix}:`;
  const problems: string[] = [];
  const jobKeys = await scanKeys(redis, `${P}job:*`);
  const pipeline = redis.pipeline();
  for (const key of jobKeys) pipeline.hgetall(key);
  const jobs = new Map<string, Hash>();
  for (const [i, [, hash]] of ((await pipeline.exec()) ?? []).entries()) {
    const h = hash as Hash;
    const id = jobKeys[i]?.slice(`${P}job:`.length);
    if (id !== undefined && h.state !== undefined) jobs.set(id, { ...h, id });
  }
  const sortedKeys = [
    ...(await scanKeys(redis, `${P}ready:*`)),
    ...(await scanKeys(redis, `${P}kpark:*`)),
    ...(await scanKeys(redis, `${P}cpark:*`)),
    ...(await scanKeys(redis, `${P}done:*`)),
    `${P}delayed`,
    `${P}leases`,
  ];
  const sets = await zsets(redis, sortedKeys);
  const score = (key: string, member: string) => sets.get(`${P}${key}`)?.get(member);
  const held = await redis.hgetall(`${P}held`);
  const running = await redis.hgetall(`${P}running`);
  const processingPerCustomer = new Map<string, number>();

  for (const [id, j] of jobs) {
    const where = `job ${id} (${j.state})`;
    if (j.state === 'Enqueued') {
      const entry = readyEntry(j);
      if (!entry || !/^(ready|kpark|cpark):/.test(entry.key)) problems.push(`${where} has no ready entry`);
      else if (Number(score(entry.key, entry.member)) !== Number(j.priority))
        problems.push(`${where} missing from ${entry.key}`);
    } else if (j.zkey !== undefined) {
      if (j.state !== 'Scheduled' || j.zkey !== 'delayed')
        problems.push(`${where} still listed in ${j.zkey}`);
    }
    if (j.state === 'Scheduled' && score('delayed', id) !== j.runAt)
      problems.push(`${where} not delayed at its run-at`);
    if (j.state === 'Processing') {
      if (score('leases', id) === undefined) problems.push(`${where} has no lease entry`);
      if (j.concurrencyKey !== undefined && held[j.concurrencyKey] !== id)
        problems.push(`${where} does not hold its key`);
      if (j.customerId !== undefined) {
        processingPerCustomer.set(j.customerId, (processingPerCustomer.get(j.customerId) ?? 0) + 1);
      }
    } else if (score('leases', id) !== undefined) {
      problems.push(`${where} still has a lease`);
    }
    if (
      (j.state === 'Succeeded' || j.state === 'Failed' || j.state === 'Cancelled') &&
      score(`done:${j.state}`, id) !== j.finishedAt
    ) {
      problems.push(`${where} missing from done:${j.state}`);
    }
    if (j.state === 'Awaiting') {
      // a child is listed under each parent that has not ended, and counts exactly those
      let waiting = 0;
      const parents: Array<{ id: string }> = j.parents ? JSON.parse(j.parents) : [{ id: j.parentId ?? '' }];
      for (const parent of parents) {
        const ended = ['Succeeded', 'Failed', 'Cancelled'].includes(
          jobs.get(parent.id)?.state ?? 'Succeeded',
        );
        if (ended) continue;
        waiting += 1;
        if (!(await redis.sismember(`${P}children:${parent.id}`, id)))
          problems.push(`${where} is not a child of its parent ${parent.id}`);
      }
      if (waiting === 0 || (j.pending !== undefined && Number(j.pending) !== waiting))
        problems.push(`${where} counts ${j.pending} parents pending, ${waiting} have not ended`);
    }
  }
  for (const [key, members] of sets) {
    const relative = key.slice(P.length);
    for (const member of members.keys()) {
      const id = /^(ready|kpark|cpark):/.test(relative) ? member.slice(34) : member;
      const j = jobs.get(id);
      const entry = j && j.state === 'Enqueued' ? readyEntry(j) : undefined;
      if (!j) problems.push(`${relative} lists missing job ${id}`);
      else if (
        /^(ready|kpark|cpark):/.test(relative) &&
        (entry?.key !== relative || entry.member !== member)
      ) {
        problems.push(`${relative} lists job ${id} which is ${j.state} in ${entry?.key ?? 'nothing'}`);
      }
    }
  }
  for (const [key, id] of Object.entries(held)) {
    const j = jobs.get(id);
    if (j?.state !== 'Processing' || j.concurrencyKey !== key)
      problems.push(`key ${key} held by ${id} which is not running it`);
  }
  const customers = new Set([...Object.keys(running), ...processingPerCustomer.keys()]);
  for (const c of customers) {
    if (Number(running[c] ?? 0) !== (processingPerCustomer.get(c) ?? 0)) {
      problems.push(
        `customer ${c}: running count ${running[c]} but ${processingPerCustomer.get(c) ?? 0} Processing`,
      );
    }
  }
  // a set-aside entry needs a job that will release it: a running or ready one of its key/customer
  for (const [key, members] of sets) {
    const relative = key.slice(P.length);
    const kind = relative.slice(0, 6);
    if ((kind !== 'kpark:' && kind !== 'cpark:') || members.size === 0) continue;
    const field = kind === 'kpark:' ? 'concurrencyKey' : 'customerId';
    const owner = jobs.get([...members.keys()][0]?.slice(34) ?? '')?.[field];
    const index = await redis.sismember(`${P}${kind[0]}parks:${owner}`, relative);
    if (!index) problems.push(`${relative} is missing from its index`);
    if (kind === 'cpark:' && !(await redis.sismember(`${P}cparked`, owner ?? ''))) {
      problems.push(`customer ${owner} has set-aside entries but is not in cparked`);
    }
    const releaser = [...jobs.values()].some(
      (j) =>
        j[field] === owner &&
        (j.state === 'Processing' || (j.state === 'Enqueued' && readyEntry(j)?.key.startsWith('ready:'))),
    );
    if (!releaser) problems.push(`${relative} has entries that nothing will release`);
  }
  if (options.counts) problems.push(...(await countProblems(redis, P, jobs)));
  return problems;
}
