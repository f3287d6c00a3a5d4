import { defineJob, t } from '@hangar/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ConsoDatabase } from '../db/conso-db.js';
import { type CubeTableSink, openCubeTable } from '../export/cube-table-sink.js';
import type { ExportResult } from '../export/export-result.js';
import { keysetPages } from '../export/keyset-pages.js';
import type { ParquetColumn } from '../export/parquet-table-writer.js';
import type { StoredFile } from '../files/file-store.js';
import { customerParam } from '../params/common-params.js';
import { csvOptionsSchema } from '../read/csv-options.js';
import { type ConsoRef, consoRef, openJobScope } from '../scope/job-scope.js';
import { consoDbOf, fileStoreOf } from '../session/job-services.js';

/** Parameters of {@link exportCubeJob}. */
export const exportCubeParams = z.object({
  /** Customer code. */
  customer: customerParam,
  /** Conso code. */
  conso: z.string().min(1),
  /** `consolidated` data of the conso (default) or the reported `bundles` of its period and category. */
  source: z.enum(['consolidated', 'bundles']).default('consolidated'),
  /** `parquet` (default) or `csv` files. */
  format: z.enum(['parquet', 'csv']).default('parquet'),
  /** CSV layout, for `csv`. */
  csv: csvOptionsSchema.prefault({}),
});

const key = (name: string, nullable = false): ParquetColumn => ({ name, type: 'INT32', nullable });
const text = (name: string, nullable = false): ParquetColumn => ({ name, type: 'STRING', nullable });

/** Columns of the fact table. */
export const CUBE_FACT_COLUMNS: readonly ParquetColumn[] = [
  key('company_key'),
  key('account_key'),
  key('partner_key', true),
  key('flow_key', true),
  key('period_key'),
  key('category_key'),
  key('dimension_key', true),
  text('origin'),
  { name: 'amount', type: 'DOUBLE' },
];

interface FactRow {
  company_id: number;
  account_id: number;
  partner_company_id: number | null;
  flow_id: number | null;
  dimension: string | null;
  origin: string;
  amount: number;
}

/** Facts of the conso, streamed: consolidated rows company by company (the table has no id), or bundles by id. */
async function* facts(
  db: Kysely<ConsoDatabase>,
  conso: ConsoRef,
  source: 'consolidated' | 'bundles',
): AsyncGenerator<FactRow> {
  if (source === 'bundles') {
    const pages = keysetPages((after, limit) =>
      db
        .selectFrom('bundles')
        .select(['id', 'company_id', 'account_id', 'partner_company_id', 'flow_id', 'dimension', 'amount'])
        .where('period_id', '=', conso.periodId)
        .where('category_id', '=', conso.categoryId)
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .execute(),
    );
    for await (const row of pages) yield { ...row, origin: 'bundle' };
    return;
  }
  const companies = await db
    .selectFrom('consolidated_data')
    .select('company_id')
    .distinct()
    .where('conso_id', '=', conso.id)
    .orderBy('company_id')
    .execute();
  for (const { company_id } of companies) {
    const rows = await db
      .selectFrom('consolidated_data')
      .select([
        'company_id',
        'account_id',
        'partner_company_id',
        'flow_id',
        'dimension',
        'origin',
        'amount_gc as amount',
      ])
      .where('conso_id', '=', conso.id)
      .where('company_id', '=', company_id)
      .execute();
    yield* rows;
  }
}

/**
 * Exports a conso as a star schema for BI tools: a fact table (company, account, partner, flow,
 * period, category and dimension keys, origin, amount) and one table per dimension, as Parquet
 * files (hyparquet-writer, written a row group at a time) or CSV files.
 */
export const exportCubeJob = defineJob<
  z.output<typeof exportCubeParams>,
  ExportResult,
  z.input<typeof exportCubeParams>
>({
  type: 'importexport.export-cube',
  description: t('importexport.job.exportCube'),
  params: exportCubeParams,
  create: (services) => ({
    async execute(params, ctx) {
      const { db } = consoDbOf(services);
      const store = fileStoreOf(services);
      const { scope, customer } = await openJobScope(db, ctx, params.customer);
      const conso = await consoRef(scope, params.conso);
      const prefix = `cube-${conso.code}`;
      const open = (name: string, columns: readonly ParquetColumn[]) =>
        openCubeTable(store, `${prefix}-${name}`, columns, params.format, params.csv, ctx);
      const files: StoredFile[] = [];
      let rows = 0;
      const finish = async (sink: CubeTableSink) => {
        const file = await sink.close();
        files.push(file);
        ctx.addOutputFile(file);
      };
      const fact = await open('fact', CUBE_FACT_COLUMNS);
      const dimensionKeys = new Map<string, number>();
      try {
        for await (const row of facts(db, conso, params.source)) {
          let dimension: number | null = null;
          if (row.dimension !== null) {
            dimension = dimensionKeys.get(row.dimension) ?? dimensionKeys.size + 1;
            dimensionKeys.set(row.dimension, dimension);
          }
          await fact.append([
            row.company_id,
            row.account_id,
            row.partner_company_id,
            row.flow_id,
            conso.periodId,
            conso.categoryId,
            dimension,
            row.origin,
            Number(row.amount),
          ]);
          if (++rows % 10_000 === 0) {
            ctx.checkpoint();
            ctx.progress(t('importexport.progress.exported', { file: `${prefix}-fact`, rows }));
          }
        }
        await finish(fact);
      } catch (error) {
        await fact.discard().catch(() => undefined);
        throw error;
      }
      const c = customer.id;
      const dims: [string, readonly ParquetColumn[], (number | string | null)[][]][] = [
        [
          'dim_company',
          [key('company_key'), text('code'), text('name'), text('currency'), text('country', true)],
          (
            await db.selectFrom('companies').selectAll().where('customer_id', '=', c).orderBy('id').execute()
          ).map((r) => [r.id, r.code, r.name, r.currency, r.country]),
        ],
        [
          'dim_partner',
          [key('partner_key'), text('code'), text('name')],
          (
            await db.selectFrom('companies').selectAll().where('customer_id', '=', c).orderBy('id').execute()
          ).map((r) => [r.id, r.code, r.name]),
        ],
        [
          'dim_account',
          [
            key('account_key'),
            text('code'),
            text('name'),
            text('type'),
            text('rate_type'),
            text('role', true),
            key('parent_key', true),
            key('is_summary'),
          ],
          (
            await db.selectFrom('accounts').selectAll().where('customer_id', '=', c).orderBy('id').execute()
          ).map((r) => [
            r.id,
            r.code,
            r.name,
            r.type,
            r.rate_type,
            r.role,
            r.parent_id,
            Number(r.is_summary),
          ]),
        ],
        [
          'dim_flow',
          [key('flow_key'), text('code'), text('name'), text('kind')],
          (await db.selectFrom('flows').selectAll().where('customer_id', '=', c).orderBy('id').execute()).map(
            (r) => [r.id, r.code, r.name, r.kind],
          ),
        ],
        [
          'dim_period',
          [key('period_key'), text('code'), key('year'), key('month'), text('start_date'), text('end_date')],
          (
            await db.selectFrom('periods').selectAll().where('customer_id', '=', c).orderBy('id').execute()
          ).map((r) => [r.id, r.code, r.year, r.month, r.start_date, r.end_date]),
        ],
        [
          'dim_category',
          [key('category_key'), text('code'), text('name')],
          (
            await db.selectFrom('categories').selectAll().where('customer_id', '=', c).orderBy('id').execute()
          ).map((r) => [r.id, r.code, r.name]),
        ],
        [
          'dim_dimension',
          [key('dimension_key'), text('code')],
          [...dimensionKeys].map(([code, id]) => [id, code]),
        ],
      ];
      for (const [name, columns, values] of dims) {
        ctx.checkpoint();
        const sink = await open(name, columns);
        for (const value of values) await sink.append(value);
        await finish(sink);
      }
      ctx.progress(t('importexport.progress.cubeDone', { conso: conso.code, rows, files: files.length }));
      return { files, rows };
    },
  }),
});
