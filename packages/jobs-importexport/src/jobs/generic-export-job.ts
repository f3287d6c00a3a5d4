import { defineJob, t } from '@hangar/core';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { MappingProfileError } from '../errors/mapping-profile-error.js';
import type { ExportResult } from '../export/export-result.js';
import { exportSheets } from '../export/export-sheets.js';
import { keysetPages } from '../export/keyset-pages.js';
import { exportValue } from '../mapping/export-transform.js';
import { loadGenericLookups } from '../mapping/generic-lookups.js';
import { loadMappingProfile } from '../mapping/mapping-profile.js';
import { customerParam } from '../params/common-params.js';
import type { CellValue } from '../read/source-row.js';
import { openJobScope } from '../scope/job-scope.js';
import { consoDbOf } from '../session/job-services.js';

/** Parameters of {@link genericExportJob}. */
export const genericExportParams = z.object({
  /** Customer code. */
  customer: customerParam,
  /** Code of the customer's saved mapping profile. */
  profile: z.string().min(1),
  /** Equality filters on target columns, in file terms (codes for id columns), e.g. `{ "period_id": "202312" }`. */
  filters: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  /** File name. */
  fileName: z.string().min(1).optional(),
});

type Row = Record<string, unknown> & { id: number };

/**
 * Exports an allow-listed table in a customer's own layout through a saved mapping profile: the
 * inverse of {@link genericImportJob} (ids back to codes, signs and layouts reapplied); columns
 * mapped to a constant filter the rows instead of being written.
 */
export const genericExportJob = defineJob<
  z.output<typeof genericExportParams>,
  ExportResult,
  z.input<typeof genericExportParams>
>({
  type: 'importexport.generic-export',
  description: t('importexport.job.genericExport'),
  params: genericExportParams,
  create: (services) => ({
    async execute(params, ctx) {
      const { db } = consoDbOf(services);
      const { customer } = await openJobScope(db, ctx, params.customer);
      const profile = await loadMappingProfile(db, customer.id, params.profile);
      const lookups = await loadGenericLookups(db, customer.id);
      const { table } = profile;
      const filters = new Map<string, number | string>();
      const filterOn = (target: string, value: string | number | null) => {
        const column = table.columns[target];
        if (!column || !Object.hasOwn(table.columns, target))
          throw new MappingProfileError(profile.code, `unknown filter column "${target}"`);
        const id = column.ref && column.type === 'id' ? lookups.byCode[column.ref].get(String(value)) : value;
        filters.set(target, id ?? -1);
      };
      for (const mapping of profile.mappings)
        if (mapping.constant !== undefined && mapping.constant !== null)
          filterOn(mapping.target, mapping.constant);
      for (const [target, value] of Object.entries(params.filters)) filterOn(target, value);
      const written = profile.mappings.filter((mapping) => mapping.source !== undefined);
      // Names below are allow-listed (profile checked against GENERIC_TABLES), never raw user text.
      const loose = db as unknown as Kysely<Record<string, Row>>;
      const pages = keysetPages<Row>((after, limit) => {
        let query = loose
          .selectFrom(profile.targetTable)
          .select(['id', ...written.map((m) => m.target)])
          .where('id', '>', after);
        if (typeof table.tenancy === 'object') {
          if ('customerColumn' in table.tenancy)
            query = query.where(table.tenancy.customerColumn, '=', customer.id);
          else
            query = query.where(
              sql.ref(table.tenancy.via),
              'in',
              sql`(select id from ${sql.table(table.tenancy.table)} where customer_id = ${customer.id})`,
            );
        }
        for (const [column, value] of filters) query = query.where(column, '=', value);
        return query.orderBy('id').limit(limit).execute() as Promise<Row[]>;
      });
      async function* rows(): AsyncGenerator<CellValue[]> {
        for await (const row of pages) {
          yield written.map((mapping) =>
            exportValue(
              row[mapping.target],
              mapping,
              table.columns[mapping.target]!,
              lookups,
              profile.fileFormat,
            ),
          );
        }
      }
      return exportSheets(services, ctx, {
        fileName: params.fileName ?? `${profile.code.toLowerCase()}.${profile.fileFormat}`,
        format: profile.fileFormat,
        csv: profile.options.csv,
        sheets: [
          {
            name: profile.options.sheet ?? profile.targetTable,
            header: written.map((m) => m.source ?? m.target),
            rows: rows(),
          },
        ],
      });
    },
  }),
});
