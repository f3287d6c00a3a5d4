import type { ConsoDatabase } from '@hangar/conso-db';
import { copyTextRow, PostgresCopyInput } from '@hangar/conso-db/postgres-copy';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { BackupInvalidError } from '../errors/backup-invalid-error.js';
import { type ArchiveLoader, missingRowError, type TableLoad } from './archive-table-load.js';

/** Bytes of COPY text buffered before one write to the connection. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Rows from which an exclusive load checks a table's foreign keys once after the load: below it,
 * the per-row checks cost less than locking the table and validating every customer's rows.
 */
export const EXCLUSIVE_LOAD_MIN_ROWS = 10_000;

const stageOf = (table: string) => `hangar_restore_${table}`;
const mapOf = (table: string) => `hangar_restore_map_${table}`;
const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Loads an archive set-based: each table's rows are streamed by `COPY` into a temporary staging
 * table of the same column types, then go in with one `INSERT … SELECT` that takes new ids from a
 * mapping table (old id → `nextval` of the identity, made in one statement) and rewrites every key
 * by joining the map of the table it points at. One pass over the staged rows finds a key naming no
 * row of the archive first. Staging and maps are temporary tables of the restore's transaction
 * (`on commit drop`), so a failure leaves nothing behind.
 */
export async function postgresArchiveLoader(
  trx: Kysely<ConsoDatabase>,
  backup: string,
  signal: AbortSignal,
  exclusive: { readonly exclusive: boolean; readonly minRows: number },
): Promise<ArchiveLoader> {
  const mapped = new Set<string>();
  let load: TableLoad | undefined;
  let input: PostgresCopyInput | undefined;
  let buffer = '';
  let rows = 0;

  const flush = async (): Promise<void> => {
    if (input === undefined || buffer === '') return;
    if (signal.aborted) throw signal.reason;
    const chunk = buffer;
    buffer = '';
    await input.write(chunk);
  };

  return {
    async begin(next) {
      load = next;
      buffer = '';
      rows = 0;
      const columns = sql.join(next.archiveColumns.map((column) => sql.ref(column)));
      await sql`create temp table ${sql.id(stageOf(next.name))} on commit drop as
        select ${columns} from ${sql.table(next.name)} with no data`.execute(trx);
      input = await PostgresCopyInput.start(
        trx,
        `copy ${quoted(stageOf(next.name))} (${next.archiveColumns.map(quoted).join(', ')}) from stdin`,
      );
    },
    async row(values) {
      buffer += copyTextRow(values);
      rows++;
      if (buffer.length >= CHUNK_BYTES) await flush();
    },
    async end() {
      if (load === undefined || input === undefined) return;
      const current = load;
      await flush();
      await input.end();
      input = undefined;
      load = undefined;
      const stage = sql.table(stageOf(current.name));
      // Small tables plan well enough without statistics; large ones need them for hash joins.
      if (rows >= 1000) await sql`analyze ${stage}`.execute(trx);
      if (current.idIndex !== undefined) await giveNewIds(current);
      await checkKeys(current);
      if (exclusive.exclusive && rows >= exclusive.minRows)
        await withKeysCheckedOnce(current.name, () => insertStaged(current));
      else await insertStaged(current);
      await sql`drop table ${stage}`.execute(trx);
    },
    async customerIds() {
      if (!mapped.has('customers')) return [];
      const { rows } = await sql<{ id: string | number }>`select new_id as id from ${sql.table(
        mapOf('customers'),
      )}`.execute(trx);
      return rows.map((row) => Number(row.id));
    },
    async abort(reason) {
      await input?.abort(reason);
      input = undefined;
    },
  };

  /** The table's map: every archived id and the new id this database gives it. */
  async function giveNewIds(current: TableLoad): Promise<void> {
    const stage = sql.table(stageOf(current.name));
    const { rows: twice } = await sql<{ id: unknown }>`select id from ${stage}
      group by id having count(*) > 1 or id is null limit 1`.execute(trx);
    if (twice.length > 0)
      throw new BackupInvalidError(
        'backup',
        backup,
        `${current.name} holds id ${String(twice[0]?.id)} more than once (or none)`,
      );
    const map = sql.table(mapOf(current.name));
    await sql`create temp table ${map} on commit drop as
      select id as old_id, nextval(pg_get_serial_sequence(${current.name}, 'id')) as new_id
      from ${stage}`.execute(trx);
    await sql`alter table ${map} add primary key (old_id)`.execute(trx);
    await sql`analyze ${map}`.execute(trx);
    mapped.add(current.name);
  }

  /** One pass over the staged rows for a key that names no row of the archive. */
  async function checkKeys(current: TableLoad): Promise<void> {
    const remaps = [...current.remaps];
    if (remaps.length === 0) return;
    const column = (index: number) => sql.ref(`s.${current.archiveColumns[index]}`);
    const { rows } = await sql<Record<string, unknown>>`select ${sql.join(
      remaps.map(([index]) => sql`${column(index)} as ${sql.id(`k${index}`)}`),
    )} from ${sql.table(stageOf(current.name))} as s ${joins(current)} where ${sql.join(
      remaps.map(([index, target]) =>
        mapped.has(target)
          ? sql`(${column(index)} is not null and ${sql.ref(`m${index}.old_id`)} is null)`
          : sql`${column(index)} is not null`,
      ),
      sql` or `,
    )} limit 1`.execute(trx);
    const row = rows[0];
    if (row === undefined) return;
    for (const [index, target] of remaps) {
      const value = row[`k${index}`];
      if (value !== null && value !== undefined && !mapped.has(target))
        throw missingRowError(backup, current, index, value);
    }
    // The query found a row whose key is not in a map: find which of its keys it is.
    for (const [index, target] of remaps) {
      const value = row[`k${index}`];
      if (value === null || value === undefined) continue;
      const { rows: found } = await sql`select 1 from ${sql.table(mapOf(target))}
        where old_id = ${value}`.execute(trx);
      if (found.length === 0) throw missingRowError(backup, current, index, value);
    }
  }

  /** Left joins of the maps the table's keys go through (`m<index>`). */
  function joins(current: TableLoad): RawBuilder<unknown> {
    const parts = [...current.remaps]
      .filter(([, target]) => mapped.has(target))
      .map(
        ([index, target]) =>
          sql`left join ${sql.table(mapOf(target))} as ${sql.id(`m${index}`)} on ${sql.ref(
            `m${index}.old_id`,
          )} = ${sql.ref(`s.${current.archiveColumns[index]}`)}`,
      );
    return parts.length === 0 ? sql`` : sql.join(parts, sql` `);
  }

  async function insertStaged(current: TableLoad): Promise<void> {
    const values = current.columns.map((column, c) => {
      const source = current.sources[c] as number;
      if (column === 'id' && current.idIndex !== undefined) return sql.ref('own.new_id');
      if (current.remaps.has(source)) return sql.ref(`m${source}.new_id`);
      return sql.ref(`s.${column}`);
    });
    const own =
      current.idIndex === undefined
        ? sql``
        : sql`join ${sql.table(mapOf(current.name))} as own on own.old_id = s.id`;
    const conflict =
      current.sharedKey === undefined ? sql`` : sql`on conflict (${sql.ref(current.sharedKey)}) do nothing`;
    await sql`insert into ${sql.table(current.name)} (${sql.join(current.columns.map((c) => sql.ref(c)))})
      select ${sql.join(values)} from ${sql.table(stageOf(current.name))} as s ${own} ${joins(current)}
      ${conflict}`.execute(trx);
  }

  /**
   * Runs `load` with the table's foreign keys dropped, then adds them back with their own
   * definitions, `NOT VALID`, and validates each: one set-based check per key over the table
   * instead of one lookup per row and key. Needs the table's owner and an exclusive lock, held until
   * the restore commits (other sessions wait for the table meanwhile); without ownership the keys
   * stay and are checked per row.
   */
  async function withKeysCheckedOnce(table: string, load: () => Promise<void>): Promise<void> {
    const { rows: owner } = await sql<{ owned: boolean }>`
      select pg_has_role(relowner, 'USAGE') as owned from pg_class where oid = ${table}::regclass`.execute(
      trx,
    );
    if (owner[0]?.owned !== true) return load();
    await sql`lock table ${sql.table(table)} in access exclusive mode`.execute(trx);
    const { rows: keys } = await sql<{ name: string; definition: string }>`
      select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
      where conrelid = ${table}::regclass and contype = 'f' order by conname`.execute(trx);
    for (const key of keys)
      await sql`alter table ${sql.table(table)} drop constraint ${sql.id(key.name)}`.execute(trx);
    await load();
    for (const key of keys) {
      await sql`alter table ${sql.table(table)} add constraint ${sql.id(key.name)} ${sql.raw(
        key.definition,
      )} not valid`.execute(trx);
      await sql`alter table ${sql.table(table)} validate constraint ${sql.id(key.name)}`.execute(trx);
    }
  }
}
