import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { CrossTenantCase } from '@hangar/conso-db/testing';
import type { BackupResult } from '../jobs/backup-job.js';

/**
 * Cases of `conso.backup`: the whole database is the system's; a customer archive is the tenant's
 * own. The confined case reads the archive it wrote: A's rows are there, none of B's marked names.
 * (A host without a backup directory fails that case after the tenant check, which it reports.)
 */
export const backupCrossTenantCases: readonly CrossTenantCase[] = [
  {
    name: 'a customer backs up the whole database',
    params: () => ({}),
    expect: { refused: 'SYSTEM_JOB_REQUIRED' },
  },
  {
    name: "an archive of B's customer by code",
    params: ({ b }) => ({ scope: 'customer', customer: b.code }),
    expect: { refused: 'TENANT_MISMATCH' },
  },
  {
    name: "an archive of B's customer by id",
    params: ({ b }) => ({ scope: 'customer', customer: b.customerId }),
    expect: { refused: 'TENANT_MISMATCH' },
  },
  {
    name: "A's own archive holds A's rows only",
    params: () => ({ scope: 'customer', name: 'alpha-own' }),
    expect: 'confined',
    async verify(setup, record) {
      const result = record.result?.result as BackupResult | undefined;
      if (record.state !== 'Succeeded' || result === undefined)
        return [`expected Succeeded, got ${record.state} ${JSON.stringify(record.errorInfo)}`];
      const text = gunzipSync(await readFile(result.path)).toString('utf8');
      const problems: string[] = [];
      if (text.includes(setup.marker)) problems.push(`the archive holds B's data ("${setup.marker}")`);
      if (!text.includes(`"${setup.a.code}"`))
        problems.push(`the archive lacks A's customer ${setup.a.code}`);
      if ((result.manifest as { customer?: string }).customer !== setup.a.code)
        problems.push('the manifest names another customer');
      return problems;
    },
  },
];
