import type { ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import type { CodeMap } from '../loading/code-map.js';
import type { FormulaNode } from './formula-ast.js';
import { parseFormula } from './formula-parser.js';

/** The formula group run before Bundles. */
export const BEFORE_CONSOLIDATION_GROUP = 'before_consolidation';

/** A formula ready to evaluate. */
export interface LoadedFormula {
  /** Account the formula sets. */
  readonly target: string;
  /** The expression as entered. */
  readonly expression: string;
  /** Its parse tree. */
  readonly tree: FormulaNode;
}

/**
 * Loads and parses the formulas of a customer's group, in sequence order. Parsing happens here,
 * before any data is read, so a syntax error fails the conso at once with the formula named.
 */
export async function loadFormulas(
  db: Kysely<ConsoDatabase>,
  customerId: number,
  group: string,
  accounts: CodeMap,
): Promise<LoadedFormula[]> {
  const rows = await db
    .selectFrom('formulas as f')
    .innerJoin('formula_groups as g', 'g.id', 'f.formula_group_id')
    .select(['f.target_account_id', 'f.expression'])
    .where('g.customer_id', '=', customerId)
    .where('g.name', '=', group)
    .orderBy('g.sequence')
    .orderBy('f.sequence')
    .orderBy('f.id')
    .execute();
  return rows.map((row) => ({
    target: accounts.codeOf(row.target_account_id),
    expression: row.expression,
    tree: parseFormula(row.expression),
  }));
}
