import {
  ACCOUNT_ROLE_VALUES,
  ACCOUNT_TYPE_VALUES,
  FLOW_KIND_VALUES,
  IC_SIDE_VALUES,
  RATE_TYPE_VALUES,
} from '@hangar/conso-db';
import { isIsoDate } from '../mapping/date-format.js';
import type { SheetSpec } from '../session/import-sheets.js';
import type { CodeLookups } from '../validate/code-lookups.js';
import type { DeferredReferences } from '../validate/deferred-references.js';

/** Accounts of the file with their parent, for the cycle check after reading. */
export type AccountParents = Map<string, { parent: string | null; row: number }>;

/** IC rule fields repeated on each of its lines, for the consistency check. */
export type RuleHeads = Map<string, { name: string; difference: string; tolerance: number }>;

/** What the structure sheet specs check against and collect into. */
export interface StructureContext {
  codes: CodeLookups;
  refs: DeferredReferences;
  accountParents: AccountParents;
  ruleHeads: RuleHeads;
}

/** The sheet specs of a structure workbook. */
export function structureSheetSpecs(ctx: StructureContext): SheetSpec[] {
  const { codes, refs } = ctx;
  const codeOf = (fields: Parameters<SheetSpec['parse']>[0], kind: string, limit = 50): string => {
    const code = fields.text('code');
    if (code.length > limit)
      fields.fail({
        column: 'code',
        problem: 'invalidValue',
        value: code,
        params: { allowed: `≤ ${limit} characters` },
      });
    refs.define(kind, code);
    return code;
  };
  return [
    {
      name: 'companies',
      required: ['code', 'name', 'currency'],
      staging: [
        { name: 'code', type: 'text' },
        { name: 'name', type: 'text' },
        { name: 'currency', type: 'text' },
        { name: 'country', type: 'text' },
      ],
      unique: { columns: [{ name: 'code' }], column: 'code' },
      parse(fields) {
        const code = codeOf(fields, 'company');
        const name = fields.text('name');
        const currency = fields.text('currency');
        if (currency !== '' && !codes.currencies.has(currency)) {
          fields.fail({
            column: 'currency',
            problem: 'unknownCode',
            value: currency,
            params: { kind: 'currency' },
          });
        }
        const country = fields.optionalText('country');
        if (country !== null && country.length !== 2) {
          fields.fail({
            column: 'country',
            problem: 'invalidValue',
            value: country,
            params: { allowed: 'ISO 3166 alpha-2' },
          });
        }
        return fields.failed ? undefined : [code, name, currency, country];
      },
    },
    {
      name: 'categories',
      required: ['code', 'name'],
      staging: [
        { name: 'code', type: 'text' },
        { name: 'name', type: 'text' },
      ],
      unique: { columns: [{ name: 'code' }], column: 'code' },
      parse(fields) {
        const code = codeOf(fields, 'category', 20);
        const name = fields.text('name');
        return fields.failed ? undefined : [code, name];
      },
    },
    {
      name: 'periods',
      required: ['year', 'month'],
      staging: [
        { name: 'code', type: 'text' },
        { name: 'year', type: 'integer' },
        { name: 'month', type: 'integer' },
        { name: 'start_date', type: 'text' },
        { name: 'end_date', type: 'text' },
      ],
      unique: { columns: [{ name: 'year' }, { name: 'month' }], column: 'month' },
      parse(fields) {
        const year = fields.number('year', { min: 1900, max: 2999 });
        const month = fields.number('month', { min: 1, max: 12 });
        const code = fields.optionalText('code') ?? `${year}${String(month).padStart(2, '0')}`;
        refs.define('period', code);
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        const mm = String(month).padStart(2, '0');
        const start = fields.optionalText('start_date') ?? `${year}-${mm}-01`;
        const end = fields.optionalText('end_date') ?? `${year}-${mm}-${String(last).padStart(2, '0')}`;
        for (const [column, value] of [
          ['start_date', start],
          ['end_date', end],
        ] as const) {
          if (!isIsoDate(value))
            fields.fail({ column, problem: 'invalidDate', value, params: { format: 'YYYY-MM-DD' } });
        }
        if (!Number.isInteger(year) || !Number.isInteger(month))
          fields.fail({
            column: 'month',
            problem: 'invalidValue',
            value: month,
            params: { allowed: '1-12' },
          });
        return fields.failed ? undefined : [code, year, month, start, end];
      },
    },
    {
      name: 'flows',
      required: ['code', 'name', 'kind'],
      staging: [
        { name: 'code', type: 'text' },
        { name: 'name', type: 'text' },
        { name: 'kind', type: 'text' },
      ],
      unique: { columns: [{ name: 'code' }], column: 'code' },
      parse(fields) {
        const code = codeOf(fields, 'flow');
        const name = fields.text('name');
        const kind = fields.oneOf('kind', FLOW_KIND_VALUES);
        return fields.failed ? undefined : [code, name, kind];
      },
    },
    {
      name: 'accounts',
      required: ['code', 'name', 'type', 'rate_type'],
      staging: [
        { name: 'code', type: 'text' },
        { name: 'name', type: 'text' },
        { name: 'type', type: 'text' },
        { name: 'rate_type', type: 'text' },
        { name: 'role', type: 'text' },
        { name: 'parent_code', type: 'text' },
        { name: 'is_summary', type: 'integer' },
      ],
      unique: { columns: [{ name: 'code' }], column: 'code' },
      parse(fields) {
        const code = codeOf(fields, 'account');
        const name = fields.text('name');
        const type = fields.oneOf('type', ACCOUNT_TYPE_VALUES);
        const rateType = fields.oneOf('rate_type', RATE_TYPE_VALUES);
        const role = fields.optionalText('role') === null ? null : fields.oneOf('role', ACCOUNT_ROLE_VALUES);
        const parent = fields.optionalText('parent');
        if (parent !== null)
          refs.refer(codes.accounts, {
            code: parent,
            kind: 'account',
            row: fields.source.row,
            column: 'parent',
            sheet: 'accounts',
          });
        const summary = fields.optionalNumber('is_summary', { min: 0, max: 1 }) ?? 0;
        ctx.accountParents.set(code, { parent, row: fields.source.row });
        return fields.failed ? undefined : [code, name, type, rateType, role, parent, summary];
      },
    },
    {
      name: 'holdings',
      required: ['holder', 'held', 'financial_pct', 'voting_pct'],
      staging: [
        { name: 'holder_code', type: 'text' },
        { name: 'held_code', type: 'text' },
        { name: 'financial_pct', type: 'amount' },
        { name: 'voting_pct', type: 'amount' },
        { name: 'holder_company_id', type: 'integer' },
        { name: 'held_company_id', type: 'integer' },
      ],
      unique: { columns: [{ name: 'holder_code' }, { name: 'held_code' }], column: 'held' },
      parse(fields) {
        const holder = fields.text('holder');
        const held = fields.text('held');
        for (const [column, code] of [
          ['holder', holder],
          ['held', held],
        ] as const) {
          if (code !== '')
            refs.refer(codes.companies, {
              code,
              kind: 'company',
              row: fields.source.row,
              column,
              sheet: 'holdings',
            });
        }
        const financial = fields.number('financial_pct', { min: 0, max: 1 });
        const voting = fields.number('voting_pct', { min: 0, max: 1 });
        return fields.failed ? undefined : [holder, held, financial, voting, null, null];
      },
    },
    {
      name: 'ic_rules',
      required: ['rule', 'name', 'difference_account', 'side', 'account'],
      staging: [
        { name: 'rule_code', type: 'text' },
        { name: 'name', type: 'text' },
        { name: 'difference_code', type: 'text' },
        { name: 'tolerance', type: 'amount' },
        { name: 'side', type: 'text' },
        { name: 'account_code', type: 'text' },
        { name: 'difference_account_id', type: 'integer' },
        { name: 'account_id', type: 'integer' },
      ],
      unique: { columns: [{ name: 'rule_code' }, { name: 'account_code' }], column: 'account' },
      parse(fields) {
        const rule = fields.text('rule');
        const name = fields.text('name');
        const difference = fields.text('difference_account');
        const tolerance = fields.optionalNumber('tolerance', { min: 0 }) ?? 0;
        const side = fields.oneOf('side', IC_SIDE_VALUES);
        const account = fields.text('account');
        for (const [column, code] of [
          ['difference_account', difference],
          ['account', account],
        ] as const) {
          if (code !== '')
            refs.refer(codes.accounts, {
              code,
              kind: 'account',
              row: fields.source.row,
              column,
              sheet: 'ic_rules',
            });
        }
        const head = ctx.ruleHeads.get(rule);
        if (!head) ctx.ruleHeads.set(rule, { name, difference, tolerance });
        else if (head.name !== name || head.difference !== difference || head.tolerance !== tolerance) {
          fields.fail({ column: 'name', problem: 'inconsistent', value: name, params: { group: rule } });
        }
        return fields.failed ? undefined : [rule, name, difference, tolerance, side, account, null, null];
      },
    },
  ];
}
