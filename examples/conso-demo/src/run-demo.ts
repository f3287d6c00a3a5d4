import { rm } from 'node:fs/promises';
import { consoDbToken, loadTinyDemoGroup, migrateToLatest, openConsoDb } from '@hangar/conso-db';
import consoJobsPlugin, {
  INTEGRATION_JOB_TYPE,
  OWNERSHIP_JOB_TYPE,
  WORKFLOW_JOB_TYPE,
  type WorkflowParams,
} from '@hangar/jobs-database';
import { createRunner, MemoryQueue } from '@hangar/runner';

/** What the demo found. */
export interface DemoOutcome {
  /** The conso that was consolidated. */
  consoCode: string;
  /** Final state of the month-end workflow and of its two steps. */
  states: { workflow: string; ownership: string; integration: string };
  /** Ownership per company: method and group share. */
  ownership: Array<{ company: string; method: string; group: number; minority: number }>;
  /** Consolidated trial balance, one amount per account (group currency). */
  trialBalance: Array<{ account: string; amount: number }>;
  /** Sum of the trial balance (zero when it balances). */
  total: number;
}

/**
 * Creates an SQLite database at `file`, migrates it, loads the tiny demo group, then runs the
 * month-end workflow (the real ownership job, then the real consolidation job once it succeeded)
 * on an embedded runner (memory queue), printing the jobs' progress in `lang` through `print`.
 */
export async function runDemo(
  file: string,
  lang = 'en',
  print: (line: string) => void = () => {},
): Promise<DemoOutcome> {
  await rm(file, { force: true });
  const conso = await openConsoDb(`sqlite:${file}`);
  const runner = createRunner({
    queue: new MemoryQueue(),
    plugins: [consoJobsPlugin],
    services: [{ token: consoDbToken, value: conso }],
  });
  try {
    const applied = await migrateToLatest(conso.db);
    print(`Database ${file}: ${applied.length} migrations applied`);
    const demo = await loadTinyDemoGroup(conso.db);
    print(
      `Loaded group of ${demo.companies.length} companies (${demo.companies.join(', ')}) for conso ${demo.consoCode}`,
    );
    runner.events.on('job:progress', ({ entry }) => {
      const counts = entry.total ? ` [${entry.current ?? 0}/${entry.total}]` : '';
      print(`  ${runner.registry.translator.render(entry.message, lang)}${counts}`);
    });
    await runner.start();
    // The demo group's customer code is the tenant its jobs run under.
    const customerId = demo.customerCode;
    // The month-end close as a workflow: each step is a job of its own on the queue; the
    // consolidation runs only once the ownership step succeeded.
    const monthEnd: WorkflowParams = {
      name: 'month-end-close',
      steps: [
        {
          id: 'ownership',
          type: OWNERSHIP_JOB_TYPE,
          params: { conso: demo.consoCode },
          after: [],
          on: 'success',
        },
        {
          id: 'consolidate',
          type: INTEGRATION_JOB_TYPE,
          params: { consos: [demo.consoCode] },
          after: ['ownership'],
          on: 'success',
        },
      ],
    };
    print('Running the month-end workflow: ownership percentages, then consolidation…');
    const { id } = await runner.client.enqueue(WORKFLOW_JOB_TYPE, monthEnd, { customerId, userId: 'demo' });
    const job = await runner.client.waitFor(id);
    const view = await runner.client.getWorkflow(id);
    const stepState = (step: string) => view?.steps.find((s) => s.id === step)?.state ?? 'Waiting';
    if (job.state !== 'Succeeded') {
      const errors = (job.errorInfo ?? []).map((e) => runner.registry.translator.render(e, lang)).join('; ');
      throw new Error(`${WORKFLOW_JOB_TYPE} ended ${job.state}: ${errors}`);
    }
    const states = {
      workflow: job.state,
      ownership: stepState('ownership'),
      integration: stepState('consolidate'),
    };
    print(
      `Workflow ${monthEnd.name}: ${job.state} (ownership ${states.ownership}, consolidation ${states.integration})`,
    );

    const ownership = await conso.db
      .selectFrom('ownerships as o')
      .innerJoin('companies as c', 'c.id', 'o.company_id')
      .select(['c.code as company', 'o.method', 'o.group_pct as group', 'o.minority_pct as minority'])
      .where('o.conso_id', '=', demo.consoId)
      .orderBy('c.code')
      .execute();
    const rows = await conso.db
      .selectFrom('consolidated_data as d')
      .innerJoin('accounts as a', 'a.id', 'd.account_id')
      .select((eb) => ['a.code as account', eb.fn.sum<number>('d.amount_gc').as('amount')])
      .where('d.conso_id', '=', demo.consoId)
      .groupBy('a.code')
      .orderBy('a.code')
      .execute();
    const trialBalance = rows
      .map((r) => ({ account: r.account, amount: Math.round(Number(r.amount) * 100) / 100 }))
      .filter((r) => Math.abs(r.amount) >= 0.005);
    const total = Math.round(trialBalance.reduce((s, r) => s + r.amount, 0) * 100) / 100;
    return {
      consoCode: demo.consoCode,
      states,
      ownership: ownership.map((o) => ({
        company: o.company,
        method: o.method,
        group: Number(o.group),
        minority: Number(o.minority),
      })),
      trialBalance,
      total,
    };
  } finally {
    await runner.stop();
    await conso.close();
  }
}
