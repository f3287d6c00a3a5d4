import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type ConsoDatabase, generateSampleGroup, loadTinyDemoGroup } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSharedTestDb, type SharedTestDb } from '../testing/deletion-fixture.js';
import { portableTenantFingerprint } from '../testing/portable-fingerprint.js';
import { postgresSkipReason } from '../testing/test-db.js';
import type { CustomerArchiveManifest } from './customer-archive-manifest.js';
import { type ArchiveRestore, restoreCustomerArchive } from './customer-archive-restore.js';
import { writeCustomerArchive } from './customer-archive-writer.js';
import { customerTablePlan } from './customer-tables.js';
import { readSchemaCatalog } from './schema-catalog.js';

const pgSkip = await postgresSkipReason();

/** Every foreign key of the schema: name, definition and whether it is validated. */
async function foreignKeys(db: Kysely<ConsoDatabase>) {
  const { rows } = await sql<{ table: string; name: string; definition: string; valid: boolean }>`
    select c.conrelid::regclass::text as table, c.conname as name,
      pg_get_constraintdef(c.oid) as definition, c.convalidated as valid
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and n.nspname = current_schema() order by 1, 2`.execute(db);
  return rows;
}

/** The catalog ids of a table's foreign keys: new ones when the keys were dropped and added back. */
async function keyIds(db: Kysely<ConsoDatabase>, table: string): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`select oid::integer as id from pg_constraint
    where conrelid = ${table}::regclass and contype = 'f'`.execute(db);
  return rows.map((row) => row.id);
}

describe.skipIf(pgSkip !== undefined)('customer archive restore with exclusive loads (PostgreSQL)', () => {
  let source: SharedTestDb;
  let target: SharedTestDb;
  let directory: string;
  let customerId: number;
  let restore: ArchiveRestore;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'hangar-exclusive-'));
    source = await openSharedTestDb('postgres');
    target = await openSharedTestDb('postgres');
    // A customer already there, so every id differs from the source's.
    await loadTinyDemoGroup(target.consoDb.db, { customerCode: 'RESIDENT', customerName: 'Resident' });
    const group = await generateSampleGroup(source.consoDb.db, { companies: 8, accounts: 60, seed: 7 });
    customerId = group.customerId;
    const dataPath = join(directory, 'group.ndjson.gz');
    const tables = await writeCustomerArchive(source.consoDb.db, {
      customerId,
      plan: customerTablePlan(await readSchemaCatalog(source.consoDb.db)),
      path: dataPath,
      signal: new AbortController().signal,
      progress: () => undefined,
    });
    restore = {
      backup: 'group',
      manifest: { customer: group.customerCode, tables } as CustomerArchiveManifest,
      dataPath,
      replace: false,
      exclusive: true,
      // Every table counts as large, so each is loaded with its keys checked once.
      exclusiveMinRows: 1,
      signal: new AbortController().signal,
      progress: () => undefined,
    };
  }, 120_000);
  afterAll(async () => {
    await source?.dispose();
    await target?.dispose();
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  it('refuses a key no row answers, rolling back the rows and giving back the keys as they were', async () => {
    const keys = await foreignKeys(target.consoDb.db);
    const customers = await target.consoDb.db.selectFrom('customers').select('code').execute();
    // A currency code neither the archive nor this database has: only the database's key sees it.
    const lines = gunzipSync(await readFile(restore.dataPath))
      .toString('utf8')
      .split('\n');
    const at = lines.findIndex((line) => line.startsWith('{"table":"companies"'));
    const header = JSON.parse(lines[at] as string) as { columns: string[] };
    const row = JSON.parse(lines[at + 1] as string) as unknown[];
    row[header.columns.indexOf('currency')] = 'ZZZ';
    const broken = join(directory, 'broken.ndjson.gz');
    await writeFile(
      broken,
      gzipSync(lines.map((line, i) => (i === at + 1 ? JSON.stringify(row) : line)).join('\n')),
    );

    await expect(restoreCustomerArchive(target.consoDb.db, { ...restore, dataPath: broken })).rejects.toThrow(
      /companies_currency_fkey/,
    );
    expect(await foreignKeys(target.consoDb.db)).toEqual(keys);
    expect(await target.consoDb.db.selectFrom('customers').select('code').execute()).toEqual(customers);
  }, 120_000);

  it('restores the same data, every key of the schema back with its definition and validated', async () => {
    const keys = await foreignKeys(target.consoDb.db);
    expect(keys.filter((key) => key.table === 'bundles')).toHaveLength(6);
    const bundleKeys = await keyIds(target.consoDb.db, 'bundles');
    const restored = await restoreCustomerArchive(target.consoDb.db, restore);
    expect(restored.customerId).not.toBe(customerId);
    expect(restored.rows.bundles).toBeGreaterThan(0);
    expect(await portableTenantFingerprint(target.consoDb.db, restored.customerId)).toEqual(
      await portableTenantFingerprint(source.consoDb.db, customerId),
    );
    const after = await foreignKeys(target.consoDb.db);
    expect(after).toEqual(keys);
    expect(after.every((key) => key.valid)).toBe(true);
    // Made anew (the load went without them), not left in place.
    const remade = await keyIds(target.consoDb.db, 'bundles');
    expect(remade).toHaveLength(6);
    for (const id of remade) expect(bundleKeys).not.toContain(id);
  }, 120_000);
});
