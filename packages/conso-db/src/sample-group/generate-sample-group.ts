import { ConfigurationError } from '@hangar/core';
import type { Kysely } from 'kysely';
import type { BulkInsertOptions } from '../bulk-insert.js';
import { logModification } from '../queries/modification-log.js';
import type { ConsoDatabase } from '../schema/conso-database.js';
import { sampleBundleRows } from './bundle-rows.js';
import { openBundleLoad } from './bundles-writer.js';
import { buildChartOfAccounts, MIN_SAMPLE_ACCOUNTS } from './chart-of-accounts.js';
import { insertConso, sampleConsoCode, writeOwnership } from './conso-writer.js';
import {
  buildGroupStructure,
  MIN_SAMPLE_COMPANIES,
  SAMPLE_CURRENCIES,
  type SampleStructureRoles,
  sampleCompanyCode,
} from './group-structure.js';
import { writeAdjustmentJournals } from './journals-writer.js';
import {
  ensureCurrencies,
  insertChart,
  insertCompanies,
  insertCustomer,
  insertDecemberPeriods,
  insertFlowsAndCategories,
} from './master-data-writer.js';
import { estimateOwnership } from './ownership-estimate.js';
import { writeExchangeRates, writeHistoricalRates } from './rates-writer.js';
import { writeRules } from './rules-writer.js';
import { investmentCostCents, sampleRates } from './sample-amounts.js';
import type { SampleContext } from './sample-context.js';

/** Options of {@link generateSampleGroup}. */
export interface SampleGroupOptions {
  /** Number of companies, at least 6 (parent, subsidiaries, joint venture, associate). */
  companies: number;
  /** Number of accounts in the chart, at least {@link MIN_SAMPLE_ACCOUNTS}. */
  accounts: number;
  /** Seed of every random choice: the same seed writes the same data. */
  seed: number;
  /** Closing year of the conso. @defaultValue 2023 */
  year?: number;
  /** Customer code; must not exist yet. @defaultValue `SAMPLE<seed>` */
  customerCode?: string;
  /** Passed to every bulk insert (e.g. a lower parameter budget); PostgreSQL bundles travel as arrays instead. */
  bulk?: BulkInsertOptions;
}

/** What {@link generateSampleGroup} wrote. */
export interface SampleGroupSummary {
  customerId: number;
  customerCode: string;
  consoId: number;
  /** `YYYY12ACT001`. */
  consoCode: string;
  periodId: number;
  categoryId: number;
  companies: number;
  accounts: number;
  bundleRows: number;
  adjustmentJournals: number;
  /** Company codes carrying the special structures. */
  structures: {
    parent: string;
    associate: string;
    jointVenture: string;
    crossHolding: readonly [string, string];
    preferenceShares: string;
    minorities: readonly string[];
  };
}

/**
 * Writes a deterministic sample group into a migrated database, in one transaction: currencies,
 * a customer, a chart with every special-role account, companies in several currencies with
 * minorities, an associate, a joint venture and a cross-holding, balanced bundles with
 * intercompany data that mostly matches, rates, historical rates, adjustments and the conso
 * `YYYY12ACT001`. Bundles stream in batches, so memory stays flat even at 1,000 × 2,000; on
 * PostgreSQL each batch is one `INSERT … SELECT FROM unnest(…)` of column arrays and, when the
 * connection owns the table, `bundles` is locked for the transaction and its foreign keys are
 * checked once after the load (see {@link openBundleLoad}).
 */
export async function generateSampleGroup(
  db: Kysely<ConsoDatabase>,
  options: SampleGroupOptions,
): Promise<SampleGroupSummary> {
  checkOptions(options);
  return db.isTransaction ? generate(db, options) : db.transaction().execute((trx) => generate(trx, options));
}

async function generate(db: Kysely<ConsoDatabase>, options: SampleGroupOptions): Promise<SampleGroupSummary> {
  const { seed } = options;
  const year = options.year ?? 2023;
  const customerCode = options.customerCode ?? `SAMPLE${seed}`;
  const createdAt = `${year + 1}-01-15T09:00:00.000Z`;
  const structure = buildGroupStructure(options.companies, seed);
  const chart = buildChartOfAccounts(options.accounts);

  // First, so that its table lock (PostgreSQL) comes before any other write of this transaction.
  const bundleLoad = await openBundleLoad(db);
  await ensureCurrencies(db, SAMPLE_CURRENCIES);
  const { customerId, userId } = await insertCustomer(db, {
    code: customerCode,
    name: `Sample group ${seed}`,
    referenceCurrency: 'EUR',
    createdAt,
  });
  const accountIds = await insertChart(db, customerId, chart);
  const { flows, categories } = await insertFlowsAndCategories(db, customerId);
  const [prior, current] = await insertDecemberPeriods(db, customerId, [year - 1, year]);
  const companyIds = await insertCompanies(db, customerId, structure.companies);
  const actual = categories.get('ACT')!;
  const consoId = await insertConso(db, {
    customerId,
    year,
    periodId: current!,
    categoryId: actual,
    parentCompanyId: companyIds[0]!,
    createdAt,
  });
  const ctx: SampleContext = {
    db,
    seed,
    year,
    createdAt,
    structure,
    ownership: estimateOwnership(structure.companies.length, structure.roles.parent, structure.holdings),
    chart,
    customerId,
    userId,
    userLogin: `${customerCode.toLowerCase()}.admin`,
    accountIds,
    flowIds: flows,
    categoryIds: categories,
    companyIds,
    periodIds: { prior: prior!, current: current! },
    consoId,
    investmentCostCents: (holder, held) => investmentCostCents(seed, holder, held),
    rates: {
      prior: sampleRates(seed, SAMPLE_CURRENCIES, 0),
      current: sampleRates(seed, SAMPLE_CURRENCIES, 1),
    },
  };
  await writeOwnership(ctx);
  await writeExchangeRates(ctx);
  await writeRules(db, customerId, accountIds);

  const retainedEarnings = new Map<number, number>();
  const bundleRows = await bundleLoad.insert(
    sampleBundleRows(
      {
        seed,
        structure,
        chart,
        accountIds,
        companyIds,
        openingFlowId: flows.get('F00')!,
        movementFlowId: flows.get('F20')!,
        periodId: current!,
        categoryId: actual,
        rates: ctx.rates.current,
      },
      (facts) => retainedEarnings.set(facts.index, facts.retainedEarningsOpeningCents),
    ),
    options.bulk,
  );
  await writeHistoricalRates(ctx, retainedEarnings);
  const adjustmentJournals = await writeAdjustmentJournals(ctx);
  await logModification(db, {
    customerId,
    logGroup: `sample-group-${seed}`,
    messageKey: 'hangar.consoDb.sampleGroup.generated',
    params: { companies: options.companies, accounts: options.accounts, seed, bundleRows },
    consoId,
    userId,
    screen: 'generateSampleGroup',
    at: new Date(createdAt),
  });
  return {
    customerId,
    customerCode,
    consoId,
    consoCode: sampleConsoCode(year),
    periodId: current!,
    categoryId: actual,
    companies: structure.companies.length,
    accounts: chart.length,
    bundleRows,
    adjustmentJournals,
    structures: roleCodes(structure.roles),
  };
}

function roleCodes(roles: SampleStructureRoles): SampleGroupSummary['structures'] {
  return {
    parent: sampleCompanyCode(roles.parent),
    associate: sampleCompanyCode(roles.associate),
    jointVenture: sampleCompanyCode(roles.jointVenture),
    crossHolding: [sampleCompanyCode(roles.crossHolding[0]), sampleCompanyCode(roles.crossHolding[1])],
    preferenceShares: sampleCompanyCode(roles.preferenceShares),
    minorities: roles.minorities.map(sampleCompanyCode),
  };
}

function checkOptions(options: SampleGroupOptions): void {
  const integer = (name: string, value: number, min: number): void => {
    if (!Number.isInteger(value) || value < min)
      throw new ConfigurationError(name, `must be an integer >= ${min}`);
  };
  integer('companies', options.companies, MIN_SAMPLE_COMPANIES);
  integer('accounts', options.accounts, MIN_SAMPLE_ACCOUNTS);
  if (!Number.isSafeInteger(options.seed)) throw new ConfigurationError('seed', 'must be a safe integer');
  if (options.year !== undefined) integer('year', options.year, 1901);
}
