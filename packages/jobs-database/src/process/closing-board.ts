import type { ClosingStage, ConsoDatabase, ConsoRow } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import type { ClosingFacts, CompanyFacts } from './closing-facts.js';

/** One company's row of the board after a run. */
export type StatusRow = ConsoRow<'closing_company_status'> & { readonly code: string };

/** A stage of a company that this run reached (`advanced`) or lost because the facts changed (`reset`). */
export interface BoardChange {
  readonly company: string;
  readonly stage: ClosingStage;
  readonly change: 'advanced' | 'reset';
}

/** Who records the board and when. */
export interface BoardRun {
  readonly processId: number;
  /** The login of the run (the job's user, else `system`). */
  readonly login: string;
  readonly now: string;
}

/**
 * Brings every company's status row in line with the facts: a stage holds while its condition
 * does (submitted: bundle data exists; validated: submitted, balanced and no validation rule fails;
 * consolidated: validated, the conso has its consolidated data, and the latest finished
 * consolidation started after its data last changed). A stage that still holds keeps the time and
 * login of the run that first recorded it. A change of the company's data (its signature) restarts
 * it: `changed_at` moves to now, so only a consolidation started afterwards counts.
 */
export async function updateClosingBoard(
  trx: Kysely<ConsoDatabase>,
  run: BoardRun,
  facts: ClosingFacts,
): Promise<{ rows: StatusRow[]; changes: BoardChange[] }> {
  const stored = new Map(
    (
      await trx
        .selectFrom('closing_company_status')
        .selectAll()
        .where('process_id', '=', run.processId)
        .execute()
    ).map((row) => [row.company_id, row]),
  );
  const rows: StatusRow[] = [];
  const changes: BoardChange[] = [];
  for (const company of facts.companies) {
    const before = stored.get(company.companyId);
    const changed = before === undefined || before.data_signature !== company.signature;
    const changedAt = changed ? run.now : before.changed_at;
    const holds = stagesHolding(company, changedAt, facts.lastConsolidationStart);
    const next = {
      process_id: run.processId,
      company_id: company.companyId,
      data_signature: company.signature,
      changed_at: changedAt,
    };
    // Changed data earns every stage anew: a stage that still holds is recorded by this run.
    const kept = changed ? undefined : before;
    const [submittedAt, submittedBy] = stamp('submitted', holds.submitted, kept, run);
    const [validatedAt, validatedBy] = stamp('validated', holds.validated, kept, run);
    const [consolidatedAt, consolidatedBy] = stamp('consolidated', holds.consolidated, kept, run);
    const values = {
      ...next,
      submitted_at: submittedAt,
      submitted_by: submittedBy,
      validated_at: validatedAt,
      validated_by: validatedBy,
      consolidated_at: consolidatedAt,
      consolidated_by: consolidatedBy,
    };
    for (const stage of ['submitted', 'validated', 'consolidated'] as const) {
      const was = before?.[`${stage}_at`] != null;
      if (holds[stage] !== was)
        changes.push({ company: company.code, stage, change: holds[stage] ? 'advanced' : 'reset' });
    }
    if (before === undefined) await trx.insertInto('closing_company_status').values(values).execute();
    else await trx.updateTable('closing_company_status').set(values).where('id', '=', before.id).execute();
  }
  const fresh = await trx
    .selectFrom('closing_company_status as s')
    .innerJoin('companies as c', 'c.id', 's.company_id')
    .selectAll('s')
    .select('c.code')
    .where('s.process_id', '=', run.processId)
    .where(
      's.company_id',
      'in',
      facts.companies.map((c) => c.companyId),
    )
    .orderBy('c.code')
    .execute();
  rows.push(...fresh);
  return { rows, changes };
}

function stagesHolding(
  company: CompanyFacts,
  changedAt: string | null,
  lastConsolidationStart: string | undefined,
): Record<ClosingStage, boolean> {
  const submitted = company.signature !== null;
  const validated = submitted && company.balanced && company.rulesPass;
  const consolidated =
    validated &&
    company.consolidated &&
    lastConsolidationStart !== undefined &&
    changedAt !== null &&
    lastConsolidationStart > changedAt;
  return { submitted, validated, consolidated };
}

/** The time and login of a stage: kept from the row while it holds, this run's when it starts to, none when it does not. */
function stamp(
  stage: ClosingStage,
  holds: boolean,
  before: ConsoRow<'closing_company_status'> | undefined,
  run: BoardRun,
): [string | null, string | null] {
  if (!holds) return [null, null];
  const at = before?.[`${stage}_at`] ?? null;
  return at === null ? [run.now, run.login] : [at, before?.[`${stage}_by`] ?? null];
}
