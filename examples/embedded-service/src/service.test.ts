import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { startOrdersService } from './service.js';

describe('runner embedded in an existing service', () => {
  it('enqueues from a route and serves the result from the same process', async () => {
    const service = await startOrdersService();
    try {
      const accepted = await fetch(`${service.url}/orders/42/digest?rounds=2000`, { method: 'POST' });
      expect(accepted.status).toBe(202);
      const { jobId } = (await accepted.json()) as { jobId: string };
      let expected = '42';
      for (let i = 0; i < 2000; i++) expected = createHash('sha256').update(expected).digest('hex');
      await vi.waitFor(
        async () => {
          const body = await (await fetch(`${service.url}/orders/42/digest/${jobId}`)).json();
          expect(body).toMatchObject({ state: 'Succeeded', result: { orderId: '42', digest: expected } });
        },
        { timeout: 5000, interval: 20 },
      );
      const bad = await fetch(`${service.url}/orders/42/digest?rounds=0`, { method: 'POST' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toMatch(/rounds/);
    } finally {
      await service.close();
    }
  });
});
