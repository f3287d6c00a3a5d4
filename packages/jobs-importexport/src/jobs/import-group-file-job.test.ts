import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportValidationError } from '../errors/import-validation-error.js';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { recordingContext } from '../testing/test-context.js';
import { testBackends } from '../testing/test-databases.js';
import { importGroupFileJob } from './import-group-file-job.js';

// The published reference cases, one case file each, kept in the repository.
const casesDir = fileURLToPath(new URL('../../../../examples/conso-cases/', import.meta.url));
interface SpecCase {
  id: string;
  step: string;
  input: Record<string, unknown>;
}
const cases: SpecCase[] = readdirSync(casesDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(join(casesDir, name), 'utf8')) as SpecCase)
  .filter((c) => ['ConsolidationRun', 'CalculateIndirectPercentages'].includes(c.step));

const backends = await testBackends();

describe.each(backends)('JSON group-file import on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  beforeAll(async () => {
    if (!skipReason) fx = await openDemoFixture(kind);
  });
  afterAll(async () => {
    await fx?.test.cleanup();
  });
  const run = (params: Record<string, unknown>, ctx = recordingContext(fx.services)) =>
    importGroupFileJob.create(fx.services).execute(importGroupFileJob.params.parse(params), ctx);

  it.skipIf(skipReason).each(cases.map((c) => [c.id, c] as const))(
    'imports reference case %s whole, twice',
    async (id, spec) => {
      await writeFile(join(fx.store.root, `${id}.json`), JSON.stringify(spec));
      const customer = id.slice(0, 40).toUpperCase();
      const ctx = recordingContext(fx.services);
      const first = await run({ customer, file: `${id}.json` }, ctx);
      const second = await run({ customer, file: `${id}.json` });
      expect(second.written).toEqual(first.written);
      const input = spec.input as {
        bundles?: Record<string, { account: string; amount: number; partner?: string }[]>;
        companies: unknown;
        holdings?: unknown[];
        adjustments?: { lines: unknown[] }[];
        shareholdings?: unknown[];
      };
      const lines = Object.values(input.bundles ?? {}).flat();
      expect(first.written.bundles).toBe(lines.length);
      expect(first.written.holdings).toBe(input.holdings?.length ?? 0);
      expect(first.written.shareholdings).toBe(input.shareholdings?.length ?? 0);
      expect(first.written.adjustment_lines).toBe(
        (input.adjustments ?? []).reduce((n, j) => n + j.lines.length, 0),
      );
      if (!Array.isArray(input.companies))
        expect(first.written.ownerships).toBe(Object.keys(input.companies as object).length);
      const db = fx.test.consoDb.db;
      const stored = await db
        .selectFrom('bundles as b')
        .innerJoin('companies as c', 'c.id', 'b.company_id')
        .innerJoin('customers as u', 'u.id', 'c.customer_id')
        .innerJoin('accounts as a', 'a.id', 'b.account_id')
        .leftJoin('companies as p', 'p.id', 'b.partner_company_id')
        .select(['c.code as company', 'a.code as account', 'p.code as partner', 'b.amount'])
        .where('u.code', '=', customer)
        .execute();
      const expected = Object.entries(input.bundles ?? {}).flatMap(([company, ls]) =>
        ls.map((l) => `${company}|${l.account}|${l.partner ?? ''}|${l.amount}`),
      );
      expect(
        stored.map((r) => `${r.company}|${r.account}|${r.partner ?? ''}|${Number(r.amount)}`).sort(),
      ).toEqual(expected.sort());
      const conso = await db
        .selectFrom('consos as k')
        .innerJoin('customers as u', 'u.id', 'k.customer_id')
        .select('k.code')
        .where('u.code', '=', customer)
        .execute();
      expect(conso.map((k) => k.code)).toEqual(['202312ACT001']);
      if (ctx.messages.some((m) => m.level === 'warning'))
        expect(JSON.stringify(ctx.messages)).toContain('importexport.warning.ignoredKeys');
    },
  );

  it.skipIf(skipReason)(
    'rejects a file with unknown codes and an unbalanced bundle by JSON path, writing nothing',
    async () => {
      const bad = {
        group_currency: 'EUR',
        parent: 'P',
        accounts: { CASH: { type: 'BS', rate: 'CC' }, SC: { type: 'EQ', rate: 'HC' } },
        companies: { P: { currency: 'EUR', method: 'G', group_pct: 1, minority_pct: 0, integration_pct: 1 } },
        bundles: {
          P: [
            { account: 'CASH', amount: 100 },
            { account: 'SCX', amount: -99 },
          ],
          Q: [{ account: 'CASH', amount: 0 }],
        },
        holdings: [{ holder: 'P', held: 'P', fin: 2, ctrl: 0.5 }],
      };
      await writeFile(join(fx.store.root, 'bad-group.json'), JSON.stringify(bad));
      const error = (await run({ customer: 'BADGROUP', file: 'bad-group.json' }).catch(
        (e: unknown) => e,
      )) as ImportValidationError;
      expect(error.errorInfo.slice(1).map((e) => [e.params.row, e.params.column, e.code])).toEqual([
        [1, 'holdings.0.fin', 'IMPORT_INVALID_VALUE'],
      ]);
      bad.holdings = [];
      await writeFile(join(fx.store.root, 'bad-group.json'), JSON.stringify(bad));
      const second = (await run({ customer: 'BADGROUP', file: 'bad-group.json' }).catch(
        (e: unknown) => e,
      )) as ImportValidationError;
      expect(second.errorInfo.slice(1).map((e) => [e.params.row, e.params.column, e.code])).toEqual([
        [2, 'bundles.P[1].account', 'IMPORT_UNKNOWN_CODE'],
        [1, 'bundles.P', 'IMPORT_UNBALANCED'],
        [0, 'bundles.Q', 'IMPORT_UNKNOWN_CODE'],
      ]);
      const customer = await fx.test.consoDb.db
        .selectFrom('customers')
        .select('id')
        .where('code', '=', 'BADGROUP')
        .executeTakeFirst();
      expect(customer).toBeUndefined();
    },
  );
});
