import type { DataOrigin, NewConsoRow } from '@hangar/conso-db';
import type { DataLine } from '../engine/index.js';
import { MissingAccountError } from '../errors/missing-account-error.js';
import type { ConsoModel } from '../loading/conso-model.js';

/** A line to store: an engine line plus where it came from and its dimension. */
export interface OutputLine extends DataLine {
  /** Stored origin. */
  readonly origin: DataOrigin;
  /** Analytical dimension, when executed. */
  readonly dimension?: string;
}

/** Turns lines into `consolidated_data` rows, mapping codes to ids. */
export function toConsolidatedRows(
  model: ConsoModel,
  step: string,
  lines: Iterable<OutputLine>,
): NewConsoRow<'consolidated_data'>[] {
  const rows: NewConsoRow<'consolidated_data'>[] = [];
  const { companies, flows } = model.codes;
  for (const line of lines) {
    const account = model.accounts.id(line.account);
    if (account === undefined) throw new MissingAccountError(line.account, model.conso.code);
    const company = companies.id(line.company);
    if (company === undefined) throw new RangeError(`unknown company ${line.company}`);
    rows.push({
      conso_id: model.conso.id,
      company_id: company,
      account_id: account,
      partner_company_id: line.partner === undefined ? null : (companies.id(line.partner) ?? null),
      flow_id: line.flow === undefined ? null : (flows.id(line.flow) ?? null),
      dimension: line.dimension ?? null,
      origin: line.origin,
      step,
      amount_gc: line.amount,
    });
  }
  return rows;
}
