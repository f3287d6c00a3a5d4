import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TwoTenantFixture, tenantDataFingerprint } from '@hangar/conso-db/testing';
import { JobState, type ListJobsFilter } from '@hangar/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CODE_SCHEMA_VERSION } from '../backup/backup-manifest.js';
import { type JobLister, jobListerToken } from '../backup/backup-settings.js';
import { createConsoJobsPlugin } from '../plugin/conso-jobs-plugin.js';
import { openTwoTenantSetup, type SharedTestDb, type TwoTenantSetup } from '../testing/deletion-fixture.js';
import { type JobHarness, startJobHarness } from '../testing/job-harness.js';
import { backendsWithSkip } from '../testing/test-db.js';
import { BACKUP_JOB_TYPE, type BackupResult } from './backup-job.js';
import { CONSO_ACTION_JOB_TYPE } from './conso-action-job.js';
import { DELETE_CUSTOMER_JOB_TYPE } from './delete-customer-job.js';
import { RESTORE_JOB_TYPE, type RestoreResult } from './restore-job.js';

const backends = await backendsWithSkip();

describe.each(backends)('conso.backup and conso.restore on %s', (backend, skip) => {
  let setup: TwoTenantSetup;
  let db: SharedTestDb;
  let fx: TwoTenantFixture;
  let harness: JobHarness;
  let directory: string;
  /** What the restore asks about running jobs: the runner's own client unless a test says otherwise. */
  let lister: JobLister;

  beforeEach(async () => {
    if (skip !== undefined) return;
    setup = await openTwoTenantSetup(backend, ['a', 'b']);
    ({ db, fx } = setup);
    directory = await mkdtemp(join(tmpdir(), 'hangar-backups-'));
    const plugin = createConsoJobsPlugin({ backup: { directory, databaseUrl: db.url } });
    lister = { list: (filter) => harness.runner.client.list(filter) };
    harness = await startJobHarness(plugin, db.consoDb, 4, [
      { token: jobListerToken, value: { list: (filter: ListJobsFilter) => lister.list(filter) } },
    ]);
  }, 120_000);
  afterEach(async () => {
    await harness?.stop();
    await setup?.dispose();
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  const prints = async () => ({
    a: await tenantDataFingerprint(db.consoDb.db, fx.a.customerId),
    b: await tenantDataFingerprint(db.consoDb.db, fx.b.customerId),
  });
  const backup = async (name: string) => {
    const record = await harness.run(BACKUP_JOB_TYPE, { name });
    expect(record.state, JSON.stringify(record.errorInfo)).toBe(JobState.Succeeded);
    return record.result?.result as BackupResult;
  };

  it.skipIf(skip !== undefined)(
    'every table is as it was after backup, wiping both customers, and restore',
    async () => {
      const before = await prints();
      const result = await backup('round-trip');
      expect(result.manifest).toMatchObject({ dialect: backend, schemaVersion: CODE_SCHEMA_VERSION });
      expect((await stat(join(directory, result.manifest.file))).size).toBe(result.manifest.bytes);

      const wiped = await harness.run(DELETE_CUSTOMER_JOB_TYPE, { customer: fx.b.code });
      expect(wiped.state).toBe(JobState.Succeeded);
      const cleared = await harness.run(
        CONSO_ACTION_JOB_TYPE,
        { conso: fx.a.consoCode, action: 'clear' },
        { customerId: fx.a.code },
      );
      expect(cleared.state).toBe(JobState.Succeeded);
      const after = await prints();
      expect(after.a).not.toEqual(before.a);
      expect(after.b).not.toEqual(before.b);

      const restored = await harness.run(RESTORE_JOB_TYPE, { backup: 'round-trip' });
      expect(restored.state, JSON.stringify(restored.errorInfo)).toBe(JobState.Succeeded);
      expect(restored.result?.result as RestoreResult).toMatchObject({
        schemaVersion: CODE_SCHEMA_VERSION,
        migrated: [],
      });
      expect(await prints()).toEqual(before);
      expect(restored.progress?.total).toBeGreaterThan(0);
    },
    240_000,
  );

  it.skipIf(skip !== undefined)(
    'refuses a damaged backup, a newer schema, running jobs and a customer, changing nothing',
    async () => {
      const result = await backup('checked');
      const manifestPath = join(directory, 'checked.json');
      const manifest = await readFile(manifestPath, 'utf8');
      const before = await prints();

      const customer = await harness.run(RESTORE_JOB_TYPE, { backup: 'checked' }, { customerId: fx.a.code });
      expect(customer.errorInfo?.[0]?.code).toBe('SYSTEM_JOB_REQUIRED');
      const customerBackup = await harness.run(BACKUP_JOB_TYPE, {}, { customerId: fx.a.code });
      expect(customerBackup.errorInfo?.[0]?.code).toBe('SYSTEM_JOB_REQUIRED');

      const newer = JSON.stringify({ ...JSON.parse(manifest), schemaVersion: '9999-from-the-future' });
      await writeFile(manifestPath, newer);
      const tooNew = await harness.run(RESTORE_JOB_TYPE, { backup: 'checked' });
      expect(tooNew.errorInfo?.[0]).toMatchObject({
        code: 'BACKUP_SCHEMA_TOO_NEW',
        params: { backupVersion: '9999-from-the-future', codeVersion: CODE_SCHEMA_VERSION },
      });
      await writeFile(manifestPath, manifest);

      lister = {
        list: async () => ({
          items: [{ id: 'job-42', type: 'conso.integration' } as never],
          nextCursor: undefined,
        }),
      };
      const blocked = await harness.run(RESTORE_JOB_TYPE, { backup: 'checked' });
      expect(blocked.errorInfo?.[0]).toMatchObject({
        code: 'RESTORE_BLOCKED',
        params: { jobs: 'conso.integration#job-42' },
      });

      await appendFile(join(directory, result.manifest.file), 'x');
      const damaged = await harness.run(RESTORE_JOB_TYPE, { backup: 'checked' });
      expect(damaged.errorInfo?.[0]).toMatchObject({
        code: 'BACKUP_INVALID',
        params: { param: 'backup', problem: 'checksum mismatch' },
      });
      const missing = await harness.run(RESTORE_JOB_TYPE, { backup: 'nowhere' });
      expect(missing.errorInfo?.[0]?.code).toBe('BACKUP_INVALID');
      await expect(harness.enqueue(RESTORE_JOB_TYPE, { backup: '../etc/passwd' })).rejects.toThrow(/backup/);
      expect(await prints()).toEqual(before);
    },
    240_000,
  );
});
