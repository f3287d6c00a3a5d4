// The cross-tenant suite over every job pack: each registered job type, run as customer A with
// params naming customer B's objects, is refused or confined to A, with B's data unchanged.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { consoDbToken } from '@hangar/conso-db';
import { type CrossTenantBackend, crossTenantSuite, TWO_TENANT_CODES } from '@hangar/conso-db/testing';
import { type JobRecord, tenantUploadArea } from '@hangar/core';
import { createConsoJobsPlugin } from '@hangar/jobs-database';
import { consoCrossTenantCases } from '@hangar/jobs-database/testing';
import { createImportExportPlugin, LocalFileStore } from '@hangar/jobs-importexport';
import { importExportCrossTenantCases, openTestDb, testBackends } from '@hangar/jobs-importexport/testing';
import { createOtherJobsPlugin, jobRecordsToken } from '@hangar/jobs-other';
import {
  CROSS_TENANT_CONNECTION,
  CROSS_TENANT_ENDPOINT,
  type ForeignJobSource,
  otherCrossTenantCases,
} from '@hangar/jobs-other/testing';
import { createUtilsPlugin, queueAdapterToken } from '@hangar/jobs-utils';
import { utilsCrossTenantCases } from '@hangar/jobs-utils/testing';
import { createRunner, MemoryQueue } from '@hangar/runner';

const TEXT_TYPES = /^(text\/|application\/json)/;

/** Runs jobs as another customer for the cases that need one of its finished jobs. */
class ForeignJobs implements ForeignJobSource {
  run: ((type: string, params: unknown, customerId: string) => Promise<JobRecord>) | undefined;

  async finishedJobOf(customer: string): Promise<{ id: string; file: string }> {
    const record = await this.run!('other.validation-report', { conso: '202312ACT001' }, customer);
    const file = record.result?.outputFiles?.[0];
    if (record.state !== 'Succeeded' || file === undefined)
      throw new Error(`${customer}'s job did not succeed`);
    return { id: record.id, file: file.name };
  }
}

async function openBackend(kind: 'sqlite' | 'postgres', foreign: ForeignJobs): Promise<CrossTenantBackend> {
  const test = await openTestDb(kind);
  const store = new LocalFileStore(join(test.dir, 'files'));
  // Customer A's uploads, where its import jobs read their `file` param (`tenantUploadArea`).
  const uploads = tenantUploadArea(TWO_TENANT_CODES.a) as string;
  await mkdir(join(store.root, uploads), { recursive: true });
  const queue = new MemoryQueue();
  const runner = createRunner({
    queue,
    plugins: [
      // Customer archives go to the test's directory; whole-database backups are refused before the URL is used.
      createConsoJobsPlugin({
        backup: { directory: join(test.dir, 'backups'), databaseUrl: 'sqlite::memory:' },
      }),
      createImportExportPlugin({ fileStore: store }),
      // The system-only jobs get a command and a connection, so a refusal is the tenancy rule's, not a missing setting's.
      createUtilsPlugin({
        commandLine: { executables: { node: process.execPath }, roots: [test.dir] },
        sql: { connections: { conso: `sqlite:${join(test.dir, 'refused-before-opening.db')}` } },
        cleanup: { allowedCustomers: ['ALPHA'] },
      }),
      // No case sends mail or calls a service: port 9 on loopback answers nothing, and one try is made.
      createOtherJobsPlugin({
        fileStore: store,
        smtp: { port: 9, connectionTimeoutMs: 2_000 },
        sendAttempts: 1,
        webService: { allowList: [CROSS_TENANT_ENDPOINT], attempts: 1, timeoutMs: 2_000 },
        diStudio: { connections: { bravo: CROSS_TENANT_CONNECTION } },
      }),
    ],
    services: [
      { token: consoDbToken, value: test.consoDb },
      { token: queueAdapterToken, value: queue },
      { token: jobRecordsToken, value: queue },
    ],
    pollIntervalMs: 20,
  });
  await runner.start();
  const run = async (type: string, params: unknown, customerId: string | undefined): Promise<JobRecord> => {
    const { id } = await runner.client.enqueue(type, params, customerId === undefined ? {} : { customerId });
    return runner.client.waitFor(id, { pollMs: 20 });
  };
  foreign.run = run;
  return {
    db: test.consoDb.db,
    host: {
      types: runner.registry.types(),
      run,
      async outputText(record) {
        const files = record.result?.outputFiles ?? [];
        const texts = await Promise.all(
          files
            .filter((file) => TEXT_TYPES.test(file.mediaType))
            .map((file) => readFile(store.pathOf(file.location), 'utf8')),
        );
        return texts.join('\n');
      },
    },
    async writeFile(name, content) {
      await writeFile(store.pathOf(join(uploads, name)), content);
      return name;
    },
    async close() {
      await runner.stop();
      await queue.close();
      await test.cleanup();
    },
  };
}

for (const backend of await testBackends()) {
  const foreign = new ForeignJobs();
  crossTenantSuite({
    name: backend.kind,
    skipReason: backend.skipReason,
    open: () => openBackend(backend.kind, foreign),
    cases: [
      consoCrossTenantCases,
      importExportCrossTenantCases,
      utilsCrossTenantCases,
      otherCrossTenantCases(foreign),
    ],
  });
}
