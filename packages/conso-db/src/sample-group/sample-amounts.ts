import type { GroupStructure } from './group-structure.js';
import { streamOf } from './prng.js';

// Amounts two companies must agree on (intercompany balances, investments) are derived from the
// pair alone, so each side computes its half while its own bundle streams, with no shared state.

/** Intercompany amounts of one seller → buyer pair, in integer cents of each side's currency. */
export interface IcPairAmounts {
  /** Seller's receivable (positive). */
  receivable: number;
  /** Buyer's payable (negative); mostly the receivable converted, sometimes off by a little. */
  payable: number;
  /** Seller's sales (negative). */
  sales: number;
  /** Buyer's purchases (positive). */
  purchases: number;
}

/** Closing and average value of each currency in EUR. */
export type RateTable = ReadonlyMap<string, { closing: number; average: number }>;

/** Share of intercompany pairs whose two sides disagree. */
export const IC_MISMATCH_SHARE = 0.15;

/** Offsets k such that company i sells to company (i + k) mod n; deduplicated modulo n. */
export function icOffsets(companyCount: number): number[] {
  const offsets = new Set<number>();
  for (const k of [1, 3, 7]) if (k % companyCount !== 0) offsets.add(k % companyCount);
  return [...offsets];
}

/** Intercompany amounts between `seller` and `buyer`, converted at `rates` between their currencies. */
export function icPairAmounts(
  seed: number,
  structure: GroupStructure,
  rates: RateTable,
  seller: number,
  buyer: number,
): IcPairAmounts {
  const prng = streamOf(seed, 'ic-pair', seller, buyer);
  const from = rates.get(structure.companies[seller]!.currency)!;
  const to = rates.get(structure.companies[buyer]!.currency)!;
  const receivable = prng.int(1_000_00, 500_000_00);
  const sales = prng.int(1_000_00, 800_000_00);
  const payableMatch = Math.round((receivable * from.closing) / to.closing);
  const purchasesMatch = Math.round((sales * from.average) / to.average);
  const off = (): number =>
    prng.next() < IC_MISMATCH_SHARE ? prng.int(1, 50_000) * (prng.next() < 0.5 ? -1 : 1) : 0;
  return { receivable, payable: -(payableMatch + off()), sales: -sales, purchases: purchasesMatch + off() };
}

/** Carrying amount (cents, holder's currency) of the holder's investment in `held`. */
export function investmentCostCents(seed: number, holder: number, held: number): number {
  return streamOf(seed, 'investment', holder, held).int(50_000_00, 5_000_000_00);
}

/** Dividend the holder received from `held` (cents, holder's currency, positive), or 0 for none. */
export function dividendCents(seed: number, holder: number, held: number): number {
  const prng = streamOf(seed, 'dividend', holder, held);
  return prng.next() < 0.4 ? prng.int(5_000_00, 300_000_00) : 0;
}

/** Closing and average rates of every sample currency for a period (0 = prior year, 1 = current). */
export function sampleRates(
  seed: number,
  currencies: Readonly<Record<string, { eur: number }>>,
  period: number,
): RateTable {
  const table = new Map<string, { closing: number; average: number }>();
  for (const [code, { eur }] of Object.entries(currencies)) {
    if (eur === 1) {
      table.set(code, { closing: 1, average: 1 });
      continue;
    }
    const prng = streamOf(seed, 'rate', period, code.charCodeAt(0), code.charCodeAt(1), code.charCodeAt(2));
    // Six significant decimals, like published reference rates.
    const wobble = (spread: number): number =>
      Math.round(eur * (1 + (prng.next() - 0.5) * spread) * 1e6) / 1e6;
    table.set(code, { closing: wobble(0.1), average: wobble(0.06) });
  }
  return table;
}
