import { ConfigurationError, type ListJobsFilter } from '@hangar/core';
import { listPageSize } from '@hangar/core/adapter';
import { jobColumns } from './job-row.js';
import type { SchemaNames } from './schema-names.js';

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
  if (filter.states !== undefined) where.push(`j.state = ANY (${bind([...filter.states])}::text[])`);
  if (filter.types !== undefined) where.push(`j.type = ANY (${bind([...filter.types])}::text[])`);
  if (filter.queue !== undefined) where.push(`j.queue = ${bind(filter.queue)}`);
  // Containment, so every label is matched in one test of the jsonb column.
  if (filter.metadata !== undefined)
    where.push(`j.metadata @> ${bind(JSON.stringify(filter.metadata))}::jsonb`);
  if (filter.cursor !== undefined) where.push(`j.id < ${bind(decodeCursor(filter.cursor))}::bigint`);
  const limit = listPageSize(filter.limit);
  const text = `
    SELECT ${jobColumns('j')} FROM ${n.job} j
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY j.id DESC
    LIMIT ${bind(limit + 1)}`;
  return { text, values, limit };
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
