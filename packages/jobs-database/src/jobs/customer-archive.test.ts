import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { bulkInsert, type ConsoDb, type ConsoTableName, loadTinyDemoGroup } from '@hangar/conso-db';
import {
  ROUND_TRIP_ORDER,
  ROUND_TRIP_ROWS,
  type TwoTenantFixture,
  tenantDataFingerprint,
} from '@hangar/conso-db/testing';
import { JobState } from '@hangar/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileDigest } from '../backup/backup-manifest.js';
import type { CustomerArchiveManifest } from '../backup/customer-archive-manifest.js';
import { createConsoJobsPlugin } from '../plugin/conso-jobs-plugin.js';
import {
  openSharedTestDb,
  openTwoTenantSetup,
  type SharedTestDb,
  type TwoTenantSetup,
} from '../testing/deletion-fixture.js';
import { type JobHarness, startJobHarness } from '../testing/job-harness.js';
import { portableTenantFingerprint } from '../testing/portable-fingerprint.js';
import { backendsWithSkip, type TestBackend } from '../testing/test-db.js';
import { BACKUP_JOB_TYPE, type BackupResult } from './backup-job.js';
import { RESTORE_JOB_TYPE, type RestoreResult } from './restore-job.js';

const backends = await backendsWithSkip();
const pgSkip = backends.find(([backend]) => backend === 'postgres')?.[1];

/** A database the archive is restored into, with a runner whose backups are in the shared directory. */
interface Target {
  readonly db: SharedTestDb;
  readonly harness: JobHarness;
  /** A customer that was there before: a restore must leave it as it was. */
  readonly resident: number;
}

async function openTarget(backend: TestBackend, directory: string): Promise<Target> {
  const db = await openSharedTestDb(backend);
  // Customers of its own first, so the restored rows get other ids than in the source.
  await loadTinyDemoGroup(db.consoDb.db, { customerCode: 'SPARE', customerName: 'Spare' });
  const resident = await loadTinyDemoGroup(db.consoDb.db, {
    customerCode: 'RESIDENT',
    customerName: 'Resident',
  });
  const plugin = createConsoJobsPlugin({ backup: { directory, databaseUrl: db.url } });
  return { db, harness: await startJobHarness(plugin, db.consoDb, 2), resident: resident.customerId };
}

/** One row in every table (customer `RT`), so the archive is proven on every column of the schema. */
async function loadEveryTable(consoDb: ConsoDb): Promise<number> {
  const ids = new Map<ConsoTableName, number>();
  for (const table of ROUND_TRIP_ORDER) {
    if (table === 'translations') continue;
    const row = ROUND_TRIP_ROWS[table]((t) => ids.get(t) as number) as Record<string, unknown>;
    // Marked rows would be refused as being deleted; the archive needs a live customer.
    if ('deleting_at' in row) row.deleting_at = null;
    await bulkInsert(consoDb.db, table, [row as never]);
    if (table === 'currencies' || table === 'consolidated_data') continue;
    const last = await consoDb.db
      .selectFrom(table as 'customers')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    ids.set(table, Number(last.id));
  }
  return ids.get('customers') as number;
}

/** A customer's fingerprint without the shared tables, to which a restore may add the currencies it brings. */
async function ownRows(consoDb: ConsoDb, customerId: number): Promise<Record<string, string>> {
  const { currencies: _, translations: __, ...own } = await tenantDataFingerprint(consoDb.db, customerId);
  return own;
}

/** The archive's lines with one value of the first row of `table` changed. */
function withValue(lines: readonly string[], table: string, column: string, value: unknown): string {
  const at = lines.findIndex((line) => line.startsWith(`{"table":"${table}"`));
  const header = JSON.parse(lines[at] as string) as { columns: string[] };
  const row = JSON.parse(lines[at + 1] as string) as unknown[];
  row[header.columns.indexOf(column)] = value;
  return lines.map((line, i) => (i === at + 1 ? JSON.stringify(row) : line)).join('\n');
}

describe.each(backends)('customer archive from %s', (source, skip) => {
  let setup: TwoTenantSetup;
  let fx: TwoTenantFixture;
  let harness: JobHarness;
  let directory: string;
  let everyTable: number;

  beforeAll(async () => {
    if (skip !== undefined) return;
    directory = await mkdtemp(join(tmpdir(), 'hangar-archives-'));
    setup = await openTwoTenantSetup(source, ['a', 'b']);
    fx = setup.fx;
    everyTable = await loadEveryTable(setup.db.consoDb);
    const plugin = createConsoJobsPlugin({ backup: { directory, databaseUrl: setup.db.url } });
    harness = await startJobHarness(plugin, setup.db.consoDb, 2);
  }, 120_000);
  afterAll(async () => {
    await harness?.stop();
    await setup?.dispose();
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  const archive = async (name: string, customer: { tenant?: string; param?: string }) => {
    const record = await harness.run(
      BACKUP_JOB_TYPE,
      { name, scope: 'customer', ...(customer.param === undefined ? {} : { customer: customer.param }) },
      customer.tenant === undefined ? {} : { customerId: customer.tenant },
    );
    expect(record.state, JSON.stringify(record.errorInfo)).toBe(JobState.Succeeded);
    return (record.result?.result as BackupResult | undefined)?.manifest as CustomerArchiveManifest;
  };

  for (const [target, targetSkip] of backends) {
    it.skipIf(skip !== undefined || targetSkip !== undefined)(
      `ALPHA's own archive and RT's (every table) restore into ${target} beside another customer, with the same data`,
      async () => {
        const alpha = await archive(`alpha-to-${target}`, { tenant: fx.a.code });
        expect(alpha).toMatchObject({
          customer: 'ALPHA',
          dialect: source,
          file: `alpha-to-${target}.ndjson.gz`,
        });
        expect(alpha.tables.bundles).toBeGreaterThan(0);
        expect(alpha.tables.consolidated_data).toBeGreaterThan(0);
        const rt = await archive(`rt-to-${target}`, { param: 'RT' });
        for (const table of ROUND_TRIP_ORDER.filter((t) => t !== 'translations'))
          expect(rt.tables[table], table).toBeGreaterThan(0);
        // The archive holds ALPHA's rows only: none of BRAVO's marked names.
        const text = gunzipSync(await readFile(join(directory, alpha.file))).toString('utf8');
        expect(text).not.toContain(fx.marker);

        const into = await openTarget(target, directory);
        try {
          const resident = await ownRows(into.db.consoDb, into.resident);
          for (const [name, customerId] of [
            [`alpha-to-${target}`, fx.a.customerId],
            [`rt-to-${target}`, everyTable],
          ] as const) {
            const restored = await into.harness.run(RESTORE_JOB_TYPE, { backup: name });
            expect(restored.state, JSON.stringify(restored.errorInfo)).toBe(JobState.Succeeded);
            const result = restored.result?.result as RestoreResult;
            expect(result.customer?.id).not.toBe(customerId);
            expect(
              await portableTenantFingerprint(into.db.consoDb.db, result.customer?.id as number),
            ).toEqual(await portableTenantFingerprint(setup.db.consoDb.db, customerId));
          }
          expect(await ownRows(into.db.consoDb, into.resident)).toEqual(resident);
          // RT's currency came with its archive.
          const xrt = await into.db.consoDb.db
            .selectFrom('currencies')
            .selectAll()
            .where('code', '=', 'XRT')
            .execute();
          expect(xrt).toHaveLength(1);

          // Again: the customer exists now, so it is refused, and replaced only when asked.
          const again = await into.harness.run(RESTORE_JOB_TYPE, { backup: `alpha-to-${target}` });
          expect(again.errorInfo?.[0]).toMatchObject({
            code: 'RESTORE_CUSTOMER_EXISTS',
            params: { customer: 'ALPHA', param: 'backup' },
          });
          const replaced = await into.harness.run(RESTORE_JOB_TYPE, {
            backup: `alpha-to-${target}`,
            replace: true,
          });
          expect(replaced.state, JSON.stringify(replaced.errorInfo)).toBe(JobState.Succeeded);
          const id = (replaced.result?.result as RestoreResult | undefined)?.customer?.id as number;
          expect(await portableTenantFingerprint(into.db.consoDb.db, id)).toEqual(
            await portableTenantFingerprint(setup.db.consoDb.db, fx.a.customerId),
          );
          expect(await ownRows(into.db.consoDb, into.resident)).toEqual(resident);
        } finally {
          await into.harness.stop();
          await into.db.dispose();
        }
      },
      240_000,
    );
  }

  it.skipIf(skip !== undefined || pgSkip !== undefined)(
    'refuses a tampered archive, a broken one, a newer schema and another tenant, writing nothing',
    async () => {
      const good = await archive('checked', { tenant: fx.a.code });
      const dataPath = join(directory, good.file);
      const manifestPath = join(directory, 'checked.json');
      const data = await readFile(dataPath);
      const manifest = await readFile(manifestPath, 'utf8');
      const into = await openTarget('postgres', directory);
      const before = await tenantDataFingerprint(into.db.consoDb.db, into.resident);
      const customers = async () =>
        (await into.db.consoDb.db.selectFrom('customers').select('code').execute()).length;
      const count = await customers();
      try {
        // One changed amount, the manifest left alone: the checksum no longer matches.
        const lines = gunzipSync(data).toString('utf8').split('\n');
        await writeFile(dataPath, gzipSync(withValue(lines, 'bundles', 'amount', 999999)));
        const refused = await into.harness.run(RESTORE_JOB_TYPE, { backup: 'checked' });
        expect(refused.errorInfo?.[0]).toMatchObject({
          code: 'BACKUP_INVALID',
          params: { param: 'backup', problem: 'checksum mismatch' },
        });

        // A consistent checksum over a row that names an account the archive lacks: found while
        // loading, after earlier tables went in, and all of it is rolled back.
        await writeFile(dataPath, gzipSync(withValue(lines, 'adjustment_lines', 'account_id', 987654321)));
        const digest = await fileDigest(dataPath);
        await writeFile(manifestPath, JSON.stringify({ ...JSON.parse(manifest), ...digest }));
        const rolledBack = await into.harness.run(RESTORE_JOB_TYPE, { backup: 'checked' });
        expect(rolledBack.errorInfo?.[0]?.code).toBe('BACKUP_INVALID');
        expect(rolledBack.errorInfo?.[0]?.params?.problem).toMatch(
          /adjustment_lines\.account_id = 987654321 names no accounts row/,
        );
        expect(await customers()).toBe(count);

        await writeFile(dataPath, data);
        await writeFile(
          manifestPath,
          JSON.stringify({ ...JSON.parse(manifest), schemaVersion: '9999-future' }),
        );
        const tooNew = await into.harness.run(RESTORE_JOB_TYPE, { backup: 'checked' });
        expect(tooNew.errorInfo?.[0]?.code).toBe('BACKUP_SCHEMA_TOO_NEW');
        await writeFile(manifestPath, manifest);

        const asTenant = await into.harness.run(
          RESTORE_JOB_TYPE,
          { backup: 'checked' },
          { customerId: 'RESIDENT' },
        );
        expect(asTenant.errorInfo?.[0]?.code).toBe('SYSTEM_JOB_REQUIRED');
        expect(await customers()).toBe(count);
        expect(await tenantDataFingerprint(into.db.consoDb.db, into.resident)).toEqual(before);

        const other = await harness.run(
          BACKUP_JOB_TYPE,
          { scope: 'customer', customer: fx.b.code },
          { customerId: fx.a.code },
        );
        expect(other.errorInfo?.[0]?.code).toBe('TENANT_MISMATCH');
        const none = await harness.run(BACKUP_JOB_TYPE, { scope: 'customer' });
        expect(none.errorInfo?.[0]?.code).toBe('SCOPE_CUSTOMER_REQUIRED');
        await expect(harness.enqueue(BACKUP_JOB_TYPE, { customer: 'ALPHA' })).rejects.toThrow(/customer/);

        // The good archive still restores after all of that.
        const restored = await into.harness.run(RESTORE_JOB_TYPE, { backup: 'checked' });
        expect(restored.state, JSON.stringify(restored.errorInfo)).toBe(JobState.Succeeded);
      } finally {
        await into.harness.stop();
        await into.db.dispose();
      }
    },
    240_000,
  );
});
