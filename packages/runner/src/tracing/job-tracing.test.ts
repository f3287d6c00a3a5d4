import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../client/hangar-client.js';
import { closeAll, onCleanup, testPlugin } from '../http/test-fixtures.js';
import { redisTestSkip } from '../redis/redis-test-harness.js';
import { testNamespace } from '../redis/redis-test-support.js';
import { createRunner } from '../runner/hangar-runner.js';
import { exportedSpans, type SpanRecord } from './span-records.js';

afterEach(closeAll);

const RUNNER = fileURLToPath(new URL('./tracing-test-runner.ts', import.meta.url));

function tracerProvider() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return { exporter, provider };
}

/** Starts the runner process and resolves once it serves the queue. */
async function startRunnerProcess(
  url: string,
  prefix: string,
): Promise<{ proc: ChildProcess; spans: () => Promise<SpanRecord[]> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', RUNNER, url, prefix], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  onCleanup(async () => {
    if (proc.exitCode === null) proc.kill('SIGKILL');
  });
  while (!out.includes('ready\n')) {
    if (proc.exitCode !== null) throw new Error(`the runner process exited with ${proc.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    proc,
    async spans() {
      const exited = once(proc, 'exit');
      proc.kill('SIGTERM');
      await exited;
      const line = out.split('\n').find((l) => l.startsWith('['));
      return JSON.parse(line ?? '[]') as SpanRecord[];
    },
  };
}

describe('OpenTelemetry spans of enqueues and attempts, on Redis', () => {
  let skip: string | undefined;
  beforeAll(async () => {
    skip = await redisTestSkip('tracing on Redis');
  });

  it('makes each attempt in another runner process a child of its enqueue span', async (ctx) => {
    if (skip) return ctx.skip();
    const ns = testNamespace();
    onCleanup(() => ns.teardown());
    const runnerProcess = await startRunnerProcess(ns.url, ns.prefix);
    const { exporter, provider } = tracerProvider();
    const client = createClient({
      queue: await ns.create(),
      plugins: [testPlugin],
      tracing: { tracerProvider: provider },
    });

    const { id, job } = await client.enqueue('math.add', { a: 1, b: 2 }, { customerId: 'acme' });
    expect(job.metadata?.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const failed = await client.enqueue('test.fail', {}, { customerId: 'acme' });
    expect((await client.waitFor(id, { pollMs: 20 })).state).toBe('Succeeded');
    expect((await client.waitFor(failed.id, { pollMs: 20 })).state).toBe('Failed');
    // The second attempt of a job retried by hand is a child of the same enqueue span.
    await client.retry(failed.id);
    expect((await client.waitFor(failed.id, { pollMs: 20 })).attempts).toBe(2);

    const enqueues = exportedSpans(exporter);
    const runs = await runnerProcess.spans();
    const enqueueOf = (jobId: string) => enqueues.find((s) => s.attributes['hangar.job.id'] === jobId);
    const add = enqueueOf(id);
    expect(add).toMatchObject({
      name: 'enqueue math.add',
      parentSpanId: undefined,
      attributes: { 'hangar.job.type': 'math.add', 'hangar.job.queue': 'default', 'hangar.customer': 'acme' },
    });
    expect(runs.filter((s) => s.attributes['hangar.job.id'] === id)).toEqual([
      expect.objectContaining({
        name: 'run math.add',
        traceId: add?.traceId,
        parentSpanId: add?.spanId,
        attributes: expect.objectContaining({
          'hangar.job.attempt': 1,
          'hangar.job.type': 'math.add',
          'hangar.job.queue': 'default',
          'hangar.customer': 'acme',
          'hangar.attempt.outcome': 'succeeded',
        }),
      }),
    ]);
    const fail = enqueueOf(failed.id);
    const failRuns = runs.filter((s) => s.attributes['hangar.job.id'] === failed.id);
    expect(
      failRuns.map((s) => [s.attributes['hangar.job.attempt'], s.attributes['hangar.attempt.outcome']]),
    ).toEqual([
      [1, 'failed'],
      [2, 'failed'],
    ]);
    for (const run of failRuns) {
      expect(run).toMatchObject({ traceId: fail?.traceId, parentSpanId: fail?.spanId, status: 2 });
    }
  });

  it('gives the attempt of a job stored without a trace context a span of its own, at the root', async (ctx) => {
    if (skip) return ctx.skip();
    const ns = testNamespace();
    onCleanup(() => ns.teardown());
    const { exporter, provider } = tracerProvider();
    const queue = await ns.create();
    const runner = createRunner({
      queue,
      plugins: [testPlugin],
      pollIntervalMs: 20,
      tracing: { tracerProvider: provider },
    });
    await runner.start();
    onCleanup(() => runner.stop(100));
    // A job stored without a trace context (an earlier version, another tool) still gets its span.
    const bare = createClient({ queue: await ns.create(), plugins: [testPlugin] });
    const { id } = await bare.enqueue('math.add', { a: 2, b: 2 });
    await runner.client.waitFor(id, { pollMs: 20 });
    await runner.stop(100);
    const [run] = exportedSpans(exporter).filter((s) => s.attributes['hangar.job.id'] === id);
    expect(run).toMatchObject({ name: 'run math.add', parentSpanId: undefined });
  });
});
