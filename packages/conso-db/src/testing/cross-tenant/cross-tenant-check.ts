import type { Kysely } from 'kysely';
import type { ConsoDatabase } from '../../schema/conso-database.js';
import type { CrossTenantCase, CrossTenantContext, CrossTenantHost } from './cross-tenant-case.js';
import { tenantDataFingerprint } from './tenant-fingerprint.js';

/**
 * Runs one case as customer A (as the system for an `asSystem` case, after its `prepare`) and
 * returns what went wrong (empty when the job was refused or confined as the case expects, its
 * `verify` found nothing, B's data is unchanged in every table, and no output names B).
 */
export async function checkCrossTenantCase(
  db: Kysely<ConsoDatabase>,
  host: CrossTenantHost,
  ctx: CrossTenantContext,
  type: string,
  testCase: CrossTenantCase,
): Promise<string[]> {
  const problems: string[] = [];
  const setup = { ...ctx, db, host };
  const prepared = testCase.prepare === undefined ? undefined : await testCase.prepare(setup);
  const before = await tenantDataFingerprint(db, ctx.b.customerId);
  const params = await testCase.params(ctx, prepared);
  const record = await host.run(type, params, testCase.asSystem === true ? undefined : ctx.a.code);
  const after = await tenantDataFingerprint(db, ctx.b.customerId);
  for (const [table, print] of Object.entries(before)) {
    if (after[table] !== print) problems.push(`B's ${table} changed: ${print} -> ${after[table]}`);
  }
  if (typeof testCase.expect === 'object') {
    const codes = (record.errorInfo ?? []).map((entry) => entry.code);
    if (record.state !== 'Failed' || !codes.includes(testCase.expect.refused)) {
      problems.push(
        `expected Failed with ${testCase.expect.refused}, got ${record.state} [${codes.join(', ')}]`,
      );
    }
  }
  if (testCase.verify !== undefined) problems.push(...(await testCase.verify(setup, record, prepared)));
  const text = await host.outputText(record);
  if (text.includes(ctx.marker)) problems.push(`an output file holds B's data ("${ctx.marker}")`);
  return problems;
}

/** Types the cases cover that the registry lacks, and registered types no case covers. */
export function coverageGaps(
  registered: readonly string[],
  covered: readonly string[],
): { uncovered: string[]; unknown: string[] } {
  const reg = new Set(registered);
  const cov = new Set(covered);
  return {
    uncovered: [...reg].filter((type) => !cov.has(type)).sort(),
    unknown: [...cov].filter((type) => !reg.has(type)).sort(),
  };
}
