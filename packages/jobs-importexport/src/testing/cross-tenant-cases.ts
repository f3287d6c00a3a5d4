import {
  type CrossTenantCase,
  type CrossTenantCases,
  type CrossTenantContext,
  customerParamNamesB,
} from '@hangar/conso-db/testing';
import { ADJUSTMENT_REQUIRED_COLUMNS } from '../jobs/adjustments-file-format.js';
import { DATA_REQUIRED_COLUMNS } from '../validate/data-file-format.js';

/** A CSV of A's codes, written where the import jobs read files. */
const csv = (ctx: CrossTenantContext, name: string, lines: readonly string[]) =>
  ctx.writeFile(`${name}.csv`, `${lines.join('\n')}\n`);

/** The refusal every job with a `customer` param gets, and a confined run on the codes both customers use. */
function casesOf(
  params: (ctx: CrossTenantContext) => Record<string, unknown> | Promise<Record<string, unknown>>,
): CrossTenantCase[] {
  return [
    { ...customerParamNamesB, params: async (ctx) => ({ ...(await params(ctx)), customer: ctx.b.code }) },
    { name: 'codes both customers use resolve to A', params, expect: 'confined' },
  ];
}

const dataFile = (ctx: CrossTenantContext) =>
  csv(ctx, 'data', [DATA_REQUIRED_COLUMNS.join(','), `${ctx.a.companyCodes[1]},101000,0`]);

/**
 * Customer A's import and export jobs aimed at customer B's data, for the cross-tenant suite.
 * Their params name scope by code only, so every job gets the `customer` param refusal and a run
 * on the codes both customers hold (which must read and write A's rows only); the shared
 * translations table may be read by anyone and written by system jobs only.
 */
export const importExportCrossTenantCases: CrossTenantCases = {
  'importexport.export-data': casesOf(({ a }) => ({ period: a.periodCode, category: a.categoryCode })),
  'importexport.export-adjustments': casesOf(({ a }) => ({ conso: a.consoCode })),
  'importexport.export-cube': casesOf(({ a }) => ({ conso: a.consoCode, source: 'bundles', format: 'csv' })),
  'importexport.export-exrate': casesOf(({ a }) => ({ kind: 'historical', conso: a.consoCode })),
  'importexport.export-reporting-solutions': casesOf(({ a }) => ({ conso: a.consoCode })),
  'importexport.export-structure': casesOf(({ a }) => ({ conso: a.consoCode })),
  'importexport.generic-export': casesOf(() => ({ profile: 'COMPANIES' })),
  'importexport.export-translation': [
    { name: 'reads the shared translations', params: () => ({}), expect: 'confined' },
  ],
  'importexport.import-data': [
    ...casesOf(async (ctx) => ({
      file: await dataFile(ctx),
      period: ctx.a.periodCode,
      category: ctx.a.categoryCode,
      companies: [ctx.a.companyCodes[1]],
    })),
    {
      name: "the file param reaches into B's uploads",
      params: async (ctx) => ({
        file: `../../${ctx.b.code}/uploads/${await dataFile(ctx)}`,
        period: ctx.a.periodCode,
        category: ctx.a.categoryCode,
      }),
      expect: { refused: 'IMPORTEXPORT_FILE_LOCATION' },
    },
  ],
  'importexport.import-adjustments': casesOf(async (ctx) => ({
    file: await csv(ctx, 'adjustments', [ADJUSTMENT_REQUIRED_COLUMNS.join(',')]),
    conso: ctx.a.consoCode,
  })),
  'importexport.import-exrate': casesOf(async (ctx) => ({
    file: await csv(ctx, 'rates', ['period,category,currency,closing_rate,average_rate']),
    kind: 'exchange',
  })),
  'importexport.import-bundle': casesOf(async (ctx) => ({
    file: await dataFile(ctx),
    conso: ctx.a.consoCode,
    company: ctx.a.companyCodes[1],
  })),
  'importexport.import-structure': casesOf(async (ctx) => ({
    file: await dataFile(ctx),
    conso: ctx.a.consoCode,
  })),
  'importexport.import-group-file': casesOf(async (ctx) => ({
    file: await ctx.writeFile('group.json', JSON.stringify({ group_currency: 'EUR', companies: {} })),
  })),
  'importexport.generic-import': casesOf(async (ctx) => ({
    file: await csv(ctx, 'generic', ['code,name,currency']),
    profile: 'COMPANIES',
  })),
  'importexport.import-translation': [
    {
      name: 'a customer job writes the shared translations',
      params: async (ctx) => ({
        file: await csv(ctx, 'translations', ['key,language,text', 'x.y,en,Hello']),
      }),
      expect: { refused: 'TENANT_SHARED_WRITE' },
    },
  ],
};
