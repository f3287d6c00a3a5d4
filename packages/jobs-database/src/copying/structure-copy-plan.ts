import type { ConsoDatabase } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';
import { type InsertSelect, insertSelect } from './insert-select.js';

/** Source and target customer of a structure copy. */
export interface StructureCopy {
  readonly sourceId: number;
  readonly targetId: number;
}

/** Tables a structure copy matches by code, with the columns copied besides `customer_id`. */
const CODED: Readonly<Record<'companies' | 'flows' | 'categories', readonly string[]>> = {
  companies: ['code', 'name', 'currency', 'country'],
  flows: ['code', 'name', 'kind'],
  categories: ['code', 'name'],
};

/** Codes (names for formula groups) both customers have: `table:code`, sorted. */
export async function structureConflicts(db: Kysely<ConsoDatabase>, copy: StructureCopy): Promise<string[]> {
  const found: string[] = [];
  for (const [table, key] of [
    ['companies', 'code'],
    ['accounts', 'code'],
    ['flows', 'code'],
    ['categories', 'code'],
    ['ic_rules', 'code'],
    ['formula_groups', 'name'],
  ] as const) {
    const { rows } = await sql<{ k: string }>`select s.${sql.ref(key)} as k from ${sql.table(table)} s
      join ${sql.table(table)} t on t.customer_id = ${copy.targetId} and t.${sql.ref(key)} = s.${sql.ref(key)}
      where s.customer_id = ${copy.sourceId} order by s.${sql.ref(key)}`.execute(db);
    for (const row of rows) found.push(`${table}:${row.k}`);
  }
  return found;
}

const missingIn = (table: string, key: string, targetId: number) =>
  sql`not exists (select 1 from ${sql.table(table)} t where t.customer_id = ${targetId} and t.${sql.ref(key)} = s.${sql.ref(key)})`;

/**
 * Copies what the target lacks, parents first, each table by set-based `INSERT … SELECT`, ids
 * remapped through codes: accounts level by level of their tree (a parent exists before its
 * children), IC rules and formulas after the accounts they name. Returns the rows per table.
 */
export async function copyStructure(
  db: Kysely<ConsoDatabase>,
  copy: StructureCopy,
  beforeTable: (table: string, index: number, total: number) => void,
): Promise<Record<string, number>> {
  const { sourceId, targetId } = copy;
  const rows: Record<string, number> = {};
  const steps: (readonly [string, () => Promise<number>])[] = [
    ...Object.entries(CODED).map(
      ([table, columns]) =>
        [
          table,
          () =>
            insertSelect(db, {
              table,
              columns: ['customer_id', ...columns],
              replace: { customer_id: sql`${targetId}` },
              where: sql`s.customer_id = ${sourceId} and ${missingIn(table, 'code', targetId)}`,
            }),
        ] as const,
    ),
    ['accounts', () => copyAccountTree(db, copy)],
    [
      'ic_rules',
      () =>
        insertSelect(db, {
          table: 'ic_rules',
          columns: ['customer_id', 'code', 'name', 'difference_account_id', 'tolerance'],
          replace: { customer_id: sql`${targetId}`, difference_account_id: sql`na.id` },
          joins: sql`join accounts sa on sa.id = s.difference_account_id
            join accounts na on na.customer_id = ${targetId} and na.code = sa.code`,
          where: sql`s.customer_id = ${sourceId} and ${missingIn('ic_rules', 'code', targetId)}`,
        }),
    ],
    ['ic_rule_accounts', () => insertSelect(db, ruleAccounts(copy))],
    [
      'formula_groups',
      () =>
        insertSelect(db, {
          table: 'formula_groups',
          columns: ['customer_id', 'name', 'sequence'],
          replace: { customer_id: sql`${targetId}` },
          where: sql`s.customer_id = ${sourceId} and ${missingIn('formula_groups', 'name', targetId)}`,
        }),
    ],
    ['formulas', () => insertSelect(db, formulas(copy))],
  ];
  for (const [index, [table, run]] of steps.entries()) {
    beforeTable(table, index + 1, steps.length);
    rows[table] = await run();
  }
  return rows;
}

/** Accounts whose parent is already in the target, repeated until a pass copies nothing. */
async function copyAccountTree(
  db: Kysely<ConsoDatabase>,
  { sourceId, targetId }: StructureCopy,
): Promise<number> {
  let total = 0;
  for (;;) {
    const inserted = await insertSelect(db, {
      table: 'accounts',
      columns: ['customer_id', 'code', 'name', 'type', 'rate_type', 'role', 'parent_id', 'is_summary'],
      replace: { customer_id: sql`${targetId}`, parent_id: sql`np.id` },
      joins: sql`left join accounts sp on sp.id = s.parent_id
        left join accounts np on np.customer_id = ${targetId} and np.code = sp.code`,
      where: sql`s.customer_id = ${sourceId} and ${missingIn('accounts', 'code', targetId)}
        and (s.parent_id is null or np.id is not null)`,
    });
    total += inserted;
    if (inserted === 0) return total;
  }
}

function ruleAccounts({ sourceId, targetId }: StructureCopy): InsertSelect {
  return {
    table: 'ic_rule_accounts',
    columns: ['ic_rule_id', 'side', 'account_id'],
    replace: { ic_rule_id: sql`nr.id`, account_id: sql`na.id` },
    joins: sql`join ic_rules sr on sr.id = s.ic_rule_id
      join ic_rules nr on nr.customer_id = ${targetId} and nr.code = sr.code
      join accounts sa on sa.id = s.account_id
      join accounts na on na.customer_id = ${targetId} and na.code = sa.code`,
    where: sql`sr.customer_id = ${sourceId} and not exists (select 1 from ic_rule_accounts t
      where t.ic_rule_id = nr.id and t.account_id = na.id)`,
  };
}

function formulas({ sourceId, targetId }: StructureCopy): InsertSelect {
  return {
    table: 'formulas',
    columns: ['formula_group_id', 'sequence', 'target_account_id', 'expression', 'description'],
    replace: { formula_group_id: sql`ng.id`, target_account_id: sql`na.id` },
    joins: sql`join formula_groups sg on sg.id = s.formula_group_id
      join formula_groups ng on ng.customer_id = ${targetId} and ng.name = sg.name
      join accounts sa on sa.id = s.target_account_id
      join accounts na on na.customer_id = ${targetId} and na.code = sa.code`,
    where: sql`sg.customer_id = ${sourceId} and not exists (select 1 from formulas t
      where t.formula_group_id = ng.id and t.sequence = s.sequence)`,
  };
}
