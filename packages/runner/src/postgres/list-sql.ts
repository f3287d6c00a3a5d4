import { ConfigurationError, isTerminalState, JOB_STATES, type ListJobsFilter } from '@hangar/core';
import { listPageSize } from '@hangar/core/adapter';
import { parseJobId } from './job-id.js';
import { jobColumns } from './job-row.js';
import type { SchemaNames } from './schema-names.js';
import { sqlStateList } from './state-sql.js';

/** A query with its parameters. */
export interface BoundQuery {
  /** SQL text. */
  text: string;
  /** Positional values. */
  values: unknown[];
  /** Rows asked for; one more row than the page reveals whether a next page exists. */
  limit: number;
}

/**
 * The listing query: newest first by id (ids follow enqueue order), keyset-paginated so a
 * page costs the same however deep it is, and stable while new jobs arrive.
 *
 * For one customer, the ids of the page come from a union of branches, each newest first and
 * cut at the page size, so that each reads one index of schema version 7 in order and stops
 * after a page: the customer's live jobs (`job_customer_live_idx`), and its finished jobs, one
 * branch per finished state (`job_customer_done_idx`, which carries type, queue and user, so
 * these filters are checked in the index without reading the table). Only the page's rows are
 * then read. The children of a job: see `parentArms`.
 */
export function listJobsQuery(n: SchemaNames, filter: ListJobsFilter): BoundQuery {
  const values: unknown[] = [];
  const where: string[] = [];
  const bind = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filter.customerId !== undefined) where.push(`j.customer_id = ${bind(filter.customerId)}`);
  if (filter.userId !== undefined) where.push(`j.user_id = ${bind(filter.userId)}`);
  if (filter.types !== undefined) where.push(`j.type = ANY (${bind([...filter.types])}::text[])`);
  if (filter.queue !== undefined) where.push(`j.queue = ${bind(filter.queue)}`);
  // The children of a job, as disjoint arms each read its own way (see parentArms).
  let arms: string[] = ['true'];
  if (filter.parentId !== undefined) {
    const parentId = parseJobId(filter.parentId);
    if (parentId === undefined) where.push('false');
    else arms = parentArms(bind(parentId));
  }
  // Containment, so every label is matched in one test of the jsonb column.
  if (filter.metadata !== undefined)
    where.push(`j.metadata @> ${bind(JSON.stringify(filter.metadata))}::jsonb`);
  if (filter.cursor !== undefined) where.push(`j.id < ${bind(decodeCursor(filter.cursor))}::bigint`);
  const limit = listPageSize(filter.limit);
  const cut = bind(limit + 1);
  // States go into the text as literals (only names of the state machine, so nothing a caller
  // wrote): the planner can then match them against the partial indexes' predicates.
  const states = JOB_STATES.filter((s) => filter.states === undefined || filter.states.includes(s));
  const branch = (stateCondition: string, arm = 'true') =>
    `SELECT j.id FROM ${n.job} j WHERE ${[...where, arm, stateCondition].join(' AND ')} ORDER BY j.id DESC LIMIT ${cut}`;
  const branches: string[] = [];
  if (states.length === 0) {
    branches.push(branch('false'));
  } else if (filter.customerId === undefined || filter.parentId !== undefined) {
    const condition = states.length === JOB_STATES.length ? 'true' : `j.state IN (${sqlStateList(states)})`;
    for (const arm of arms) branches.push(branch(condition, arm));
  } else {
    const live = states.filter((s) => !isTerminalState(s));
    if (live.length > 0) branches.push(branch(`j.state IN (${sqlStateList(live)})`));
    for (const state of states.filter((s) => isTerminalState(s)))
      branches.push(branch(`j.state = '${state}'`));
  }
  const text = `
    SELECT ${jobColumns('j')} FROM ${n.job} j
    JOIN (SELECT u.id FROM (${branches.map((b) => `(${b})`).join(' UNION ALL ')}) u ORDER BY u.id DESC LIMIT ${cut}) page
      ON j.id = page.id
    ORDER BY j.id DESC`;
  return { text, values, limit };
}

/**
 * The children of the job `$parent`, in two disjoint arms: `parent_id` is a child's first parent
 * (`job_parent_idx`); its other children have it further in their `parents`, found through
 * `job_other_parents_idx`, which holds only jobs with several parents (the arm repeats the
 * index's predicate so the planner may use it).
 */
function parentArms(parent: string): string[] {
  return [
    `j.parent_id = ${parent}::bigint`,
    `j.parent_id IS DISTINCT FROM ${parent}::bigint AND jsonb_array_length(j.parents) > 1
       AND j.parents @> jsonb_build_array(jsonb_build_object('id', ${parent}::text))`,
  ];
}

/** Opaque cursor pointing after the job with this id. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(JSON.stringify({ v: 1, id: lastId })).toString('base64url');
}

/** The id inside a cursor; a cursor not made by `encodeCursor` is a `ConfigurationError`. */
export function decodeCursor(cursor: string): string {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
    if (typeof id === 'string' && /^[0-9]{1,19}$/.test(id)) return id;
  } catch {
    // Reported below with the same message as a well-formed but foreign cursor.
  }
  throw new ConfigurationError('cursor', 'pass the `nextCursor` of the previous page unchanged');
}
