import type { NewConsoRow } from '../schema/conso-database.js';
import { SAMPLE_ACCOUNT_CODES as CODES, type SampleAccount } from './chart-of-accounts.js';
import type { GroupStructure } from './group-structure.js';
import { streamOf } from './prng.js';
import {
  dividendCents,
  icOffsets,
  icPairAmounts,
  investmentCostCents,
  type RateTable,
} from './sample-amounts.js';

/** Ids and inputs the bundle stream needs. */
export interface BundleStreamInput {
  seed: number;
  structure: GroupStructure;
  chart: readonly SampleAccount[];
  accountIds: ReadonlyMap<string, number>;
  /** Database id of each company, by company index. */
  companyIds: readonly number[];
  openingFlowId: number;
  movementFlowId: number;
  periodId: number;
  categoryId: number;
  rates: RateTable;
}

/** Per-company facts later writers need, reported once the company's bundle is complete. */
export interface CompanyBundleFacts {
  index: number;
  rows: number;
  /** Opening retained earnings in cents (the opening plug), for historical rates. */
  retainedEarningsOpeningCents: number;
}

// Accounts filled by dedicated rules below instead of random balances.
const SPECIAL = new Set<string>([
  CODES.cash,
  CODES.retainedEarnings,
  CODES.icReceivables,
  CODES.icPayables,
  CODES.icSales,
  CODES.icPurchases,
  CODES.investments,
  CODES.dividendIncome,
]);

/**
 * Streams every company's bundle, one company at a time, so memory stays bounded by one company's
 * rows whatever the group size. Amounts are whole cents; the opening balance sheet is balanced on
 * retained earnings and the movements (with P&L) on cash, so each bundle sums to exactly 0.
 */
export function* sampleBundleRows(
  input: BundleStreamInput,
  onCompany?: (facts: CompanyBundleFacts) => void,
): Generator<NewConsoRow<'bundles'>> {
  const { structure, seed } = input;
  const n = structure.companies.length;
  const offsets = icOffsets(n);
  const heldBy = new Map<number, number[]>();
  for (const h of structure.holdings) {
    const held = heldBy.get(h.holder) ?? [];
    held.push(h.held);
    heldBy.set(h.holder, held);
  }
  const regular = input.chart.filter((a) => a.reported && !SPECIAL.has(a.code));
  const id = (code: string): number => input.accountIds.get(code)!;

  for (let k = 0; k < n; k++) {
    const prng = streamOf(seed, 'bundle', k);
    const scale = prng.int(1, 20);
    const rows: NewConsoRow<'bundles'>[] = [];
    let opening = 0;
    let movement = 0;
    const add = (
      code: string,
      flow: 'opening' | 'movement' | null,
      cents: number,
      partner: number | null = null,
      dimension: string | null = null,
    ): void => {
      if (flow === 'opening') opening += cents;
      else movement += cents;
      rows.push({
        company_id: input.companyIds[k]!,
        period_id: input.periodId,
        category_id: input.categoryId,
        account_id: id(code),
        partner_company_id: partner === null ? null : input.companyIds[partner]!,
        flow_id: flow === 'opening' ? input.openingFlowId : flow === 'movement' ? input.movementFlowId : null,
        dimension,
        amount: cents / 100,
      });
    };
    const amount = (): number => prng.int(1_000_00, 200_000_00) * scale;
    const change = (base: number): number => prng.int(-Math.floor(base / 5), Math.floor(base / 5));

    for (const account of regular) {
      const base = amount();
      switch (account.nature) {
        case 'asset':
          add(account.code, 'opening', base);
          add(account.code, 'movement', change(base));
          break;
        case 'liability':
          add(account.code, 'opening', -base);
          add(account.code, 'movement', -change(base));
          break;
        case 'equity':
          add(account.code, 'opening', -base);
          break;
        case 'revenue':
          if (account.code === '7100') {
            // Sales carry the analytical dimension: domestic and export.
            add(account.code, null, -base, null, 'DOM');
            add(account.code, null, -amount(), null, 'EXP');
          } else add(account.code, null, -base);
          break;
        case 'expense':
          add(account.code, null, Math.round(base * 0.9));
          break;
        case 'summary':
          break;
      }
    }
    for (const offset of offsets) {
      const buyer = (k + offset) % n;
      const sold = icPairAmounts(seed, structure, input.rates, k, buyer);
      add(CODES.icReceivables, 'movement', sold.receivable, buyer);
      add(CODES.icSales, null, sold.sales, buyer);
      const seller = (k - offset + n) % n;
      const bought = icPairAmounts(seed, structure, input.rates, seller, k);
      add(CODES.icPayables, 'movement', bought.payable, seller);
      add(CODES.icPurchases, null, bought.purchases, seller);
    }
    for (const held of heldBy.get(k) ?? []) {
      add(CODES.investments, 'opening', investmentCostCents(seed, k, held), held);
      const dividend = dividendCents(seed, k, held);
      if (dividend !== 0) add(CODES.dividendIncome, null, -dividend, held);
    }
    add(CODES.cash, 'opening', amount());
    const retainedEarnings = -opening;
    add(CODES.retainedEarnings, 'opening', retainedEarnings);
    add(CODES.cash, 'movement', -movement);
    onCompany?.({ index: k, rows: rows.length, retainedEarningsOpeningCents: retainedEarnings });
    yield* rows;
  }
}
