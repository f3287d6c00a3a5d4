import { type RawBuilder, sql } from 'kysely';
import type { NumberFormat } from '../read/number-format.js';
import type { ImportSession } from '../session/import-session.js';
import type { CopyStagingSpec } from '../session/table-import-spec.js';
import type { RawCsvTable } from '../stage/raw-csv-copy.js';
import { cellText } from '../stage/sql-cell-text.js';
import { cellNumber, MAX_AMOUNT_EXACT } from '../stage/sql-number.js';
import { ROW_NO, type StagingTable } from '../stage/staging-table.js';
import type { BalanceTracker } from '../validate/balance-tracker.js';
import { type CodeLookups, idsToCodes } from '../validate/code-lookups.js';
import { MAX_DIMENSION_LENGTH } from '../validate/data-file-format.js';

/** What the data import's SQL validation needs: the same lookups and settings its `parse` uses. */
export interface DataCopyOptions {
  readonly codes: CodeLookups;
  /** Companies the import may write; undefined when any company of the file may be. */
  readonly only: ReadonlySet<number> | undefined;
  readonly numbers: NumberFormat;
  /** Receives each company's total when the rows are valid (its `report` is the job's `afterRead`). */
  readonly balances: BalanceTracker;
}

/**
 * The data import's validation in SQL, row for row the verdict of its `parse`: company and account
 * required and known, the company in scope, the account not a summary, partner and flow known
 * when given, the dimension at most 50 UTF-16 units (JavaScript's length), the amount a number
 * within ±1e15. Codes map to ids with one hash join per dimension against arrays of the very
 * lookups `parse` uses. Balances are summed per company in cents as JavaScript rounds them.
 */
export function dataCopyStaging(options: DataCopyOptions): CopyStagingSpec {
  return {
    select: (raw) => dataSelect(raw, options),
    afterStage: (session, staging) => sumBalances(session, staging, options),
  };
}

function dataSelect(raw: RawCsvTable, { codes, only, numbers }: DataCopyOptions): RawBuilder<unknown> {
  const cell = (name: string) => cellText('r', raw.column(name));
  const companies = [...codes.companies];
  const accounts = [...codes.accounts];
  const flows = [...codes.flows];
  const companyCodes = companies.map(([code]) => code);
  const companyIds = companies.map(([, id]) => id);
  const inScope = companies.map(([, id]) => only === undefined || only.has(id));
  const texts = (values: string[]) => sql`${values}::text[]`;
  const ints = (values: number[]) => sql`${values}::int[]`;
  const flags = (values: boolean[]) => sql`${values}::boolean[]`;
  const astral = sql.lit('[^\\U00010000-\\U0010FFFF]');
  // OFFSET 0 keeps the cells a subquery: each is trimmed and parsed once, not once per use.
  return sql`select t.row_no, co.id, ac.id, pa.id, fl.id, t.dimension, t.amount,
    (t.company is null or co.id is null or not co.in_scope
      or t.account is null or ac.id is null or ac.summary
      or (t.partner is not null and pa.id is null)
      or (t.flow is not null and fl.id is null)
      or (octet_length(t.dimension) > ${sql.lit(MAX_DIMENSION_LENGTH)}
        and length(t.dimension) + length(regexp_replace(t.dimension, ${astral}, '', 'g')) > ${sql.lit(MAX_DIMENSION_LENGTH)})
      or t.amount is null or abs(t.amount) > ${sql.lit(MAX_AMOUNT_EXACT)}::numeric) is true
    from (select r.${sql.ref(ROW_NO)} as row_no, ${cell('company')} as company, ${cell('account')} as account,
        ${cell('partner')} as partner, ${cell('flow')} as flow, ${cell('dimension')} as dimension,
        ${cellNumber(cell('amount'), raw.column('amount')?.shape, numbers)} as amount
      from ${sql.table(raw.name)} as r offset 0) as t
    left join unnest(${texts(companyCodes)}, ${ints(companyIds)}, ${flags(inScope)}) as co(code, id, in_scope) on co.code = t.company
    left join unnest(${texts(accounts.map(([code]) => code))}, ${ints(accounts.map(([, id]) => id))},
      ${flags(accounts.map(([, id]) => codes.summaryAccounts.has(id)))}) as ac(code, id, summary) on ac.code = t.account
    left join unnest(${texts(companyCodes)}, ${ints(companyIds)}) as pa(code, id) on pa.code = t.partner
    left join unnest(${texts(flows.map(([code]) => code))}, ${ints(flows.map(([, id]) => id))}) as fl(code, id) on fl.code = t.flow`;
}

/**
 * Each company's total in cents as `toCents` computes it: the amount as a double (PostgreSQL reads
 * the exact decimal as JavaScript reads the text), times 100, rounded half up; amounts too small
 * for a double count as 0, as they parse to 0 in JavaScript.
 */
async function sumBalances(
  session: ImportSession,
  staging: StagingTable,
  { codes, balances }: DataCopyOptions,
): Promise<void> {
  const totals = await sql<{
    company_id: number;
    first_row: number;
    cents: number;
  }>`select s.company_id, min(s.row_no) as first_row, sum(floor(s.x) + case when s.x - floor(s.x) >= 0.5 then 1 else 0 end) as cents
    from (select company_id, ${sql.ref(ROW_NO)} as row_no, case when abs(amount) < 1e-300 then 0 else amount::float8 * 100 end as x
      from ${sql.table(staging.name)} offset 0) as s
    group by s.company_id order by first_row`.execute(session.trx);
  const companyCodes = idsToCodes(codes.companies);
  for (const total of totals.rows) {
    balances.addTotal(
      companyCodes.get(total.company_id) ?? String(total.company_id),
      Number(total.first_row),
      Number(total.cents),
    );
  }
}
