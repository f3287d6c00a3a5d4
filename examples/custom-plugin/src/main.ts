import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunner, MemoryQueue } from '@hangar/runner';
import wordCountPlugin from './word-count-plugin.js';

// Registers the plugin in a runner on the embedded queue and runs one job.
const file = join(tmpdir(), 'hangar-example.txt');
await writeFile(file, 'the quick brown fox\njumps over the lazy dog\n');
const runner = await createRunner({ queue: new MemoryQueue(), plugins: [wordCountPlugin] }).start();
const { id } = await runner.client.enqueue('example.word-count', { path: file });
const job = await runner.client.waitFor(id);
console.log(job.state, job.result?.result);
await runner.stop();
