// Child process of the deletion crash tests: starts a deletion as the jobs do (mark, then
// batches) and kills itself with SIGKILL inside batch N, its transaction still open, like a
// worker that dies mid-delete. Usage: deletion-crash-child.ts <url> <schema|-> conso|customer <id> <N>
import { openConsoDb } from '@hangar/conso-db';
import { markConsoDeleting, markCustomerDeleting } from '../deletion/deletion-marks.js';
import { consoDeletionPlan, customerDeletionPlan } from '../deletion/deletion-plan.js';
import { runDeletion } from '../deletion/run-deletion.js';

const [url, schema, kind, idText, killAtText] = process.argv.slice(2);
if (url === undefined || kind === undefined || idText === undefined || killAtText === undefined) {
  throw new Error('usage: deletion-crash-child <url> <schema|-> conso|customer <id> <batch>');
}
const id = Number(idText);
const killAt = Number(killAtText);
const consoDb = await openConsoDb(url, schema === '-' || schema === undefined ? {} : { schema });
if (kind === 'conso') {
  const conso = await consoDb.db
    .selectFrom('consos')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await markConsoDeleting(consoDb.db, conso);
} else {
  await markCustomerDeleting(consoDb.db, id);
}
let batches = 0;
await runDeletion({
  consoDb,
  steps: kind === 'conso' ? consoDeletionPlan(id) : customerDeletionPlan(id),
  batchSize: 2,
  ctx: { signal: new AbortController().signal, checkpoint: () => undefined },
  insideBatch: async (_trx, batch) => {
    if (batch.rows > 0) batches += 1;
    if (batches === killAt) {
      process.stdout.write(`killing in batch ${batches} of ${batch.table}\n`);
      process.kill(process.pid, 'SIGKILL');
      await new Promise(() => undefined);
    }
  },
});
// Reaching here means the deletion ended before batch N: the test asks for more batches than exist.
process.stdout.write('finished without being killed\n');
process.exit(3);
