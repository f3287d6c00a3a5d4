import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiContext } from './api-context.js';
import type { ReadinessCheck } from './http-options.js';
import type { ReadinessView } from './view-schemas.js';

/** Outcome of one readiness check: passed, threw, or outlasted the timeout. */
type CheckOutcome = 'ok' | 'failed' | 'timeout';

/** Runs one check within `timeoutMs`, aborting its signal when it outlasts it. */
async function runCheck<T>(
  check: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
): Promise<{ outcome: CheckOutcome; value?: T; error?: unknown }> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const result = await Promise.race([check(controller.signal).then((value) => ({ value })), timeout]);
    if (result === 'timeout') {
      controller.abort();
      return { outcome: 'timeout' };
    }
    return { outcome: 'ok', value: result.value };
  } catch (error) {
    return { outcome: 'failed', error };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Registers `GET /health` (the process answers) and `GET /ready` (the queue and every registered
 * check answer in time). Neither needs a token: load balancers and orchestrators call them. So
 * that an anonymous caller learns nothing of the internals, `/ready` names a failed check and
 * whether it failed or timed out; the cause goes to the server log.
 */
export function registerHealthRoutes(app: FastifyInstance, api: ApiContext): void {
  const { client, readinessChecks, readinessTimeoutMs } = api.options;
  // A one-job page is the cheapest read every adapter serves: it needs the connection and the schema.
  const checks: Array<[string, ReadinessCheck]> = [
    ['queue', () => client.queue.list({ limit: 1 })],
    ...Object.entries(readinessChecks),
  ];

  /** Queues whose jobs wait for a runner; reported, not a failure, and never what fails the probe. */
  async function unserved(request: FastifyRequest): Promise<ReadinessView['unservedQueues']> {
    const outcome = await runCheck(() => api.coverage.unserved(), readinessTimeoutMs);
    if (outcome.outcome !== 'ok') {
      api
        .logOf(request)
        .warn({ outcome: outcome.outcome, err: outcome.error }, 'Could not tell unserved queues');
    }
    return (outcome.value ?? []).map((d) => ({ ...d, oldestRunAt: d.oldestRunAt.toISOString() }));
  }

  app.get('/health', { exposeHeadRoute: false }, async () => ({ status: 'ok' as const }));

  app.get('/ready', { exposeHeadRoute: false }, async (request, reply) => {
    const results = await Promise.all(
      checks.map(async ([name, check]) => ({ name, ...(await runCheck(check, readinessTimeoutMs)) })),
    );
    for (const r of results) {
      if (r.outcome !== 'ok') {
        api
          .logOf(request)
          .warn({ check: r.name, outcome: r.outcome, err: r.error }, 'Readiness check failed');
      }
    }
    const ready = results.every((r) => r.outcome === 'ok');
    const unservedQueues = ready ? await unserved(request) : [];
    const view: ReadinessView = {
      status: ready ? 'ready' : 'unavailable',
      unservedQueues,
      checks: results.map((r) => ({ name: r.name, ok: r.outcome === 'ok', outcome: r.outcome })),
    };
    return reply.code(ready ? 200 : 503).send(view);
  });
}
