import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineJob, type QueueAdapter, t } from '@hangar/core';
import { createRunner, type HangarRunner, MemoryQueue } from '@hangar/runner';
import { z } from 'zod';

/** The service's own background job: hashes a payload many times (CPU work with progress). */
export const digestJob = defineJob({
  type: 'orders.digest',
  params: z.object({ orderId: z.string(), rounds: z.number().int().min(1).max(1_000_000) }),
  create: () => ({
    async execute({ orderId, rounds }, ctx) {
      let digest = orderId;
      for (let i = 1; i <= rounds; i++) {
        digest = createHash('sha256').update(digest).digest('hex');
        if (i % 1000 === 0) {
          ctx.checkpoint();
          ctx.progress(t('orders.digest.progress', { orderId }), { current: i, total: rounds });
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      return { orderId, digest };
    },
  }),
});

/** An existing service: its own routes, plus a runner started and stopped with it. */
export interface OrdersService {
  /** Base URL the service listens on. */
  url: string;
  /** The embedded runner. */
  runner: HangarRunner;
  /** Stops the HTTP server, then the runner gracefully. */
  close(): Promise<void>;
}

/** Starts the service on `port` (0 picks a free one) with the runner embedded in the same process. */
export async function startOrdersService(
  port = 0,
  queue: QueueAdapter = new MemoryQueue(),
): Promise<OrdersService> {
  const runner = await createRunner({ queue, jobs: [digestJob], concurrency: 2 }).start();
  const server: Server = createServer((req, res) => {
    handle(runner, req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    runner,
    close: async () => {
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      await runner.stop();
    },
  };
}

async function handle(runner: HangarRunner, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const match = /^\/orders\/([\w-]+)\/digest(?:\/([\w-]+))?$/.exec(url.pathname);
  if (req.method === 'POST' && match && !match[2]) {
    const rounds = Number(url.searchParams.get('rounds') ?? 10_000);
    try {
      const { id } = await runner.client.enqueue('orders.digest', { orderId: match[1], rounds });
      return send(res, 202, { jobId: id });
    } catch (error) {
      return send(res, 400, { error: (error as Error).message });
    }
  }
  if (req.method === 'GET' && match?.[2]) {
    const job = await runner.client.get(match[2]);
    if (!job) return send(res, 404, { error: 'no such job' });
    return send(res, 200, { state: job.state, progress: job.progress, result: job.result?.result });
  }
  send(res, 404, { error: 'not found' });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
