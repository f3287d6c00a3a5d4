import type { FastifyInstance } from 'fastify';
import { JobMetrics } from '../metrics/job-metrics.js';
import type { ResolvedMetricsOptions } from '../metrics/metrics-options.js';
import { loadPromClient } from '../metrics/prom-client-loader.js';
import type { ApiContext } from './api-context.js';

/**
 * Registers `GET /metrics` in the Prometheus text format, without a token (scrapers rarely send
 * one; the customer label, the only tenant detail, is off unless the operator turns it on).
 * prom-client is loaded here, so a server without metrics never needs it.
 */
export async function registerMetricsRoute(
  app: FastifyInstance,
  api: ApiContext,
  options: ResolvedMetricsOptions,
): Promise<void> {
  const prom = await loadPromClient();
  const { client } = api.options;
  const metrics = new JobMetrics(prom, options, client.events, client.queue);
  app.addHook('onClose', async () => metrics.stop());
  app.get('/metrics', { exposeHeadRoute: false }, async (_request, reply) => {
    const { contentType, body } = await metrics.scrape();
    return reply.header('content-type', contentType).send(body);
  });
}
