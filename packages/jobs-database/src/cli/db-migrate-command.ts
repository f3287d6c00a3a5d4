import { migrateToLatest } from '@hangar/conso-db';
import type { CliCommand } from '@hangar/core';
import { optionValue, parseArgs } from './cli-args.js';
import { openCommandDb } from './open-command-db.js';

/** `hangar db migrate --db URL`: applies pending migrations of the consolidation database. */
export const dbMigrateCommand: CliCommand = {
  path: ['db', 'migrate'],
  summary: 'Create or upgrade the consolidation database schema (running it again changes nothing)',
  usage: 'hangar db migrate --db URL',
  async run(args, io) {
    const parsed = parseArgs(args, ['db']);
    const url = optionValue(parsed, 'db') ?? process.env.HANGAR_CONSO_DB;
    if (url === undefined) {
      io.stderr.write(`Missing --db URL (or HANGAR_CONSO_DB)\nUsage: ${this.usage}\n`);
      return 2;
    }
    let db: Awaited<ReturnType<typeof openCommandDb>>;
    try {
      db = await openCommandDb(url, false);
    } catch (error) {
      io.stderr.write(`Cannot open ${url}: ${(error as Error).message}\n`);
      return 1;
    }
    try {
      const applied = await migrateToLatest(db.consoDb.db);
      io.stdout.write(
        applied.length === 0
          ? 'Database is up to date\n'
          : `Applied ${applied.length} migration(s): ${applied.join(', ')}\n`,
      );
      return 0;
    } catch (error) {
      io.stderr.write(`Migration failed: ${(error as Error).message}\n`);
      return 1;
    } finally {
      await db.dispose();
    }
  },
};
