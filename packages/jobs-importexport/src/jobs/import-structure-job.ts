import { defineJob, t } from '@hangar/core';
import { z } from 'zod';
import type { ApplyCounts } from '../apply/write-staged-rows.js';
import { ImportFileError } from '../errors/import-file-error.js';
import { customerParam, numberFormatOf } from '../params/common-params.js';
import { csvOptionsSchema } from '../read/csv-options.js';
import { openSource } from '../read/open-source.js';
import { importConsoRef, openJobScope } from '../scope/job-scope.js';
import type { ImportResult } from '../session/import-result.js';
import { runImport } from '../session/import-session.js';
import { stageSheets } from '../session/import-sheets.js';
import { consoDbOf, fileStoreOf, inputLocation } from '../session/job-services.js';
import { finishImport } from '../session/staged-table-write.js';
import { loadCodeLookups } from '../validate/code-lookups.js';
import { DeferredReferences } from '../validate/deferred-references.js';
import { findHierarchyCycles } from '../validate/hierarchy-cycles.js';
import { type AccountParents, type RuleHeads, structureSheetSpecs } from './structure-sheet-specs.js';
import {
  addCounts,
  linkAccountParents,
  mergeMasterData,
  resolveStagedIds,
  writeHoldings,
  writeIcRules,
} from './structure-writes.js';

/** Parameters of {@link importStructureJob}. */
export const importStructureParams = z.object({
  /** Customer code. */
  customer: customerParam,
  /** Location of the XLSX workbook in the file store. */
  file: z.string().min(1),
  /** Conso the `holdings` sheet belongs to; needed only when the workbook has one. */
  conso: z.string().min(1).optional(),
  /** Holdings and IC rules: `replace` (the conso's holdings, the customer's rules) or `merge`. Master data is always merged. */
  mode: z.enum(['replace', 'merge']).default('merge'),
  /** Errors collected before the import stops reading. */
  maxErrors: z.number().int().min(1).max(100_000).default(100),
});

/**
 * Imports a customer's structure from an XLSX workbook with sheets `companies`, `categories`,
 * `periods`, `flows`, `accounts` (with `parent` for the hierarchy), `holdings` (direct holdings of
 * a conso) and `ic_rules`. Every sheet is validated, with references across sheets, before any write.
 */
export const importStructureJob = defineJob<
  z.output<typeof importStructureParams>,
  ImportResult,
  z.input<typeof importStructureParams>
>({
  type: 'importexport.import-structure',
  description: t('importexport.job.importStructure'),
  params: importStructureParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const consoDb = consoDbOf(services);
      const { db } = consoDb;
      const { scope, customer } = await openJobScope(db, ctx, params.customer);
      const conso = params.conso ? await importConsoRef(db, scope, params.conso) : undefined;
      const codes = await loadCodeLookups(db, customer.id);
      const existingParents = new Map(
        (
          await db
            .selectFrom('accounts as a')
            .leftJoin('accounts as p', 'p.id', 'a.parent_id')
            .select(['a.code', 'p.code as parent'])
            .where('a.customer_id', '=', customer.id)
            .execute()
        ).map((row) => [row.code, row.parent]),
      );
      const refs = new DeferredReferences();
      const accountParents: AccountParents = new Map();
      const ruleHeads: RuleHeads = new Map();
      const csv = csvOptionsSchema.parse({});
      const location = await inputLocation(services, ctx, params.file);
      const source = await openSource(fileStoreOf(services), location, {
        format: 'xlsx',
        csv,
        signal: ctx.signal,
      });
      try {
        const options = {
          file: source.name,
          totalBytes: source.size,
          bytesRead: source.bytesRead,
          maxErrors: params.maxErrors,
          numbers: numberFormatOf(csv),
        };
        const outcome = await runImport(consoDb, ctx, options, async (session) => {
          const staged = await stageSheets(
            session,
            source,
            structureSheetSpecs({ codes, refs, accountParents, ruleHeads }),
          );
          refs.report(session.errors);
          for (const code of findHierarchyCycles(accountParents, existingParents)) {
            const entry = accountParents.get(code);
            session.errors.add({
              row: entry?.row ?? 0,
              column: 'parent',
              sheet: 'accounts',
              problem: 'cycle',
              value: entry?.parent ?? null,
            });
          }
          session.errors.throwIfAny();
          const holdings = staged.get('holdings');
          if (holdings && !conso)
            throw new ImportFileError(
              source.name,
              'missingSheet',
              'a holdings sheet needs the conso parameter',
            );
          const total: ApplyCounts = { deleted: 0, updated: 0, inserted: 0 };
          const master = [
            [
              'companies',
              [{ name: 'code' }, { name: 'name' }, { name: 'currency' }, { name: 'country', nullable: true }],
            ],
            ['categories', [{ name: 'code' }, { name: 'name' }]],
            [
              'periods',
              [
                { name: 'code' },
                { name: 'year' },
                { name: 'month' },
                { name: 'start_date' },
                { name: 'end_date' },
              ],
            ],
            ['flows', [{ name: 'code' }, { name: 'name' }, { name: 'kind' }]],
            [
              'accounts',
              [
                { name: 'code' },
                { name: 'name' },
                { name: 'type' },
                { name: 'rate_type' },
                { name: 'role', nullable: true },
                { name: 'is_summary' },
              ],
            ],
          ] as const;
          for (const [table, columns] of master) {
            const staging = staged.get(table);
            if (staging)
              addCounts(total, await mergeMasterData(session.trx, staging, table, customer.id, columns));
          }
          const accounts = staged.get('accounts');
          if (accounts) await linkAccountParents(session.trx, accounts, customer.id);
          if (holdings && conso) {
            await resolveStagedIds(session.trx, holdings, 'companies', customer.id, [
              ['holder_code', 'holder_company_id'],
              ['held_code', 'held_company_id'],
            ]);
            addCounts(total, await writeHoldings(session.trx, holdings, conso.id, params.mode));
          }
          const rules = staged.get('ic_rules');
          if (rules) {
            await resolveStagedIds(session.trx, rules, 'accounts', customer.id, [
              ['difference_code', 'difference_account_id'],
              ['account_code', 'account_id'],
            ]);
            addCounts(total, await writeIcRules(session.trx, rules, customer.id, params.mode));
          }
          return { total, read: session.progress.read };
        });
        return finishImport(ctx, source.name, outcome.total, outcome.read);
      } finally {
        source.close();
      }
    },
  }),
});
