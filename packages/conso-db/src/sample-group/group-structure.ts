import { type IndexedHolding, round10 } from './ownership-estimate.js';
import { streamOf } from './prng.js';

/** Currencies of the sample group with their value in EUR (the reference and group currency). */
export const SAMPLE_CURRENCIES: Readonly<Record<string, { name: string; eur: number; country: string }>> = {
  EUR: { name: 'Euro', eur: 1, country: 'FR' },
  USD: { name: 'US dollar', eur: 0.9, country: 'US' },
  GBP: { name: 'Pound sterling', eur: 1.15, country: 'GB' },
  CHF: { name: 'Swiss franc', eur: 1.04, country: 'CH' },
  SEK: { name: 'Swedish krona', eur: 0.087, country: 'SE' },
  PLN: { name: 'Polish zloty', eur: 0.23, country: 'PL' },
};

/** A company of the sample group. */
export interface SampleCompany {
  index: number;
  code: string;
  name: string;
  currency: string;
  country: string;
}

/** A class of shares of a sample company. */
export interface SampleShareClass {
  company: number;
  classCode: string;
  issued: number;
  treasury: number;
  votesPerShare: number;
  dividendRightsPerShare: number;
}

/** Shares of a class held by a group company. */
export interface SampleShareholding {
  company: number;
  classCode: string;
  holder: number;
  shares: number;
}

/** Indexes of the companies that carry the special structures. */
export interface SampleStructureRoles {
  parent: number;
  /** Held 30 % by the parent: equity method. */
  associate: number;
  /** Held 50 % by the parent: proportional (or equity) method. */
  jointVenture: number;
  /** Two subsidiaries holding shares in each other. */
  crossHolding: readonly [number, number];
  /** Has non-voting preference shares held outside the group: interest < control. */
  preferenceShares: number;
  /** Subsidiaries less than wholly owned (minority interests). */
  minorities: readonly number[];
}

/** Companies, share registers and holdings of the sample group. */
export interface GroupStructure {
  companies: SampleCompany[];
  shareClasses: SampleShareClass[];
  shareholdings: SampleShareholding[];
  /** Direct holdings derived from the registers. */
  holdings: IndexedHolding[];
  roles: SampleStructureRoles;
}

/** Fewest companies that fit every special structure. */
export const MIN_SAMPLE_COMPANIES = 6;

const FIRST_CURRENCIES = ['USD', 'GBP', 'EUR', 'CHF', 'SEK', 'PLN'];
const LATER_CURRENCIES = ['EUR', 'EUR', 'USD', 'GBP', 'CHF', 'SEK', 'PLN'];

/** Company code of index `k` (`C0000` is the parent). */
export function sampleCompanyCode(k: number): string {
  return `C${String(k).padStart(4, '0')}`;
}

/**
 * Builds the group: company 0 is the parent; companies 1..n-3 form a tree (each held by company
 * floor((k-1)/4)), every fifth of them with minority interests; companies 1 and 2 hold shares in
 * each other; company 3 has preference shares; n-2 is a 50 % joint venture and n-1 a 30 % associate.
 */
export function buildGroupStructure(count: number, seed: number): GroupStructure {
  const prng = streamOf(seed, 'structure');
  const companies: SampleCompany[] = [];
  for (let k = 0; k < count; k++) {
    const currency =
      k === 0 ? 'EUR' : k <= FIRST_CURRENCIES.length ? FIRST_CURRENCIES[k - 1]! : prng.pick(LATER_CURRENCIES);
    const country = SAMPLE_CURRENCIES[currency]!.country;
    companies.push({
      index: k,
      code: sampleCompanyCode(k),
      name: `Sample ${country} company ${k}`,
      currency,
      country,
    });
  }
  const roles: SampleStructureRoles = {
    parent: 0,
    associate: count - 1,
    jointVenture: count - 2,
    crossHolding: [1, 2],
    preferenceShares: 3,
    minorities: [],
  };
  // Target ownership of the ordinary shares: [holder, held, fraction].
  const targets: [number, number, number][] = [];
  const minorities: number[] = [];
  for (let k = 1; k <= count - 3; k++) {
    let pct = 1;
    if (k === 1) pct = 0.9;
    else if (k === 2) pct = 0.85;
    else if (k % 5 === 4) pct = round10(0.6 + prng.int(0, 3500) / 10000);
    if (pct < 1) minorities.push(k);
    targets.push([Math.floor((k - 1) / 4), k, pct]);
  }
  // The cross-holding: 2 owns the last 10 % of 1, and 1 owns 5 % of 2.
  targets.push([2, 1, 0.1], [1, 2, 0.05]);
  targets.push([0, roles.jointVenture, 0.5], [0, roles.associate, 0.3]);

  const shareClasses: SampleShareClass[] = [];
  for (const company of companies) {
    const issued = prng.int(1, 50) * 100_000;
    const treasury = company.index % 6 === 5 ? issued / 100 : 0;
    shareClasses.push({
      company: company.index,
      classCode: 'ORD',
      issued,
      treasury,
      votesPerShare: 1,
      dividendRightsPerShare: 1,
    });
    if (company.index === roles.preferenceShares) {
      // Non-voting preference shares, all held outside the group: dilute interest, not control.
      shareClasses.push({
        company: company.index,
        classCode: 'PREF',
        issued: issued / 4,
        treasury: 0,
        votesPerShare: 0,
        dividendRightsPerShare: 1,
      });
    }
  }
  const ordinary = new Map(shareClasses.filter((c) => c.classCode === 'ORD').map((c) => [c.company, c]));
  const shareholdings = targets.map(([holder, held, pct]): SampleShareholding => {
    const cls = ordinary.get(held)!;
    return { company: held, classCode: 'ORD', holder, shares: Math.round(pct * (cls.issued - cls.treasury)) };
  });
  roles.minorities = [...minorities, roles.preferenceShares].sort((a, b) => a - b);
  return {
    companies,
    shareClasses,
    shareholdings,
    holdings: holdingsFromRegisters(shareClasses, shareholdings),
    roles,
  };
}

/** Direct financial and voting percentages from share counts, treasury shares excluded. */
export function holdingsFromRegisters(
  classes: readonly SampleShareClass[],
  shareholdings: readonly SampleShareholding[],
): IndexedHolding[] {
  const totals = new Map<number, { votes: number; dividends: number }>();
  for (const c of classes) {
    const total = totals.get(c.company) ?? { votes: 0, dividends: 0 };
    total.votes += (c.issued - c.treasury) * c.votesPerShare;
    total.dividends += (c.issued - c.treasury) * c.dividendRightsPerShare;
    totals.set(c.company, total);
  }
  const classByKey = new Map(classes.map((c) => [`${c.company}/${c.classCode}`, c]));
  const byKey = new Map<string, IndexedHolding>();
  for (const s of shareholdings) {
    const cls = classByKey.get(`${s.company}/${s.classCode}`)!;
    const total = totals.get(s.company)!;
    const key = `${s.holder}>${s.company}`;
    const holding = byKey.get(key) ?? { holder: s.holder, held: s.company, fin: 0, ctrl: 0 };
    holding.fin += (s.shares * cls.dividendRightsPerShare) / total.dividends;
    holding.ctrl += total.votes === 0 ? 0 : (s.shares * cls.votesPerShare) / total.votes;
    byKey.set(key, holding);
  }
  return [...byKey.values()].map((h) => ({ ...h, fin: round10(h.fin), ctrl: round10(h.ctrl) }));
}
