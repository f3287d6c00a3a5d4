import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bundleBalances,
  type ConsoDb,
  consoDbToken,
  generateSampleGroup,
  migrateToLatest,
  openConsoDb,
} from '@hangar/conso-db';
import { LocalFileStore } from '@hangar/jobs-importexport';
import {
  createOtherJobsPlugin,
  EMAIL_JOB_TYPE,
  saveValidationRule,
  VALIDATION_REPORT_JOB_TYPE,
  type ValidationRuleInput,
} from '@hangar/jobs-other';
import { createRunner, MemoryQueue } from '@hangar/runner';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';

/**
 * Validation rules the benchmark gives the generated customer: one that every company fails (the
 * generator books no movement on retained earnings), so the failures sheet has a line per
 * company, one that every company passes over most of the chart, and one on the IC accounts.
 */
const BENCH_RULES: readonly ValidationRuleInput[] = [
  {
    code: 'RESULT',
    name: 'Result in equity = result in P&L',
    left: { roles: ['retained_earnings'], flows: ['F20'] },
    right: { types: ['PL'] },
    blocking: true,
  },
  {
    code: 'BS-EQ',
    name: 'Assets and liabilities = -(equity + P&L)',
    left: { types: ['BS'] },
    right: { types: ['EQ', 'PL'] },
    operator: 'opposite',
  },
  { code: 'IC-NET', name: 'Intercompany accounts net to zero', left: { roles: ['ic'] }, tolerance: 1000 },
];

/** One timed line of the other-jobs benchmark. */
export interface OtherBenchRow {
  what: string;
  seconds: number;
  /** Messages sent or companies checked. */
  units: number;
}

async function startSink(): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 100,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * EmailJob sending `messages` e-mails (one job, one recipient per message, rendered per recipient)
 * to a local smtp-server, beside nodemailer alone sending the same number of messages over one
 * pooled connection; then ValidationReportJob on a generated group in PostgreSQL beside one bare
 * SQL balance check. Alternating runs; prints a table and returns its rows.
 */
export async function benchOtherJobs(): Promise<OtherBenchRow[]> {
  const messages = Number(process.env.BENCH_EMAILS ?? 1000);
  const rounds = Number(process.env.BENCH_OTHER_ROUNDS ?? 2);
  const url = process.env.HANGAR_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const companies = Number(process.env.BENCH_OTHER_COMPANIES ?? 200);
  const accounts = Number(process.env.BENCH_OTHER_ACCOUNTS ?? 500);
  const rows: OtherBenchRow[] = [];
  const time = async (what: string, units: number, work: () => Promise<void>) => {
    const started = performance.now();
    await work();
    const seconds = (performance.now() - started) / 1000;
    rows.push({ what, seconds, units });
    console.log(`  ${what}: ${seconds.toFixed(2)} s`);
  };

  const sink = await startSink();
  const dir = await mkdtemp(join(tmpdir(), 'bench-other-'));
  // A named schema keeps the generated group between runs (1,000 × 2,000 takes minutes to write).
  const kept = process.env.BENCH_OTHER_SCHEMA;
  const schema = kept ?? `bench_other_${randomBytes(4).toString('hex')}`;
  const consoDb = await openConsoDb(url, { schema, poolSize: 4 });
  const queue = new MemoryQueue();
  try {
    await migrateToLatest(consoDb.db);
    let group = kept === undefined ? undefined : await findGroup(consoDb.db, companies);
    if (group === undefined) {
      const started = performance.now();
      const generated = await generateSampleGroup(consoDb.db, { companies, accounts, seed: 7 });
      group = generated;
      const seconds = (performance.now() - started) / 1000;
      rows.push({
        what: `generateSampleGroup ${companies} × ${accounts}`,
        seconds,
        units: generated.bundleRows,
      });
      console.log(`  generated ${generated.bundleRows} bundle rows: ${seconds.toFixed(2)} s`);
    }
    // The customer's own rules, so "all checks" also evaluates account relations.
    const customer = await consoDb.db
      .selectFrom('customers')
      .select('id')
      .where('code', '=', group.customerCode)
      .executeTakeFirstOrThrow();
    for (const rule of BENCH_RULES) await saveValidationRule(consoDb.db, customer.id, rule);
    const runner = await createRunner({
      queue,
      plugins: [
        createOtherJobsPlugin({
          fileStore: new LocalFileStore(dir),
          smtp: { port: sink.port, from: 'bench@hangar.test' },
          maxRecipients: messages,
        }),
      ],
      services: [{ token: consoDbToken, value: consoDb }],
      pollIntervalMs: 20,
    }).start();
    const to = Array.from({ length: messages }, (_, i) => ({
      address: `user${i}@bench.test`,
      language: i % 2 ? 'fr' : 'en',
    }));
    const run = async (type: string, params: unknown) => {
      const job = await runner.client.waitFor((await runner.client.enqueue(type, params)).id, { pollMs: 5 });
      if (job.state !== 'Succeeded')
        throw new Error(`${type} ended ${job.state}: ${JSON.stringify(job.errorInfo)}`);
    };
    for (let round = 1; round <= rounds; round++) {
      await time(`nodemailer alone, ${messages} messages (round ${round})`, messages, async () => {
        const transport = nodemailer.createTransport({
          pool: true,
          maxConnections: 1,
          host: '127.0.0.1',
          port: sink.port,
        });
        for (const recipient of to) {
          await transport.sendMail({
            from: 'bench@hangar.test',
            to: recipient.address,
            subject: 'Your report r.xlsx is ready',
            text: 'Hello,\n\nyour report r.xlsx is attached.\n\nHangar',
            html: '<p>Hello,</p><p>your report <strong>r.xlsx</strong> is attached.</p><p>Hangar</p>',
          });
        }
        transport.close();
      });
      await time(`EmailJob, ${messages} messages (round ${round})`, messages, () =>
        run(EMAIL_JOB_TYPE, { template: 'report-ready', params: { name: 'r.xlsx' }, to }),
      );
    }
    const where = { periodId: group.periodId, categoryId: group.categoryId };
    const ratios: string[] = [];
    for (let round = 1; round <= rounds; round++) {
      await time(`bare SQL balance check (round ${round})`, companies, async () => {
        await bundleBalances(consoDb.db, where);
      });
      await time(`ValidationReportJob, balance only (round ${round})`, companies, () =>
        run(VALIDATION_REPORT_JOB_TYPE, {
          customer: group.customerCode,
          conso: group.consoCode,
          checks: ['balance'],
        }),
      );
      await time(`ValidationReportJob, all checks (round ${round})`, companies, () =>
        run(VALIDATION_REPORT_JOB_TYPE, { customer: group.customerCode, conso: group.consoCode }),
      );
      // Ratios within the round: the machine's load moves the bare check too, from round to round.
      const [bare, balance, all] = rows.slice(-3).map((row) => row.seconds) as [number, number, number];
      ratios.push(
        `round ${round}: balance only ${(balance / bare).toFixed(2)}×, all checks ${(all / bare).toFixed(2)}×`,
      );
    }
    console.log(`  ValidationReportJob against the bare check, ${ratios.join('; ')}`);
    await runner.stop();
  } finally {
    if (kept === undefined) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(consoDb.db);
    await consoDb.close();
    await queue.close();
    await sink.close();
    await rm(dir, { recursive: true, force: true });
  }
  console.log('\n| what | seconds | per unit ms |');
  console.log('|---|---:|---:|');
  for (const row of rows) {
    console.log(
      `| ${row.what} | ${row.seconds.toFixed(2)} | ${((row.seconds * 1000) / row.units).toFixed(3)} |`,
    );
  }
  return rows;
}

/** The group a previous run generated with seed 7 in a kept schema, when its size matches. */
async function findGroup(
  db: ConsoDb['db'],
  companies: number,
): Promise<{ customerCode: string; consoCode: string; periodId: number; categoryId: number } | undefined> {
  const conso = await db
    .selectFrom('consos as c')
    .innerJoin('customers as u', 'u.id', 'c.customer_id')
    .select([
      'u.id as customerId',
      'u.code as customerCode',
      'c.code as consoCode',
      'c.period_id',
      'c.category_id',
    ])
    .where('u.code', '=', 'SAMPLE7')
    .executeTakeFirst();
  if (conso === undefined) return undefined;
  const counted = await db
    .selectFrom('companies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('customer_id', '=', conso.customerId)
    .executeTakeFirstOrThrow();
  if (Number(counted.n) !== companies)
    throw new Error(
      `schema ${process.env.BENCH_OTHER_SCHEMA} holds ${counted.n} companies, not ${companies}`,
    );
  return {
    customerCode: conso.customerCode,
    consoCode: conso.consoCode,
    periodId: conso.period_id,
    categoryId: conso.category_id,
  };
}
