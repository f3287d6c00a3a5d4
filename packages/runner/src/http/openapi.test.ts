import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, startApi, TOKENS } from './test-fixtures.js';

afterEach(closeAll);

interface Doc {
  openapi: string;
  servers: Array<{ url: string }>;
  paths: Record<
    string,
    Record<
      string,
      {
        parameters: Array<{ name: string; in: string }>;
        responses: Record<string, unknown>;
        security?: unknown[];
        requestBody?: {
          content: Record<string, { schema: { oneOf: Array<{ properties: Record<string, unknown> }> } }>;
        };
      }
    >
  >;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
}

describe('GET /openapi.json', () => {
  it('documents exactly the routes the server registers, with parameters, body and error responses', async () => {
    const served: string[] = [];
    const api = await startApi({}, (app) => {
      // Collected from fastify itself, so a route added without documentation fails this test.
      app.addHook('onRoute', (route) => {
        for (const method of [route.method].flat())
          served.push(`${method.toLowerCase()} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
      });
    });
    const res = await api.call('/openapi.json', TOKENS.acmeViewer);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: '/' }]);

    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(documented.sort()).toEqual(served.sort());
    expect(served.sort()).toEqual([
      'delete /jobs/{id}',
      'delete /schedules/{name}',
      'delete /triggers/{name}',
      'get /docs',
      'get /health',
      'get /job-types',
      'get /jobs',
      'get /jobs/{id}',
      'get /jobs/{id}/events',
      'get /jobs/{id}/files/{name}',
      'get /openapi.json',
      'get /ready',
      'get /schedules',
      'get /triggers',
      'get /workflows/{id}',
      'post /jobs',
      'post /jobs/{id}/cancel',
      'post /jobs/{id}/retry',
      'post /schedules/{name}/pause',
      'post /schedules/{name}/resume',
      'post /schedules/{name}/trigger',
      'post /triggers/{name}/pause',
      'post /triggers/{name}/resume',
      'post /workflows/{id}/cancel',
      'post /workflows/{id}/steps/{step}/retry',
      'put /schedules/{name}',
      'put /triggers/{name}',
    ]);

    const list = doc.paths['/jobs']?.get;
    expect(list?.parameters.map((p) => p.name)).toEqual([
      'lang',
      'customerId',
      'state',
      'type',
      'queue',
      'userId',
      'parentId',
      'limit',
      'cursor',
    ]);
    const post = doc.paths['/jobs']?.post;
    const variants = post?.requestBody?.content['application/json']?.schema.oneOf ?? [];
    expect(variants.map((v) => v.properties.type)).toEqual([
      { const: 'math.add' },
      { const: 'test.fail' },
      { const: 'test.files' },
      { const: 'test.steps' },
    ]);
    expect(Object.keys(variants[0]?.properties ?? {})).toEqual(['type', 'params', 'options']);
    expect(variants[3]?.properties.params).toEqual({ $ref: '#/components/schemas/Params.test.steps' });
    // Described as sent: delayMs has a default, so a caller may leave it out.
    expect(doc.components.schemas['Params.test.steps']).toMatchObject({
      properties: { count: { type: 'integer' }, delayMs: { type: 'integer', default: 0 } },
      required: ['count'],
    });
    for (const path of ['/health', '/ready', '/openapi.json', '/docs']) {
      expect(doc.paths[path]?.get?.security).toEqual([]);
    }
    expect(doc.paths['/jobs']?.get?.security).toBeUndefined();
    expect(Object.keys(post?.responses ?? {}).sort()).toEqual(['200', '201', '400', '401', '403']);
    expect(doc.paths['/jobs/{id}']?.get?.parameters[0]).toMatchObject({ name: 'id', in: 'path' });
    expect(Object.keys(doc.components.schemas.Job?.properties ?? {})).toEqual(
      expect.arrayContaining([
        'state',
        'progress',
        'warnings',
        'errors',
        'result',
        'outputFiles',
        'attempts',
        'worker',
        'createdAt',
      ]),
    );
  });
});
