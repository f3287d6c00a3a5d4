/**
 * A runner process for the tracing test: runs the test job types from a Redis queue with tracing
 * into an in-memory exporter, and on SIGTERM stops, prints its finished spans as one JSON line and
 * exits. Usage: node --import tsx tracing-test-runner.ts <redis url> <prefix>
 */
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { testPlugin } from '../http/test-fixtures.js';
import { RedisQueue } from '../redis/redis-queue.js';
import { createRunner } from '../runner/hangar-runner.js';
import { exportedSpans } from './span-records.js';

const [url = '', prefix = ''] = process.argv.slice(2);
const exporter = new InMemorySpanExporter();
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const queue = new RedisQueue({ connection: url, prefix });
const runner = createRunner({
  queue,
  plugins: [testPlugin],
  pollIntervalMs: 20,
  tracing: { tracerProvider },
});

process.once('SIGTERM', () => {
  void (async () => {
    await runner.stop(1000);
    await queue.close();
    process.stdout.write(`${JSON.stringify(exportedSpans(exporter))}\n`);
    process.exit(0);
  })();
});

await runner.start();
process.stdout.write('ready\n');
