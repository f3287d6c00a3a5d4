import { bulkInsert } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import type { ConsoDatabase } from '../db/conso-db.js';
import { groupCompanyCodes } from './group-file-checks.js';
import type { GroupFile } from './group-file-schema.js';
import type { GroupIds } from './group-master-writes.js';

/** Rows written per table. */
export type GroupWriteCounts = Record<string, number>;

/**
 * Replaces the conso-level data of a group file: ownership, holdings or share registers,
 * investments, rates, historical rates, the file companies' bundles, journals and IC rules.
 */
export async function writeGroupConsoData(
  trx: Kysely<ConsoDatabase>,
  file: GroupFile,
  ids: GroupIds,
  now: string,
): Promise<GroupWriteCounts> {
  const { consoId } = ids;
  const co = (code: string) => ids.companies.get(code)!;
  const acc = (code: string) => ids.accounts.get(code)!;
  const opt = (code: string | undefined, map: Map<string, number>) =>
    code === undefined ? null : (map.get(code) ?? null);
  const counts: GroupWriteCounts = {};
  const companyIds = groupCompanyCodes(file).map(co);

  // Deletes first, children before parents (no cascades: SQL Server forbids multiple cascade paths).
  const journals = trx.selectFrom('adjustment_journals').select('id').where('conso_id', '=', consoId);
  await trx.deleteFrom('adjustment_lines').where('journal_id', 'in', journals).execute();
  await trx.deleteFrom('adjustment_journals').where('conso_id', '=', consoId).execute();
  const classes = trx.selectFrom('share_classes').select('id').where('conso_id', '=', consoId);
  await trx.deleteFrom('shareholdings').where('share_class_id', 'in', classes).execute();
  for (const table of [
    'share_classes',
    'holdings',
    'ownerships',
    'investments',
    'historical_rates',
  ] as const) {
    await trx.deleteFrom(table).where('conso_id', '=', consoId).execute();
  }
  await trx
    .deleteFrom('bundles')
    .where('period_id', '=', ids.periodId)
    .where('category_id', '=', ids.categoryId)
    .where('company_id', 'in', companyIds)
    .execute();

  if (!Array.isArray(file.companies)) {
    const rows = Object.entries(file.companies).map(([code, c]) => ({
      conso_id: consoId,
      company_id: co(code),
      group_pct: c.group_pct ?? 0,
      control_pct: c.control_pct ?? c.group_pct ?? 0,
      minority_pct: c.minority_pct ?? 0,
      integration_pct: c.integration_pct ?? 0,
      method: c.method ?? 'N',
      // Percentages and methods given by the file are decisions, not estimates: keep them.
      pct_override: (c.group_pct === undefined ? 0 : 1) as 0 | 1,
      method_override: (c.method === undefined ? 0 : 1) as 0 | 1,
    }));
    counts.ownerships = await bulkInsert(trx, 'ownerships', rows);
  }
  counts.holdings = await bulkInsert(
    trx,
    'holdings',
    (file.holdings ?? []).map((h) => ({
      conso_id: consoId,
      holder_company_id: co(h.holder),
      held_company_id: co(h.held),
      financial_pct: h.fin,
      voting_pct: h.ctrl,
    })),
  );
  for (const [held, list] of Object.entries(file.share_classes ?? {})) {
    await bulkInsert(
      trx,
      'share_classes',
      list.map((c) => ({
        conso_id: consoId,
        company_id: co(held),
        class_code: c.class,
        issued_shares: c.issued,
        treasury_shares: c.treasury,
        votes_per_share: c.votes_per_share,
        dividend_rights_per_share: c.dividend_rights_per_share,
      })),
    );
  }
  const classIds = new Map(
    (
      await trx
        .selectFrom('share_classes')
        .select(['id', 'company_id', 'class_code'])
        .where('conso_id', '=', consoId)
        .execute()
    ).map((r) => [`${r.company_id}/${r.class_code}`, r.id]),
  );
  counts.shareholdings = await bulkInsert(
    trx,
    'shareholdings',
    (file.shareholdings ?? []).map((s) => ({
      share_class_id: classIds.get(`${co(s.held)}/${s.class}`)!,
      holder_company_id: co(s.holder),
      shares: s.shares,
    })),
  );
  counts.investments = await bulkInsert(
    trx,
    'investments',
    (file.investments ?? []).map((v) => ({
      conso_id: consoId,
      holder_company_id: co(v.holder),
      held_company_id: co(v.held),
      account_id: acc(v.account),
      stake_pct: v.stake,
      acquisition_net_assets_gc: v.acquisition_net_assets_gc,
      acquisition_date: v.acquisition_date ?? null,
    })),
  );
  const rates = { ...(file.rates ?? {}) };
  const groupCurrency = file.group_currency ?? 'EUR';
  rates[groupCurrency] ??= { closing: 1, average: 1 };
  await trx
    .deleteFrom('exchange_rates')
    .where('period_id', '=', ids.periodId)
    .where('category_id', '=', ids.categoryId)
    .where('currency', 'in', Object.keys(rates))
    .execute();
  counts.exchange_rates = await bulkInsert(
    trx,
    'exchange_rates',
    Object.entries(rates).map(([currency, r]) => ({
      period_id: ids.periodId,
      category_id: ids.categoryId,
      currency,
      closing_rate: r.closing,
      average_rate: r.average,
    })),
  );
  counts.historical_rates = await bulkInsert(
    trx,
    'historical_rates',
    Object.entries(file.historical ?? {}).flatMap(([company, byAccount]) =>
      Object.entries(byAccount).map(([account, h]) => ({
        conso_id: consoId,
        company_id: co(company),
        account_id: acc(account),
        rate: h.rate ?? null,
        amount_gc: h.amount_gc ?? null,
      })),
    ),
  );
  counts.bundles = await bulkInsert(
    trx,
    'bundles',
    Object.entries(file.bundles ?? {}).flatMap(([company, lines]) =>
      lines.map((l) => ({
        company_id: co(company),
        period_id: ids.periodId,
        category_id: ids.categoryId,
        account_id: acc(l.account),
        partner_company_id: opt(l.partner, ids.companies),
        flow_id: opt(l.flow, ids.flows),
        dimension: l.dimension ?? null,
        amount: l.amount,
      })),
    ),
  );
  counts.adjustment_lines = 0;
  for (const j of file.adjustments ?? []) {
    await trx
      .insertInto('adjustment_journals')
      .values({
        conso_id: consoId,
        code: j.journal,
        description: j.description ?? j.journal,
        company_id: co(j.company),
        currency: j.currency,
        is_balanced: 1,
        created_by: null,
        created_at: now,
      })
      .execute();
    const journal = await trx
      .selectFrom('adjustment_journals')
      .select('id')
      .where('conso_id', '=', consoId)
      .where('code', '=', j.journal)
      .executeTakeFirstOrThrow();
    counts.adjustment_lines += await bulkInsert(
      trx,
      'adjustment_lines',
      j.lines.map((l) => ({
        journal_id: journal.id,
        account_id: acc(l.account),
        partner_company_id: opt(l.partner, ids.companies),
        flow_id: opt(l.flow, ids.flows),
        dimension: l.dimension ?? null,
        amount: l.amount,
      })),
    );
  }
  counts.ic_rules = 0;
  for (const rule of file.ic_rules ?? []) {
    const existing = await trx
      .selectFrom('ic_rules')
      .select('id')
      .where('customer_id', '=', ids.customerId)
      .where('code', '=', rule.name)
      .executeTakeFirst();
    if (existing) {
      await trx.deleteFrom('ic_rule_accounts').where('ic_rule_id', '=', existing.id).execute();
      await trx.deleteFrom('ic_rules').where('id', '=', existing.id).execute();
    }
    await trx
      .insertInto('ic_rules')
      .values({
        customer_id: ids.customerId,
        code: rule.name,
        name: rule.name,
        difference_account_id: acc(rule.diff_account),
        tolerance: rule.tolerance ?? 0,
      })
      .execute();
    const id = (
      await trx
        .selectFrom('ic_rules')
        .select('id')
        .where('customer_id', '=', ids.customerId)
        .where('code', '=', rule.name)
        .executeTakeFirstOrThrow()
    ).id;
    await bulkInsert(trx, 'ic_rule_accounts', [
      ...rule.side_a.map((a) => ({ ic_rule_id: id, side: 'A' as const, account_id: acc(a) })),
      ...rule.side_b.map((b) => ({ ic_rule_id: id, side: 'B' as const, account_id: acc(b) })),
    ]);
    counts.ic_rules += 1;
  }
  return counts;
}
