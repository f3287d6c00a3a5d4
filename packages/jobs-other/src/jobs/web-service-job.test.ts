import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type HttpTestServer,
  type ReceivedRequest,
  startHttpTestServer,
} from '../testing/http-test-server.js';
import { openRunnerFixture, type RunnerFixture } from '../testing/runner-fixture.js';
import type { WebServiceResult } from './web-service-job.js';

type Handler = (req: ReceivedRequest, res: ServerResponse, n: number) => void | Promise<void>;

const open: { fx: RunnerFixture; http: HttpTestServer }[] = [];

/** A real HTTP server on loopback and a runner allowed to call its `/api/` with a secret token. */
async function setup(handle: Handler, webService: Record<string, unknown> = {}) {
  const http = await startHttpTestServer(handle);
  const fx = await openRunnerFixture('sqlite', {
    webService: {
      allowList: [
        { url: `${http.url}/api/`, headers: { authorization: 'acme-token', 'x-api-key': 'acme-key' } },
        { url: `${http.url}/bravo/`, customers: ['BRAVO'] },
      ],
      secrets: { 'acme-token': 'Bearer s3cret', 'acme-key': 'k-123' },
      retryDelayMs: 10,
      ...webService,
    },
  });
  open.push({ fx, http });
  return { fx, http };
}

afterEach(async () => {
  for (const { fx, http } of open.splice(0)) {
    await fx.close();
    await http.close();
  }
});

const call = (fx: RunnerFixture, params: Record<string, unknown>) =>
  fx.run('other.web-service', params, { customerId: 'DEMO' });

const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
};

describe('WebServiceJob against a real HTTP server on loopback', () => {
  it('sends the secret headers of the endpoint and a JSON body, and returns the JSON answer', async () => {
    const { fx, http } = await setup((req, res) =>
      json(res, 201, { echo: JSON.parse(req.body), url: req.url }),
    );
    const job = await call(fx, {
      method: 'POST',
      url: `${http.url}/api/rates`,
      query: { period: '202312', all: true },
      body: { json: { currency: 'USD', rate: 0.905 } },
    });
    expect(job.state, JSON.stringify(job.errorInfo)).toBe('Succeeded');
    expect(job.result?.result).toEqual({
      status: 201,
      contentType: 'application/json',
      attempts: 1,
      body: { echo: { currency: 'USD', rate: 0.905 }, url: '/api/rates?period=202312&all=true' },
    });
    const [req] = http.requests;
    expect(req).toMatchObject({ method: 'POST' });
    expect(req!.headers).toMatchObject({
      authorization: 'Bearer s3cret',
      'x-api-key': 'k-123',
      'content-type': 'application/json',
    });
    // The secrets never reach the job's record.
    expect(JSON.stringify(job)).not.toContain('s3cret');
  });

  it('sends a form body and keeps a text answer', async () => {
    const { fx, http } = await setup((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`got ${req.body} as ${req.headers['content-type']}`);
    });
    const job = await call(fx, {
      method: 'PUT',
      url: `${http.url}/api/form`,
      body: { form: { a: '1', b: 'x y' } },
    });
    expect((job.result!.result as WebServiceResult).body).toBe(
      'got a=1&b=x+y as application/x-www-form-urlencoded',
    );
  });

  it('waits as a 503 with Retry-After asks, then succeeds', async () => {
    const { fx, http } = await setup((_req, res, n) =>
      n === 1 ? json(res, 503, { busy: true }, { 'retry-after': '1' }) : json(res, 200, { ok: n }),
    );
    const job = await call(fx, { url: `${http.url}/api/busy` });
    expect(job.state).toBe('Succeeded');
    expect(job.result?.result).toMatchObject({ status: 200, attempts: 2, body: { ok: 2 } });
    expect(http.requests).toHaveLength(2);
    expect(job.result?.warnings?.map((w) => w.params)).toEqual([
      { url: `${http.url}/api/busy`, attempt: 1, detail: 'status 503' },
    ]);
  });

  it('gives up after its tries when the service answers 5xx, and when it is too slow', async () => {
    const { fx, http } = await setup(
      (req, res) => {
        if (req.url === '/api/slow') return; // never answers: each try times out
        json(res, 500, { error: 'boom' });
      },
      { attempts: 2, timeoutMs: 300 },
    );
    const failing = await call(fx, { url: `${http.url}/api/fail` });
    expect(failing.state).toBe('Failed');
    expect(failing.errorInfo?.[0]).toMatchObject({
      code: 'OTHER_WEB_SERVICE_UNAVAILABLE',
      params: { attempts: 2, detail: 'status 500' },
    });
    const slow = await call(fx, { url: `${http.url}/api/slow` });
    expect(slow.errorInfo?.[0]).toMatchObject({
      code: 'OTHER_WEB_SERVICE_UNAVAILABLE',
      params: { attempts: 2, detail: 'no answer within 300 ms' },
    });
    for (let i = 0; i < 2_000 && !http.requests.every((r) => r.url !== '/api/slow' || r.aborted); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(http.requests.map((r) => [r.url, r.aborted])).toEqual([
      ['/api/fail', false],
      ['/api/fail', false],
      ['/api/slow', true],
      ['/api/slow', true],
    ]);
  });

  it('does not retry a 4xx answer', async () => {
    const { fx, http } = await setup((_req, res) => json(res, 404, { error: 'no such report' }));
    const job = await call(fx, { url: `${http.url}/api/missing` });
    expect(job.errorInfo?.[0]).toMatchObject({
      code: 'OTHER_WEB_SERVICE_REFUSED',
      params: { status: 404, detail: '{"error":"no such report"}' },
    });
    expect(http.requests).toHaveLength(1);
  });

  it('streams a large body into an output file', async () => {
    const line = `${'x'.repeat(99)}\n`;
    const lines = 50_000;
    const { fx, http } = await setup(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      for (let i = 0; i < lines; i++) {
        if (!res.write(line)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
    });
    const job = await call(fx, { url: `${http.url}/api/export.csv`, fileName: 'export.csv' });
    expect(job.state, JSON.stringify(job.errorInfo)).toBe('Succeeded');
    const result = job.result?.result as WebServiceResult;
    expect(result.body).toBeUndefined();
    expect(result.file).toMatchObject({ name: 'export.csv', mediaType: 'text/csv', size: lines * 100 });
    expect(job.result?.outputFiles).toEqual([result.file]);
    const stored = await readFile(fx.store.pathOf(result.file!.location), 'utf8');
    expect(stored).toBe(line.repeat(lines));
  });

  it('refuses a URL outside the allow-list, or reserved for another customer, sending nothing', async () => {
    const { fx, http } = await setup((_req, res) => json(res, 200, {}));
    const refused: [string, string][] = [
      [`${http.url}/admin`, 'OTHER_URL_NOT_ALLOWED'],
      [`${http.url}/apix/data`, 'OTHER_URL_NOT_ALLOWED'],
      [`${http.url}/api/../admin`, 'OTHER_URL_NOT_ALLOWED'],
      ['http://example.com/api/data', 'OTHER_URL_NOT_ALLOWED'],
      [`${http.url}/bravo/report`, 'TENANT_MISMATCH'],
    ];
    for (const [url, code] of refused) {
      const job = await call(fx, { url });
      expect(job.state, url).toBe('Failed');
      expect(job.errorInfo?.[0], url).toMatchObject({
        code,
        params: expect.objectContaining({ param: 'url' }),
      });
    }
    await expect(
      fx.runner.client.enqueue('other.web-service', { url: `${http.url}/api/x`, headers: { a: 'b' } }),
    ).rejects.toMatchObject({ code: 'PARAMS_INVALID' });
    expect(http.requests).toEqual([]);
  });

  it('is cancelled while waiting for an answer, aborting the request', async () => {
    const { fx, http } = await setup(() => undefined);
    const { id } = await fx.runner.client.enqueue(
      'other.web-service',
      { url: `${http.url}/api/hang` },
      { customerId: 'DEMO' },
    );
    for (let i = 0; i < 2_000 && http.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await fx.runner.client.cancel(id);
    const job = await fx.runner.client.waitFor(id, { pollMs: 20 });
    expect(job.state).toBe('Cancelled');
    for (let i = 0; i < 2_000 && !http.requests[0]?.aborted; i++) await new Promise((r) => setTimeout(r, 10));
    expect(http.requests.map((r) => r.aborted)).toEqual([true]);
  });
});
