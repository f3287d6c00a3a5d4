import { bulkInsert } from '../bulk-insert.js';
import type { JournalCurrency } from '../schema/column-kinds.js';
import { SAMPLE_ACCOUNT_CODES as CODES } from './chart-of-accounts.js';
import { streamOf } from './prng.js';
import type { SampleContext } from './sample-context.js';

interface JournalSpec {
  code: string;
  description: string;
  company: number;
  currency: JournalCurrency;
  /** [account code, flow code or null, cents]; the last line balances the journal. */
  lines: [string, string | null, number][];
}

/** Writes three balanced adjustment journals (local and group currency) on the conso. */
export async function writeAdjustmentJournals(ctx: SampleContext): Promise<number> {
  const prng = streamOf(ctx.seed, 'journals');
  const cents = (): number => prng.int(1_000_00, 90_000_00);
  const accrual = cents();
  const reclass = cents();
  const [a, b] = [cents(), cents()];
  const specs: JournalSpec[] = [
    {
      code: 'ADJ001',
      description: 'Accrued bonus not booked by the subsidiary',
      company: 1,
      currency: 'local',
      lines: [
        [CODES.staffCosts, null, accrual],
        [CODES.tradePayables, 'F20', -accrual],
      ],
    },
    {
      code: 'ADJ002',
      description: 'Finance lease brought on balance sheet',
      company: 0,
      currency: 'group',
      lines: [
        [CODES.fixedAssets, 'F20', reclass],
        [CODES.borrowings, 'F20', -reclass],
      ],
    },
    {
      code: 'ADJ003',
      description: 'Impairment and inventory write-down paid in cash',
      company: 2,
      currency: 'local',
      lines: [
        [CODES.depreciation, null, a],
        [CODES.purchases, null, b],
        [CODES.cash, 'F20', -(a + b)],
      ],
    },
  ];
  await bulkInsert(
    ctx.db,
    'adjustment_journals',
    specs.map((spec) => ({
      conso_id: ctx.consoId,
      code: spec.code,
      description: spec.description,
      company_id: ctx.companyIds[spec.company]!,
      currency: spec.currency,
      is_balanced: 1 as const,
      created_by: ctx.userLogin,
      created_at: ctx.createdAt,
    })),
  );
  const journals = await ctx.db
    .selectFrom('adjustment_journals')
    .select(['id', 'code'])
    .where('conso_id', '=', ctx.consoId)
    .execute();
  const journalId = new Map(journals.map((row) => [row.code, row.id]));
  const lines = specs.flatMap((spec) =>
    spec.lines.map(([account, flow, amount]) => ({
      journal_id: journalId.get(spec.code)!,
      account_id: ctx.accountIds.get(account)!,
      partner_company_id: null,
      flow_id: flow === null ? null : ctx.flowIds.get(flow)!,
      dimension: null,
      amount: amount / 100,
    })),
  );
  await bulkInsert(ctx.db, 'adjustment_lines', lines);
  return specs.length;
}
