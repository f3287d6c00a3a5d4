import { bulkInsert, type ConsoDatabase, type NewConsoRow } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import { type CaseReader, parseChart, parseLinkedInput } from '../engine/index.js';
import { flowKindOf, writeCaseMaster, writeConso, writePeriod } from './case-master-data.js';
import { id, type LoadedRunCase, lineColumns } from './load-run-case.js';

/** Group currency of LinkedCategories cases, which name none. */
const LINKED_CURRENCY = 'EUR';

/** A period given as `YYYY.MM` (or `YYYYMM`). */
function parsePeriod(reader: CaseReader): { year: number; month: number; code: string } {
  const text = reader.string();
  const match = /^(\d{4})[.\-/]?(\d{1,2})$/.exec(text.trim());
  if (match === null) return reader.fail(`expected a period YYYY.MM, got "${text}"`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return reader.fail(`month ${month} is not 1-12`);
  return { year, month, code: `${year}${String(month).padStart(2, '0')}` };
}

/**
 * Maps a LinkedCategories case into rows: the chart (the link's retained-earnings account gets
 * the `retained_earnings` role), the source data as the source conso's bundles, the target conso
 * with every source company in its perimeter, and the category link.
 */
export async function loadLinkedCase(db: Kysely<ConsoDatabase>, reader: CaseReader): Promise<LoadedRunCase> {
  const linked = parseLinkedInput(reader);
  const link = reader.field('link');
  const source = {
    period: parsePeriod(link.field('source').field('period')),
    category: link.field('source').field('category').string(),
  };
  const target = {
    period: parsePeriod(link.field('target').field('period')),
    category: link.field('target').field('category').string(),
  };
  const chart = parseChart(reader.field('accounts'))
    .all()
    .map((a) => {
      const { role, ...rest } = a;
      if (a.code === linked.retainedEarningsAccount) return { ...rest, role: 'retained_earnings' };
      return role === undefined || role === 'retained_earnings' ? rest : { ...rest, role };
    });
  const flows = new Map<string, ReturnType<typeof flowKindOf>>([[linked.openingFlow, 'opening']]);
  if (linked.closingFlow !== undefined) flows.set(linked.closingFlow, 'closing');
  for (const lines of Object.values(linked.sourceData)) {
    for (const line of lines)
      if (line.flow !== undefined && !flows.has(line.flow)) flows.set(line.flow, flowKindOf(line.flow));
  }
  const companies = Object.keys(linked.sourceData);
  const master = await writeCaseMaster(db, {
    groupCurrency: LINKED_CURRENCY,
    companies: companies.map((code) => ({ code, currency: LINKED_CURRENCY })),
    accounts: chart,
    flows: [...flows].map(([code, kind]) => ({ code, kind })),
    categories: [...new Set([source.category, target.category])],
  });
  const parentId = id(master.companies, companies[0] ?? '', 'source_data company');
  const conso = async (side: typeof source) => {
    const periodId = await writePeriod(db, master.customerId, side.period.year, side.period.month);
    const categoryId = master.categories.get(side.category) as number;
    const written = await writeConso(db, {
      customerId: master.customerId,
      periodId,
      periodCode: side.period.code,
      categoryId,
      categoryCode: side.category,
      groupCurrency: LINKED_CURRENCY,
      parentId,
    });
    return { ...written, periodId, categoryId };
  };
  const sourceConso = await conso(source);
  const targetConso = await conso(target);
  const rows: NewConsoRow<'bundles'>[] = [];
  for (const [company, lines] of Object.entries(linked.sourceData)) {
    for (const line of lines) {
      rows.push({
        company_id: id(master.companies, company, 'company'),
        period_id: sourceConso.periodId,
        category_id: sourceConso.categoryId,
        ...lineColumns(master, line),
      });
    }
  }
  await bulkInsert(db, 'bundles', rows);
  await bulkInsert(
    db,
    'ownerships',
    companies.map((code) => ({
      conso_id: targetConso.id,
      company_id: id(master.companies, code, 'company'),
      group_pct: 1,
      control_pct: 1,
      minority_pct: 0,
      integration_pct: 1,
      method: 'G' as const,
    })),
  );
  await db
    .insertInto('category_links')
    .values({
      customer_id: master.customerId,
      source_conso_id: sourceConso.id,
      target_conso_id: targetConso.id,
      mode: 'closing_to_opening',
      data_types: 'bundles',
    })
    .execute();
  return { customerId: master.customerId, consoId: targetConso.id, consoCode: targetConso.code };
}
