import { type RawBuilder, sql } from 'kysely';
import { BackupInvalidError } from '../errors/backup-invalid-error.js';
import type { CatalogReference, CatalogTable } from './schema-catalog.js';

/** The table every customer's rows hang off. */
const ROOT = 'customers';

/** A table holding rows of customers, and how to find one customer's. */
export interface CustomerTable {
  readonly name: string;
  readonly columns: readonly string[];
  /** Foreign keys to other customer tables (by `id`), itself included; remapped on restore. */
  readonly references: readonly CatalogReference[];
  /** A foreign key of the table to itself (accounts' `parent_id`): its rows are written parents first. */
  readonly selfReference: string | undefined;
  /** Some customer table points at its `id`: a restore gives its rows new ids and keeps the map. */
  readonly referenced: boolean;
  /** The customer's rows, as a condition on the table's own columns. */
  owned(customerId: number): RawBuilder<unknown>;
}

/** A table all customers share that customer rows point at (currencies): carried so a target has them. */
export interface SharedTable {
  readonly name: string;
  readonly columns: readonly string[];
  /** The column the customer rows point at (the table's key). */
  readonly key: string;
  /** The rows one customer's rows point at. */
  used(customerId: number): RawBuilder<unknown>;
}

/** What a customer archive holds, derived from the database's own catalog. */
export interface CustomerTablePlan {
  /** Shared tables first, then customer tables, each after the tables it points at. */
  readonly shared: readonly SharedTable[];
  readonly tables: readonly CustomerTable[];
}

/**
 * Finds the customer tables of a schema: `customers` and every table with a chain of foreign keys
 * to it. Each is reached through its shortest chain of non-null keys (a bundle through its company),
 * which gives the SQL condition selecting one customer's rows; the tables are put in foreign-key
 * order. Tables no chain reaches (translations, migration bookkeeping) are not a customer's.
 */
export function customerTablePlan(catalog: ReadonlyMap<string, CatalogTable>): CustomerTablePlan {
  const root = catalog.get(ROOT);
  if (root === undefined)
    throw new BackupInvalidError('scope', 'customer', 'the database has no customers table');
  const owners = ownerReferences(catalog);
  const ownedSql = new Map<string, (customerId: number) => RawBuilder<unknown>>();
  const condition = (table: string): ((customerId: number) => RawBuilder<unknown>) => {
    const known = ownedSql.get(table);
    if (known !== undefined) return known;
    const owner = owners.get(table);
    let built: (customerId: number) => RawBuilder<unknown>;
    if (table === ROOT) built = (id) => sql`${sql.ref('id')} = ${id}`;
    else if (owner === undefined) throw new Error(`${table} is not a customer table`);
    else if (owner.table === ROOT) built = (id) => sql`${sql.ref(owner.column)} = ${id}`;
    else {
      const parent = condition(owner.table);
      built = (id) =>
        sql`${sql.ref(owner.column)} in (select ${sql.ref(owner.targetColumn)} from ${sql.table(owner.table)} where ${parent(id)})`;
    }
    ownedSql.set(table, built);
    return built;
  };
  const names = new Set([ROOT, ...owners.keys()]);
  const referencedIds = new Set<string>();
  const sharedUses = new Map<string, { key: string; uses: { table: string; column: string }[] }>();
  for (const name of names) {
    for (const ref of catalog.get(name)?.references ?? []) {
      if (names.has(ref.table)) {
        if (ref.targetColumn !== 'id')
          throw new BackupInvalidError(
            'scope',
            'customer',
            `${name}.${ref.column} points at ${ref.table}.${ref.targetColumn}, not an id`,
          );
        referencedIds.add(ref.table);
      } else {
        const use = sharedUses.get(ref.table) ?? { key: ref.targetColumn, uses: [] };
        if (use.key !== ref.targetColumn || ref.targetColumn === 'id')
          throw new BackupInvalidError(
            'scope',
            'customer',
            `shared table ${ref.table} is referenced by id, which no other database shares`,
          );
        use.uses.push({ table: name, column: ref.column });
        sharedUses.set(ref.table, use);
      }
    }
  }
  const tables = keyOrder(catalog, names).map((name): CustomerTable => {
    const table = catalog.get(name) as CatalogTable;
    const references = table.references.filter((ref) => names.has(ref.table));
    return {
      name,
      columns: table.columns,
      references,
      selfReference: references.find((ref) => ref.table === name)?.column,
      referenced: referencedIds.has(name),
      owned: condition(name),
    };
  });
  const shared = [...sharedUses]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([name, { key, uses }]): SharedTable => ({
        name,
        columns: catalog.get(name)?.columns ?? [],
        key,
        used: (id) =>
          sql`${sql.ref(key)} in (${sql.join(
            uses.map(
              (use) =>
                sql`select ${sql.ref(use.column)} from ${sql.table(use.table)} where ${condition(use.table)(id)}`,
            ),
            sql` union `,
          )})`,
      }),
    );
  return { shared, tables };
}

/** For each table a chain reaches, the foreign key of its shortest chain (non-null keys preferred). */
function ownerReferences(catalog: ReadonlyMap<string, CatalogTable>): Map<string, CatalogReference> {
  const depth = new Map<string, number>([[ROOT, 0]]);
  const owner = new Map<string, CatalogReference>();
  for (const allowNull of [false, true]) {
    for (let changed = true; changed; ) {
      changed = false;
      for (const [name, table] of [...catalog].sort(([a], [b]) => a.localeCompare(b))) {
        if (name === ROOT) continue;
        for (const ref of table.references) {
          const parent = depth.get(ref.table);
          if (ref.table === name || parent === undefined || (ref.nullable && !allowNull)) continue;
          if (parent + 1 < (depth.get(name) ?? Number.POSITIVE_INFINITY)) {
            depth.set(name, parent + 1);
            owner.set(name, ref);
            changed = true;
          }
        }
      }
    }
  }
  return owner;
}

/** The tables, each after every table it points at (itself aside); names break ties. */
function keyOrder(catalog: ReadonlyMap<string, CatalogTable>, names: ReadonlySet<string>): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  while (placed.size < names.size) {
    const ready = [...names]
      .filter((name) => !placed.has(name))
      .filter((name) =>
        (catalog.get(name)?.references ?? []).every(
          (ref) => ref.table === name || !names.has(ref.table) || placed.has(ref.table),
        ),
      )
      .sort();
    if (ready.length === 0)
      throw new BackupInvalidError(
        'scope',
        'customer',
        `foreign keys form a cycle between ${[...names].filter((n) => !placed.has(n)).join(', ')}`,
      );
    for (const name of ready) {
      order.push(name);
      placed.add(name);
    }
  }
  return order;
}
