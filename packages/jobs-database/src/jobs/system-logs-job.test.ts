import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logModification } from '@hangar/conso-db';
import type { TwoTenantFixture } from '@hangar/conso-db/testing';
import { type JobRecord, JobState, type ListJobsFilter } from '@hangar/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobListerToken } from '../backup/backup-settings.js';
import { csvCell } from '../logs/csv-writer.js';
import { createConsoJobsPlugin } from '../plugin/conso-jobs-plugin.js';
import { openTwoTenantSetup, type SharedTestDb, type TwoTenantSetup } from '../testing/deletion-fixture.js';
import { type JobHarness, startJobHarness } from '../testing/job-harness.js';
import { backendsWithSkip } from '../testing/test-db.js';
import { INTEGRATION_JOB_TYPE } from './consolidation-integration-job.js';
import { SYSTEM_LOGS_JOB_TYPE, type SystemLogsResult } from './system-logs-job.js';

const backends = await backendsWithSkip();

describe('csvCell', () => {
  it('quotes separators and neutralises formulas', () => {
    expect(csvCell('a,b "c"')).toBe('"a,b ""c"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
  });
});

describe.each(backends)('conso.system-logs on %s', (backend, skip) => {
  let setup: TwoTenantSetup;
  let db: SharedTestDb;
  let fx: TwoTenantFixture;
  let harness: JobHarness;
  let directory: string;
  let integrationA: JobRecord;

  beforeEach(async () => {
    if (skip !== undefined) return;
    setup = await openTwoTenantSetup(backend, []);
    ({ db, fx } = setup);
    directory = await mkdtemp(join(tmpdir(), 'hangar-logs-'));
    harness = await startJobHarness(createConsoJobsPlugin({ systemLogs: { directory } }), db.consoDb, 4, [
      {
        token: jobListerToken,
        value: { list: (filter: ListJobsFilter) => harness.runner.client.list(filter) },
      },
    ]);
    integrationA = await harness.run(
      INTEGRATION_JOB_TYPE,
      { consos: [fx.a.consoCode] },
      { customerId: fx.a.code, userId: 'alice' },
    );
    const b = await harness.run(
      INTEGRATION_JOB_TYPE,
      { consos: [fx.b.consoCode] },
      { customerId: fx.b.code },
    );
    expect([integrationA.state, b.state]).toEqual([JobState.Succeeded, JobState.Succeeded]);
  }, 120_000);
  afterEach(async () => {
    await harness?.stop();
    await setup?.dispose();
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  const csvOf = async (record: JobRecord, prefix: string) => {
    const file = record.result?.outputFiles?.find((f) => f.name.startsWith(prefix));
    if (file === undefined) throw new Error(`no ${prefix} file`);
    return (await readFile(file.location, 'utf8')).trimEnd().split('\r\n');
  };
  const logCount = async (customerId: number) =>
    Number(
      (
        await db.consoDb.db
          .selectFrom('modification_log')
          .select(sql<number>`count(*)`.as('n'))
          .where('customer_id', '=', customerId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.skipIf(skip !== undefined)("exports a customer's own log and jobs only, as CSV", async () => {
    const entries = await logCount(fx.a.customerId);
    const record = await harness.run(SYSTEM_LOGS_JOB_TYPE, {}, { customerId: fx.a.code });
    expect(record.state, JSON.stringify(record.errorInfo)).toBe(JobState.Succeeded);
    const log = await csvOf(record, 'modification-log-');
    expect(log[0]).toBe('id,logged_at,customer,log_group,user,conso,screen,message_key,params');
    // The run's own entry comes after its export.
    expect(log.length - 1).toBe(entries);
    expect(await logCount(fx.a.customerId)).toBe(entries + 1);
    expect(log.slice(1).every((line) => line.split(',')[2] === fx.a.code)).toBe(true);
    expect(log.join('\n')).toContain('conso.log.integrationStarted');
    const jobs = await csvOf(record, 'job-history-');
    const ids = jobs.slice(1).map((line) => line.split(',')[0]);
    expect(ids).toContain(integrationA.id);
    expect(jobs.join('\n')).not.toContain(fx.b.code);
    expect(record.result?.result as SystemLogsResult).toMatchObject({
      logEntries: log.length - 1,
      purged: 0,
    });
  });

  it.skipIf(skip !== undefined)('filters by log group, user and period', async () => {
    const byGroup = await harness.run(
      SYSTEM_LOGS_JOB_TYPE,
      { logGroup: integrationA.id },
      { customerId: fx.a.code },
    );
    const groupLines = (await csvOf(byGroup, 'modification-log-')).slice(1);
    expect(groupLines.length).toBeGreaterThan(0);
    expect(groupLines.every((line) => line.split(',')[3] === integrationA.id)).toBe(true);
    expect((await csvOf(byGroup, 'job-history-')).slice(1).map((l) => l.split(',')[0])).toEqual([
      integrationA.id,
    ]);
    const byUser = await harness.run(SYSTEM_LOGS_JOB_TYPE, { user: 'nobody' }, { customerId: fx.a.code });
    expect(await csvOf(byUser, 'modification-log-')).toHaveLength(1);
    const future = await harness.run(SYSTEM_LOGS_JOB_TYPE, { from: '2999-01-01' }, { customerId: fx.a.code });
    expect(await csvOf(future, 'modification-log-')).toHaveLength(1);
    await expect(
      harness.enqueue(
        SYSTEM_LOGS_JOB_TYPE,
        { from: '2024-02-01', to: '2024-01-01' },
        { customerId: fx.a.code },
      ),
    ).rejects.toThrow(/to/);
  });

  it.skipIf(skip !== undefined)(
    "purges the tenant's entries past retention, after exporting them",
    async () => {
      const old = new Date('2001-01-01T00:00:00Z');
      for (const customerId of [fx.a.customerId, fx.a.customerId, fx.b.customerId]) {
        await logModification(db.consoDb.db, {
          customerId,
          logGroup: 'old',
          messageKey: 'conso.log.locked',
          at: old,
        });
      }
      const aBefore = await logCount(fx.a.customerId);
      const bBefore = await logCount(fx.b.customerId);
      const record = await harness.run(
        SYSTEM_LOGS_JOB_TYPE,
        { retentionDays: 30 },
        { customerId: fx.a.code },
      );
      expect(record.state, JSON.stringify(record.errorInfo)).toBe(JobState.Succeeded);
      expect(record.result?.result).toMatchObject({ purged: 2 });
      expect((await csvOf(record, 'modification-log-')).filter((l) => l.includes(',old,'))).toHaveLength(2);
      // Two purged, one written by this run.
      expect(await logCount(fx.a.customerId)).toBe(aBefore - 2 + 1);
      expect(await logCount(fx.b.customerId)).toBe(bBefore);
    },
  );
});
