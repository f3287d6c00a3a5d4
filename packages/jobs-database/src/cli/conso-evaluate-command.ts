import { readFile } from 'node:fs/promises';
import { type ConsoDb, consoDbToken, maskUrlPassword, migrateToLatest } from '@hangar/conso-db';
import type { CliCommand, CliIo, HangarPlugin } from '@hangar/core';
import { CaseFieldNotStorableError } from '../case-loading/case-field-not-storable-error.js';
import { type LoadedCase, loadCase } from '../case-loading/load-case.js';
import { EngineError, evaluateCase } from '../engine/index.js';
import { CaseJobFailedError } from '../errors/case-job-failed-error.js';
import { optionValue, parseArgs } from './cli-args.js';
import { openCommandDb } from './open-command-db.js';
import { runCaseJobs } from './run-case-jobs.js';

/** Database the evaluate command uses without `--db`: a fresh SQLite in memory. */
export const DEFAULT_EVALUATE_DB = 'sqlite::memory:';

const USAGE = 'hangar conso evaluate <case.json> [--db URL] [--keep]';

/**
 * `hangar conso evaluate <case.json> [--db URL]`: loads a reference case into a fresh migrated
 * database, runs the real jobs of its step through the CLI's embedded host, reads the results
 * back from the database and prints one JSON object shaped like the case's `expected`. Exit codes:
 * 0 printed, 2 unreadable input, 1 the run failed. `plugin` returns the plugin whose jobs run.
 */
export function createEvaluateCommand(plugin: () => HangarPlugin): CliCommand {
  return {
    path: ['conso', 'evaluate'],
    summary: 'Run a consolidation reference case through the real jobs and print the results as JSON',
    usage: USAGE,
    run: (args, io) => evaluate(args, io, plugin),
  };
}

async function evaluate(args: readonly string[], io: CliIo, plugin: () => HangarPlugin): Promise<number> {
  const parsed = parseArgs(args, ['db']);
  const file = parsed.positional[0];
  if (file === undefined || parsed.positional.length > 1) {
    io.stderr.write(`Usage: ${USAGE}\n`);
    return 2;
  }
  let caseJson: unknown;
  try {
    caseJson = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    io.stderr.write(`Cannot read case ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  if (io.host === undefined) {
    io.stderr.write('conso evaluate needs the hangar CLI host to run jobs (io.host is not set)\n');
    return 1;
  }
  const url = optionValue(parsed, 'db') ?? DEFAULT_EVALUATE_DB;
  let db: Awaited<ReturnType<typeof openCommandDb>>;
  try {
    db = await openCommandDb(url, true, parsed.options.has('keep'));
  } catch (error) {
    io.stderr.write(`Cannot open database ${maskUrlPassword(url)}: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    await migrateToLatest(db.consoDb.db);
    let loaded: LoadedCase;
    try {
      loaded = await loadCase(db.consoDb.db, caseJson);
    } catch (error) {
      if (error instanceof CaseFieldNotStorableError) {
        // The same engine the jobs run, without the database round trip the model cannot hold.
        io.stderr.write(`${error.message}; evaluated by the consolidation engine directly\n`);
        io.stdout.write(`${JSON.stringify(evaluateCase(caseJson), null, 2)}\n`);
        return 0;
      }
      if (!(error instanceof EngineError)) throw error;
      io.stderr.write(`Invalid case ${file}: ${error.message}\n`);
      return 2;
    }
    const output = await runWithHost(io, db.consoDb, loaded, plugin);
    io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CaseJobFailedError) {
      const info = error.record.errorInfo ?? error.record.result?.errorInfo ?? [];
      io.stderr.write(`${error.message}\n`);
      for (const entry of info) io.stderr.write(`  ${entry.code} ${JSON.stringify(entry.params)}\n`);
    } else {
      io.stderr.write(`conso evaluate failed: ${(error as Error).message}\n`);
    }
    return 1;
  } finally {
    await db.dispose();
  }
}

async function runWithHost(
  io: CliIo,
  consoDb: ConsoDb,
  loaded: LoadedCase,
  plugin: () => HangarPlugin,
): Promise<Record<string, unknown>> {
  const host = await (io.host as NonNullable<CliIo['host']>).startEmbedded({
    plugins: [plugin()],
    services: [{ token: consoDbToken, value: consoDb }],
  });
  try {
    return await runCaseJobs(host, consoDb, loaded);
  } finally {
    await host.stop();
  }
}
