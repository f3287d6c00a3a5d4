import { consoDbToken, generateSampleGroup, migrateToLatest, openConsoDb } from '@hangar/conso-db';
import { createConsoJobsPlugin } from '@hangar/jobs-database';
import { createRunner, MemoryQueue } from '@hangar/runner';
import { sql } from 'kysely';

const consoDb = await openConsoDb('postgres://postgres@127.0.0.1:5432/test', { schema: 'zz_explain' });
await sql`drop schema if exists zz_explain cascade`.execute(consoDb.db);
await sql`create schema zz_explain`.execute(consoDb.db);
await migrateToLatest(consoDb.db);
const s = await generateSampleGroup(consoDb.db, { companies: 100, accounts: 300, seed: 1 });
const queue = new MemoryQueue();
const runner = createRunner({
  queue,
  plugins: [createConsoJobsPlugin()],
  services: [{ token: consoDbToken, value: consoDb }],
});
await runner.start();
const { id } = await runner.client.enqueue('conso.integration', { consos: [s.consoId], steps: 15 });
console.log((await runner.client.waitFor(id)).state);
await runner.stop();
await queue.close();
await consoDb.close();
