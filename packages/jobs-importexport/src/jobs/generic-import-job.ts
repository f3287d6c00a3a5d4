import { defineJob, t } from '@hangar/core';
import { z } from 'zod';
import type { ScopeCondition, TargetColumn } from '../apply/apply-target.js';
import { loadGenericLookups } from '../mapping/generic-lookups.js';
import { importValue, stagingTypeOf } from '../mapping/import-transform.js';
import { loadMappingProfile } from '../mapping/mapping-profile.js';
import { customerParam, numberFormatOf } from '../params/common-params.js';
import { openJobScope } from '../scope/job-scope.js';
import type { ImportResult } from '../session/import-result.js';
import { importTable } from '../session/import-table.js';
import { consoDbOf } from '../session/job-services.js';
import type { StagingValue } from '../stage/staging-table.js';

/** Parameters of {@link genericImportJob}. */
export const genericImportParams = z.object({
  /** Customer code. */
  customer: customerParam,
  /** Code of the customer's saved mapping profile. */
  profile: z.string().min(1),
  /** Location of the file in the file store. */
  file: z.string().min(1),
  /** `replace` the scope the file covers (its combinations of the table's scope columns), or `merge`. */
  mode: z.enum(['replace', 'merge']).default('merge'),
  /** Errors collected before the import stops reading. */
  maxErrors: z.number().int().min(1).max(100_000).default(100),
});

/**
 * Imports a customer's own file layout into an allow-listed table through a saved mapping profile:
 * source columns renamed to target columns, constants, sign flips, number and date layouts, and
 * code-to-id lookups; the same validation, staging and modes as the dedicated imports.
 */
export const genericImportJob = defineJob<
  z.output<typeof genericImportParams>,
  ImportResult,
  z.input<typeof genericImportParams>
>({
  type: 'importexport.generic-import',
  description: t('importexport.job.genericImport'),
  params: genericImportParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const { db } = consoDbOf(services);
      const { scope: tenant, customer } = await openJobScope(db, ctx, params.customer);
      const profile = await loadMappingProfile(db, customer.id, params.profile);
      const lookups = await loadGenericLookups(db, customer.id);
      const { table } = profile;
      if (table.tenancy === 'shared') tenant.assertMayWriteShared(profile.targetTable);
      const columns = Object.entries(table.columns);
      const byTarget = new Map(profile.mappings.map((mapping) => [mapping.target, mapping]));
      const numbers = numberFormatOf(profile.options.csv);
      const tenancyConstants =
        typeof table.tenancy === 'object' && 'customerColumn' in table.tenancy
          ? { [table.tenancy.customerColumn]: customer.id }
          : {};
      const scope: ScopeCondition[] = Object.entries(tenancyConstants).map(([column, value]) => ({
        column,
        equals: value,
      }));
      if (table.replaceScope.length > 0) scope.push({ tuple: table.replaceScope });
      const targetColumns: TargetColumn[] = columns.map(([name, column]) => ({
        name,
        nullable: column.nullable ?? false,
        text: column.type === 'text' || column.type === 'date',
      }));
      return importTable(
        services,
        ctx,
        // Tables without a replace scope hold master data: replace would delete rows others reference, so they merge.
        {
          file: params.file,
          format: profile.fileFormat,
          csv: profile.options.csv,
          mode: table.replaceScope.length ? params.mode : 'merge',
          maxErrors: params.maxErrors,
        },
        {
          ...(profile.options.sheet === undefined ? {} : { sheet: profile.options.sheet }),
          // A nullable column's source may be missing from the file altogether (read as empty).
          required: profile.mappings.flatMap((mapping) =>
            mapping.source === undefined || table.columns[mapping.target]?.nullable
              ? []
              : [mappingWithNormalisedSource(mapping).source ?? ''],
          ),
          stagingName: 'gen',
          staging: columns.map(([name, column]) => ({ name, type: stagingTypeOf(column) })),
          parse(fields) {
            const values: StagingValue[] = columns.map(([name, column]) => {
              const mapping = byTarget.get(name);
              return mapping
                ? importValue(fields, mappingWithNormalisedSource(mapping), column, lookups, numbers)
                : null;
            });
            return fields.failed ? undefined : values;
          },
          unique: {
            columns: targetColumns.filter((column) => table.key.includes(column.name)),
            column: byTarget.get(table.key[0] ?? '')?.source ?? table.key[0] ?? '',
          },
          target: {
            table: profile.targetTable,
            columns: targetColumns,
            constants: tenancyConstants,
            key: table.key,
            scope,
          },
        },
      );
    },
  }),
});

// File headers are compared normalised (trimmed, lower case, `_` for spaces), so the mapping's source is too.
function mappingWithNormalisedSource<M extends { source?: string | undefined }>(mapping: M): M {
  return mapping.source === undefined
    ? mapping
    : {
        ...mapping,
        source: mapping.source
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, '_'),
      };
}
