import { recordingLogger } from '@hangar/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, type ErrorJson, enqueue, startApi, TOKENS } from './test-fixtures.js';

afterEach(closeAll);

async function errorOf(res: Response): Promise<ErrorJson['error']> {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as ErrorJson;
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
  return body.error;
}

describe('every error has the API body, code and request id', () => {
  it('answers an unknown route with ROUTE_NOT_FOUND, in the caller’s language', async () => {
    const api = await startApi();
    const res = await api.call('/nowhere?lang=fr', TOKENS.acmeViewer);
    expect(res.status).toBe(404);
    const error = await errorOf(res);
    expect(error).toMatchObject({ code: 'ROUTE_NOT_FOUND', params: { method: 'GET', url: '/nowhere' } });
    expect(error.message).toContain('Aucune route');
  });

  it('answers an over-long id with 414 REQUEST_INVALID without echoing it', async () => {
    const api = await startApi();
    const id = 'x'.repeat(400);
    const res = await api.call(`/jobs/${id}`, TOKENS.acmeViewer);
    expect(res.status).toBe(414);
    const error = await errorOf(res);
    expect(error).toMatchObject({ code: 'REQUEST_INVALID', issues: [{ path: 'path' }] });
    expect(JSON.stringify(error)).not.toContain(id);
  });

  it('answers over-large headers with 431 REQUEST_INVALID', async () => {
    const api = await startApi();
    const res = await api.call('/jobs', TOKENS.acmeViewer, { headers: { 'x-big': 'y'.repeat(40_000) } });
    expect(res.status).toBe(431);
    const error = await errorOf(res);
    expect(error).toMatchObject({ code: 'REQUEST_INVALID', issues: [{ path: 'headers' }] });
  });

  it('answers a URL that is not valid with 400 REQUEST_INVALID', async () => {
    const api = await startApi();
    const res = await api.call('/jobs/%E0%A4%A', TOKENS.acmeViewer);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: 'REQUEST_INVALID', issues: [{ path: 'path' }] });
  });

  it('answers an over-large body with 413 and bad JSON with 400, both REQUEST_INVALID', async () => {
    const api = await startApi({ fastify: { bodyLimit: 200 } });
    const big = await enqueue(api, TOKENS.acmeOperator, {
      type: 'math.add',
      params: { pad: 'p'.repeat(500) },
    });
    expect(big.status).toBe(413);
    expect(await errorOf(big)).toMatchObject({ code: 'REQUEST_INVALID', issues: [{ path: '' }] });
    const bad = await api.call('/jobs', TOKENS.acmeOperator, { method: 'POST', body: '{"type":' });
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toMatchObject({
      code: 'REQUEST_INVALID',
      issues: [{ code: 'FST_ERR_CTP_INVALID_JSON_BODY' }],
    });
  });

  it('answers a cursor the queue did not issue with REQUEST_INVALID naming query.cursor', async () => {
    const api = await startApi();
    const res = await api.call('/jobs?cursor=forged', TOKENS.acmeViewer);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({
      code: 'REQUEST_INVALID',
      issues: [{ path: 'query.cursor', code: 'invalid_cursor' }],
    });
  });

  it('logs a 500 with its cause and the request id the caller gets, and shows the caller neither', async () => {
    const logger = recordingLogger();
    const api = await startApi({ logger }, (app) => {
      app.get('/explode', async () => {
        throw new Error("ENOENT: no such file, open '/srv/hangar/secret/ledger.db'");
      });
    });
    const res = await api.call('/explode', TOKENS.acmeViewer);
    expect(res.status).toBe(500);
    const error = await errorOf(res);
    expect(error).toMatchObject({ code: 'INTERNAL_ERROR', params: { requestId: error.requestId } });
    expect(JSON.stringify(error)).not.toContain('/srv/hangar');
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const logged = logger.entries.filter((e) => e.level === 'error');
    expect(logged).toHaveLength(1);
    const fields = logged[0]?.fields ?? {};
    expect(fields).toMatchObject({ requestId: error.requestId, method: 'GET', url: '/explode' });
    expect(String((fields.err as Error).message)).toContain('/srv/hangar/secret/ledger.db');
  });

  it('sends the request id on successful replies too', async () => {
    const api = await startApi();
    const res = await api.call('/jobs', TOKENS.acmeViewer);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
