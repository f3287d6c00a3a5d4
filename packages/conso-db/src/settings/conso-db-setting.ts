import { mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { PluginSettingsContext } from '@hangar/core';
import { z } from 'zod';
import { parseConsoDbUrl, SQLITE_MEMORY } from '../dialects/conso-db-url.js';
import { migrateToLatest } from '../migrations/migrate-to-latest.js';
import { type ConsoDb, openConsoDb } from '../open-conso-db.js';
import { loadTinyDemoGroup } from '../sample-group/tiny-demo-group.js';

/**
 * How a job pack's settings name the consolidation database: a URL, or an object with the URL and
 * how to open it. Shared by every pack that reads the database, so a config says it the same way
 * for each.
 */
export const consoDbSettingSchema = z.union([
  z.string().min(1),
  z.strictObject({
    /** `postgres://…`, `mssql://…`, `sqlite:path` (relative to the config file) or a file path. */
    url: z.string().min(1),
    /** PostgreSQL schema to work in, created if missing. */
    schema: z.string().min(1).optional(),
    /** Pooled connections (PostgreSQL, SQL Server). @defaultValue 10 */
    poolSize: z.number().int().min(1).optional(),
    /** Apply pending migrations when opening. @defaultValue true */
    migrate: z.boolean().optional(),
    /** `"demo"`: load the tiny demo group (customer `DEMO`) when the database has no customer yet. */
    seed: z.literal('demo').optional(),
  }),
]);

/** The consolidation database as a pack's settings give it. */
export type ConsoDbSetting = z.output<typeof consoDbSettingSchema>;

/** A SQLite file named relative to `baseDir`, made absolute with its directory created; other URLs as given. */
async function locate(url: string, baseDir: string): Promise<string> {
  const parsed = parseConsoDbUrl(url);
  if (parsed.dialect !== 'sqlite' || parsed.filename === SQLITE_MEMORY) return url;
  const file = isAbsolute(parsed.filename) ? parsed.filename : resolve(baseDir, parsed.filename);
  await mkdir(dirname(file), { recursive: true });
  return `sqlite:${file}`;
}

/**
 * Opens (and by default migrates) the database a pack's settings name. Packs configured with the
 * same database get the same pool: it is built once through the host's `shared` and closed by the
 * host when it stops.
 */
export async function openConsoDbFromSetting(
  setting: ConsoDbSetting,
  context: PluginSettingsContext,
): Promise<ConsoDb> {
  const options = typeof setting === 'string' ? { url: setting } : setting;
  const url = await locate(options.url, context.baseDir);
  const key = `@hangar/conso-db:${JSON.stringify([url, options.schema ?? null, options.poolSize ?? null])}`;
  return context.shared(key, async () => {
    const consoDb = await openConsoDb(url, {
      ...(options.schema === undefined ? {} : { schema: options.schema }),
      ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
    });
    try {
      if (options.migrate !== false) await migrateToLatest(consoDb.db);
      if (options.seed === 'demo') {
        const customer = await consoDb.db.selectFrom('customers').select('id').limit(1).executeTakeFirst();
        if (customer === undefined) await loadTinyDemoGroup(consoDb.db);
      }
    } catch (error) {
      await consoDb.close();
      throw error;
    }
    return { value: consoDb, dispose: () => consoDb.close() };
  });
}
