import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { StagingTable } from '../stage/staging-table.js';
import type { ApplyTarget } from './apply-target.js';

/** One foreign key of the target, as the catalog describes it. */
interface ForeignKey {
  name: string;
  refSchema: string;
  refTable: string;
  columns: string[];
  refColumns: string[];
  refTypes: string[];
  matchSimple: boolean;
  /** Whether this role may lock rows of the referenced table (SELECT and some UPDATE right). */
  lockable: boolean;
}

/**
 * PostgreSQL checks a foreign key with one query per inserted row and key (an internal row
 * trigger): measured on a million-row data import, the five keys of `bundles` took 26 of its
 * 28 seconds. Staged rows are already validated against the referenced tables, so the same
 * guarantee can be had set-based: every distinct referenced key is looked up once and its row
 * locked `FOR KEY SHARE` — the lock the per-row check takes — so it cannot be deleted or have its
 * key changed before the import commits; then the insert runs with the per-row triggers skipped
 * (`session_replication_role = replica`, local to the transaction and restored right after).
 *
 * Used only when all of this holds, otherwise the insert keeps PostgreSQL's own checks:
 * - the role may set `session_replication_role` (a superuser, or on PostgreSQL 15+ a role
 *   granted `SET ON PARAMETER session_replication_role`);
 * - the target is a plain table whose only triggers belong to foreign keys and which has no
 *   rules, since replica mode would silently skip anything else too;
 * - every foreign key is MATCH SIMPLE, each of its columns is filled from staging or by a
 *   constant of the import, and the role may lock rows of the referenced table (the per-row
 *   checks run as the table's owner; locking needs SELECT and an UPDATE right of one's own);
 * - every referenced key exists (otherwise the per-row checks run and report the violation as
 *   they always have).
 *
 * Returns a function that runs an insert with the per-row checks skipped, or undefined.
 */
export async function lockStagedReferences(
  trx: Kysely<unknown>,
  staging: StagingTable,
  target: ApplyTarget,
): Promise<((insert: () => Promise<number>) => Promise<number>) | undefined> {
  const role = await sql<{
    superuser: string;
    version: string;
    current: string;
  }>`select current_setting('is_superuser') as superuser,
            current_setting('server_version_num') as version,
            current_setting('session_replication_role') as current`.execute(trx);
  const settings = role.rows[0];
  if (settings?.current !== 'origin') return undefined;
  if (settings.superuser !== 'on') {
    if (Number(settings.version) < 150000) return undefined;
    const granted = await sql<{
      ok: boolean;
    }>`select has_parameter_privilege('session_replication_role', 'SET') as ok`.execute(trx);
    if (!granted.rows[0]?.ok) return undefined;
  }

  const shape = await sql<{ kind: string | null; other_triggers: string; rules: string }>`
    select (select relkind::text from pg_class where oid = to_regclass(${target.table})) as kind,
           (select count(*) from pg_trigger t left join pg_constraint c on c.oid = t.tgconstraint
             where t.tgrelid = to_regclass(${target.table}) and c.contype is distinct from 'f') as other_triggers,
           (select count(*) from pg_rewrite where ev_class = to_regclass(${target.table})) as rules`.execute(
    trx,
  );
  const table = shape.rows[0];
  if (table?.kind !== 'r') return undefined;
  if (Number(table.other_triggers) > 0 || Number(table.rules) > 0) return undefined;

  const keys = await foreignKeysOf(trx, target.table);
  const staged = new Set(target.columns.map((c) => c.name));
  const constants = target.constants ?? {};
  const source = (column: string, type: string): RawBuilder<unknown> | undefined => {
    if (staged.has(column)) return sql`cast(${sql.ref(`s.${column}`)} as ${sql.raw(type)})`;
    if (column in constants) return sql`cast(${sql.val(constants[column])} as ${sql.raw(type)})`;
    return undefined;
  };
  for (const key of keys) {
    if (!key.matchSimple || !key.lockable) return undefined;
    const values = key.columns.map((column, i) => source(column, key.refTypes[i] as string));
    if (values.some((v) => v === undefined)) return undefined;
    // A key made of the scope's constants is one key, whatever the file holds: no scan for it.
    const fromFile = key.columns.some((column) => staged.has(column));
    if (!(await lockKeys(trx, fromFile ? staging : undefined, key, values as RawBuilder<unknown>[])))
      return undefined;
  }

  return async (insert) => {
    await sql`select set_config('session_replication_role', 'replica', true)`.execute(trx);
    const inserted = await insert();
    await sql`select set_config('session_replication_role', 'origin', true)`.execute(trx);
    return inserted;
  };
}

async function foreignKeysOf(trx: Kysely<unknown>, table: string): Promise<ForeignKey[]> {
  const result = await sql<{
    name: string;
    ref_schema: string;
    ref_table: string;
    columns: string[];
    ref_columns: string[];
    ref_types: string[];
    match: string;
    lockable: boolean;
  }>`
    select c.conname as name, n.nspname as ref_schema, r.relname as ref_table,
           array(select a.attname::text from unnest(c.conkey) with ordinality k(num, i)
                   join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.num order by k.i) as columns,
           array(select a.attname::text from unnest(c.confkey) with ordinality k(num, i)
                   join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.num order by k.i) as ref_columns,
           array(select format_type(a.atttypid, a.atttypmod) from unnest(c.confkey) with ordinality k(num, i)
                   join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.num order by k.i) as ref_types,
           c.confmatchtype::text as match,
           has_table_privilege(c.confrelid, 'SELECT') and has_any_column_privilege(c.confrelid, 'UPDATE') as lockable
      from pg_constraint c
      join pg_class r on r.oid = c.confrelid
      join pg_namespace n on n.oid = r.relnamespace
     where c.conrelid = to_regclass(${table}) and c.contype = 'f'
     order by c.conname`.execute(trx);
  return result.rows.map((row) => ({
    name: row.name,
    refSchema: row.ref_schema,
    refTable: row.ref_table,
    columns: row.columns,
    refColumns: row.ref_columns,
    refTypes: row.ref_types,
    matchSimple: row.match === 's',
    lockable: row.lockable,
  }));
}

/**
 * Locks the referenced row of every distinct staged key (a key with a null part references
 * nothing under MATCH SIMPLE); true when each one exists. Without `staging` the key's values are
 * constants: one key.
 */
async function lockKeys(
  trx: Kysely<unknown>,
  staging: StagingTable | undefined,
  key: ForeignKey,
  values: RawBuilder<unknown>[],
): Promise<boolean> {
  const k = (i: number) => sql.id(`k${i}`);
  const wanted = sql.join(values.map((value, i) => sql`${value} as ${k(i)}`));
  const notNull = sql.join(
    values.map((value) => sql`${value} is not null`),
    sql` and `,
  );
  const match = sql.join(
    key.refColumns.map((column, i) => sql`${sql.ref(`r.${column}`)} = ${sql.ref(`w.k${i}`)}`),
    sql` and `,
  );
  const result = await sql<{ wanted: string; locked: string }>`
    with w as (select distinct ${wanted} ${staging ? sql`from ${sql.table(staging.name)} as s` : sql``} where ${notNull}),
         l as (select 1 from ${sql.id(key.refSchema, key.refTable)} as r join w on ${match} for key share of r)
    select (select count(*) from w) as wanted, (select count(*) from l) as locked`.execute(trx);
  const row = result.rows[0];
  return row !== undefined && row.wanted === row.locked;
}
