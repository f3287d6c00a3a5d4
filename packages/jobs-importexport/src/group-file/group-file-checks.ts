import type { MessageParam } from '@hangar/core';
import { toCents } from '../validate/data-file-format.js';
import type { RowProblem } from '../validate/row-error.js';
import type { RowErrorCollector } from '../validate/row-error-collector.js';
import type { GroupFile } from './group-file-schema.js';

/** Company codes of a group file, whichever form `companies` takes. */
export function groupCompanyCodes(file: GroupFile): string[] {
  return Array.isArray(file.companies) ? file.companies : Object.keys(file.companies);
}

/**
 * Cross-checks a parsed group file: every company and account it names is defined (in the file or
 * already in the database), each bundle and journal balances. Errors are located by JSON path in
 * `column`, with `row` the 1-based position in the list concerned.
 */
export function checkGroupFile(
  file: GroupFile,
  errors: RowErrorCollector,
  known: { companies: ReadonlySet<string>; accounts: ReadonlySet<string> },
): void {
  const companies = new Set([...groupCompanyCodes(file), ...known.companies]);
  const accounts = new Set([...Object.keys(file.accounts ?? {}), ...known.accounts]);
  const fail = (
    row: number,
    column: string,
    problem: RowProblem,
    value: MessageParam,
    params: Record<string, MessageParam> = {},
  ) => errors.add({ row, column, problem, value, params });
  const company = (row: number, path: string, value: string | undefined) => {
    if (value !== undefined && !companies.has(value))
      fail(row, path, 'unknownCode', value, { kind: 'company' });
  };
  const account = (row: number, path: string, value: string) => {
    if (!accounts.has(value)) fail(row, path, 'unknownCode', value, { kind: 'account' });
  };
  if (!companies.has(file.parent)) fail(0, 'parent', 'unknownCode', file.parent, { kind: 'company' });
  file.holdings?.forEach((h, i) => {
    company(i + 1, `holdings[${i}].holder`, h.holder);
    company(i + 1, `holdings[${i}].held`, h.held);
  });
  for (const held of Object.keys(file.share_classes ?? {})) company(0, `share_classes.${held}`, held);
  file.shareholdings?.forEach((s, i) => {
    company(i + 1, `shareholdings[${i}].holder`, s.holder);
    const classes = file.share_classes?.[s.held];
    if (!classes?.some((c) => c.class === s.class))
      fail(i + 1, `shareholdings[${i}].class`, 'unknownCode', s.class, { kind: 'share class' });
  });
  for (const [co, byAccount] of Object.entries(file.historical ?? {})) {
    company(0, `historical.${co}`, co);
    for (const [acc, value] of Object.entries(byAccount)) {
      account(0, `historical.${co}.${acc}`, acc);
      if ((value.rate === undefined) === (value.amount_gc === undefined))
        fail(0, `historical.${co}.${acc}`, 'required', null, { other: 'amount_gc' });
    }
  }
  for (const [co, lines] of Object.entries(file.bundles ?? {})) {
    company(0, `bundles.${co}`, co);
    let cents = 0;
    lines.forEach((l, i) => {
      account(i + 1, `bundles.${co}[${i}].account`, l.account);
      company(i + 1, `bundles.${co}[${i}].partner`, l.partner);
      cents += toCents(l.amount);
    });
    if (cents !== 0)
      fail(1, `bundles.${co}`, 'unbalanced', cents / 100, { kind: 'company', group: co, total: cents / 100 });
  }
  file.adjustments?.forEach((j, i) => {
    company(i + 1, `adjustments[${i}].company`, j.company);
    let cents = 0;
    j.lines.forEach((l, k) => {
      account(i + 1, `adjustments[${i}].lines[${k}].account`, l.account);
      company(i + 1, `adjustments[${i}].lines[${k}].partner`, l.partner);
      cents += toCents(l.amount);
    });
    if (cents !== 0)
      fail(i + 1, `adjustments[${i}]`, 'unbalanced', cents / 100, {
        kind: 'journal',
        group: j.journal,
        total: cents / 100,
      });
  });
  file.investments?.forEach((v, i) => {
    company(i + 1, `investments[${i}].holder`, v.holder);
    company(i + 1, `investments[${i}].held`, v.held);
    account(i + 1, `investments[${i}].account`, v.account);
  });
  file.ic_rules?.forEach((r, i) => {
    account(i + 1, `ic_rules[${i}].diff_account`, r.diff_account);
    [...r.side_a, ...r.side_b].forEach((a, k) => {
      account(i + 1, `ic_rules[${i}].accounts[${k}]`, a);
    });
  });
}
