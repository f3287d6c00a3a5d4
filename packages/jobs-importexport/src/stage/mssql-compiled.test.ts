import { DummyDriver, Kysely, MssqlAdapter, MssqlIntrospector, MssqlQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../apply/find-duplicates.js';
import { writeStagedRows } from '../apply/write-staged-rows.js';
import { BUNDLE_KEY, BUNDLE_STAGING, BUNDLE_TARGET_COLUMNS } from '../jobs/bundle-staging.js';
import { createStaging } from './create-staging.js';

/** A SQL Server kysely that never connects: it compiles every statement and records it. */
function recordingMssql(): {
  db: Kysely<unknown>;
  statements: { sql: string; parameters: readonly unknown[] }[];
} {
  const statements: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = new Kysely<unknown>({
    dialect: {
      createAdapter: () => new MssqlAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new MssqlIntrospector(k),
      createQueryCompiler: () => new MssqlQueryCompiler(),
    },
    log: (event) => {
      if (event.level === 'query')
        statements.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  return { db, statements };
}

describe('the SQL Server path (compiled only, no server)', () => {
  it('stages into a #temp table with batches within 1000 rows and 2100 parameters', async () => {
    const { db, statements } = recordingMssql();
    const staging = await createStaging(db, 'mssql', 'data', BUNDLE_STAGING);
    expect(staging.name).toMatch(/^#ie_data_[0-9a-f]{8}$/);
    for (let i = 0; i < 2500; i++) await staging.append(i + 2, [1, 2, null, 3, null, i]);
    expect(await staging.finish()).toBe(2500);
    const inserts = statements.filter((s) => s.sql.startsWith('insert into'));
    expect(statements[0]!.sql).toMatch(
      /^create table "#ie_data_[0-9a-f]{8}" \("row_no" int not null, "company_id" int/,
    );
    expect(inserts.length).toBeGreaterThanOrEqual(3);
    for (const insert of inserts) {
      expect(insert.parameters.length).toBeLessThanOrEqual(2098);
      expect(insert.parameters.length / 7).toBeLessThanOrEqual(1000);
    }
  });

  it('compiles duplicate checks with TOP and set-based replace and merge', async () => {
    const { db, statements } = recordingMssql();
    const staging = await createStaging(db, 'mssql', 'data', BUNDLE_STAGING);
    await findDuplicates(db, 'mssql', staging, BUNDLE_KEY, 50);
    const target = {
      table: 'bundles',
      columns: BUNDLE_TARGET_COLUMNS,
      constants: { period_id: 1, category_id: 2 },
      key: BUNDLE_KEY.map((c) => c.name),
      scope: [
        { column: 'period_id', equals: 1 },
        { column: 'company_id', inStaged: true as const },
      ],
    };
    await writeStagedRows(db, staging, target, 'replace');
    await writeStagedRows(db, staging, target, 'merge');
    const sqlText = statements.map((s) => s.sql).join('\n');
    if (process.env.SHOW_SQL) console.log(sqlText);
    expect(sqlText).toMatch(
      /select top \(1\) 1 as found from "#ie_data_\w+" group by .* having count\(\*\) > 1/,
    );
    expect(sqlText).not.toMatch(/\blimit\b/);
    expect(sqlText).toContain('delete from "bundles" where "bundles"."period_id" = @1');
    expect(sqlText).toMatch(
      /update "bundles" set "amount" = \(select "s"\."amount" from "#ie_data_\w+" as s/,
    );
    expect(sqlText).toMatch(
      /insert into "bundles" \(.*\) select .* from "#ie_data_\w+" as s where "s"\."row_no" not in/,
    );
  });
});
