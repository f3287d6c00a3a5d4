import { randomBytes } from 'node:crypto';
import {
  type ConsoDb,
  consoDbToken,
  generateSampleGroup,
  migrateToLatest,
  openConsoDb,
} from '@hangar/conso-db';
import { openAsRestrictedRole } from '@hangar/conso-db/testing';
import { JobState } from '@hangar/core';
import {
  createConsoJobsPlugin,
  INTEGRATION_JOB_TYPE,
  OWNERSHIP_JOB_TYPE,
  STEP_FLAGS,
} from '@hangar/jobs-database';
import { createRunner, MemoryQueue } from '@hangar/runner';
import { sql } from 'kysely';
import { runAllStepsAsTenant } from './conso-rls.js';

/** Sizes and target of {@link benchConsolidation}. */
export interface ConsoBenchOptions {
  /** PostgreSQL URL. @defaultValue `HANGAR_PG_URL` or the local `test` database */
  url?: string;
  /** Companies of the generated group. @defaultValue 1000 (`BENCH_CONSO_COMPANIES`) */
  companies?: number;
  /** Accounts of its chart. @defaultValue 2000 (`BENCH_CONSO_ACCOUNTS`) */
  accounts?: number;
  /** Generator seed. @defaultValue 1 */
  seed?: number;
}

/** One timed line of the consolidation benchmark. */
export interface ConsoBenchRow {
  /** What was timed. */
  step: string;
  /** Wall-clock seconds. */
  seconds: number;
  /** Rows written (for the generator: bundle rows; for the ownership job: companies). */
  rows: number;
}

/**
 * Times the consolidation jobs on a generated group in PostgreSQL (its own schema, dropped at the
 * end): the generator, CalculateIndirectPercentages, each integration step run alone (its own job,
 * its own transaction), a full run of every step, and as the floor the bare set-based translation
 * (one INSERT … SELECT joining bundles, accounts and rates into `consolidated_data`). Prints a
 * table and returns its rows.
 */
export async function benchConsolidation(options: ConsoBenchOptions = {}): Promise<ConsoBenchRow[]> {
  const url = options.url ?? process.env.HANGAR_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const companies = options.companies ?? Number(process.env.BENCH_CONSO_COMPANIES ?? 1000);
  const accounts = options.accounts ?? Number(process.env.BENCH_CONSO_ACCOUNTS ?? 2000);
  const schema = `bench_conso_${randomBytes(4).toString('hex')}`;
  const consoDb = await openConsoDb(url, { schema, poolSize: 4 });
  const rows: ConsoBenchRow[] = [];
  const time = async (step: string, work: () => Promise<number>): Promise<void> => {
    const started = performance.now();
    const count = await work();
    rows.push({ step, seconds: (performance.now() - started) / 1000, rows: count });
    console.log(`  ${step}: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  };
  try {
    await migrateToLatest(consoDb.db);
    let consoId = 0;
    let tenant = '';
    await time(`generate ${companies} companies × ${accounts} accounts (bundle rows)`, async () => {
      const summary = await generateSampleGroup(consoDb.db, { companies, accounts, seed: options.seed ?? 1 });
      consoId = summary.consoId;
      tenant = summary.customerCode;
      return summary.bundleRows;
    });
    await sql`analyze`.execute(consoDb.db);
    const queue = new MemoryQueue();
    const runner = createRunner({
      queue,
      plugins: [createConsoJobsPlugin({ lockWaitMs: 0 })],
      services: [{ token: consoDbToken, value: consoDb }],
      concurrency: 1,
      pollIntervalMs: 20,
      leaseMs: 600_000,
    });
    await runner.start();
    try {
      const run = async (type: string, params: unknown): Promise<number> => {
        const { id } = await runner.client.enqueue(type, params);
        const record = await runner.client.waitFor(id, { pollMs: 50 });
        if (record.state !== JobState.Succeeded) {
          throw new Error(`${type} ended ${record.state}: ${JSON.stringify(record.errorInfo)}`);
        }
        return writtenBy(record.result?.result);
      };
      await time('CalculateIndirectPercentages', async () => {
        await run(OWNERSHIP_JOB_TYPE, { conso: consoId });
        return companies;
      });
      for (const [name, flag] of [
        ['LinkedCategories', STEP_FLAGS.linkedCategories],
        ['Bundles (formulas, translation, flows)', STEP_FLAGS.bundles],
        ['Adjustments', STEP_FLAGS.adjustments],
        ['Elims', STEP_FLAGS.elims],
        ['All steps (15), replacing the above', STEP_FLAGS.all],
      ] as const) {
        await time(name, () => run(INTEGRATION_JOB_TYPE, { consos: [consoId], steps: flag }));
      }
    } finally {
      await runner.stop();
      await queue.close();
    }
    // Row-level security: the same full run as the tenant, on the owner's connection (policies
    // bypassed) and on a restricted role's (policies enforced), one after the other.
    await time('All steps (15) as the tenant, owner role (RLS not enforced)', () =>
      runAllStepsAsTenant(consoDb, tenant, consoId),
    );
    const restricted = await openAsRestrictedRole(consoDb, url, schema);
    try {
      await time('All steps (15) as the tenant, restricted role (RLS enforced)', () =>
        runAllStepsAsTenant(restricted.consoDb, tenant, consoId),
      );
    } finally {
      await restricted.drop();
    }
    await time('Floor: one INSERT … SELECT translating bundles', () => floorTranslation(consoDb, consoId));
  } finally {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(consoDb.db).catch(() => undefined);
    await consoDb.close();
  }
  printConsoTable(rows);
  return rows;
}

/** Rows the steps of an integration job wrote, from its result. */
function writtenBy(result: unknown): number {
  const consos =
    (result as { consos?: { steps?: Record<string, { written?: number }> }[] } | undefined)?.consos ?? [];
  let written = 0;
  for (const conso of consos)
    for (const step of Object.values(conso.steps ?? {})) written += step.written ?? 0;
  return written;
}

/** The set-based floor: translate and write every bundle line in one statement, then remove it (untimed). */
async function floorTranslation(consoDb: ConsoDb, consoId: number): Promise<number> {
  const result = await sql`
    insert into consolidated_data (conso_id, company_id, account_id, partner_company_id, flow_id, dimension, origin, step, amount_gc)
    select k.id, b.company_id, b.account_id, b.partner_company_id, b.flow_id, null, 'bundle', 'floor',
      sum(b.amount) * case
        when c.currency = k.group_currency or a.rate_type = 'NR' then 1
        when a.rate_type = 'AC' then max(r.average_rate)
        else max(r.closing_rate) end
    from bundles b
    join consos k on k.id = ${consoId} and k.period_id = b.period_id and k.category_id = b.category_id
    join accounts a on a.id = b.account_id
    join companies c on c.id = b.company_id
    left join exchange_rates r on r.period_id = b.period_id and r.category_id = b.category_id and r.currency = c.currency
    group by k.id, b.company_id, b.account_id, b.partner_company_id, b.flow_id, a.rate_type, c.currency, k.group_currency`.execute(
    consoDb.db,
  );
  await consoDb.db.deleteFrom('consolidated_data').where('step', '=', 'floor').execute();
  return Number(result.numAffectedRows ?? 0n);
}

function printConsoTable(rows: readonly ConsoBenchRow[]): void {
  console.log('\n## Consolidation on PostgreSQL\n');
  console.log('| step | seconds | rows written | rows/s |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) {
    const rate = r.seconds > 0 ? Math.round(r.rows / r.seconds).toLocaleString('en-US') : '—';
    console.log(`| ${r.step} | ${r.seconds.toFixed(2)} | ${r.rows.toLocaleString('en-US')} | ${rate} |`);
  }
}
